import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Screenshots for people to look at (git-ignored). */
const SCREENSHOT_DIR = fileURLToPath(new URL('../../../test-output', import.meta.url));

/**
 * Content-Security-Policy violations Chromium reported in any page's console, for the suite to
 * fail on: the built app must run under the server's CSP (no inline scripts, no other origins).
 */
export const cspViolations: string[] = [];

export interface OpenedPage {
  page: Page;
  /** Uncaught exceptions in the page: a healthy run has none. */
  pageErrors: string[];
  close(): Promise<void>;
}

interface PageOptions {
  locale?: string;
  viewport?: { width: number; height: number };
  /** The device's zone (default Bogotá's): a guest abroad sees the restaurant's days all the same. */
  timezoneId?: string;
}

/**
 * A page in a fresh browser context (its own storage), in Bogotá's time zone unless told. Requests to any host
 * but the test server are aborted: restaurant photos point at the internet, which is not reachable
 * here, and an abort makes them fall back to their placeholder at once instead of after a timeout.
 */
export async function openPage(browser: Browser, baseUrl: string, options: PageOptions = {}): Promise<OpenedPage> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: options.locale ?? 'en-US',
    timezoneId: options.timezoneId ?? 'America/Bogota',
    viewport: options.viewport ?? { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(10_000);
  const origin = new URL(baseUrl).origin;
  await context.route(
    (url) => url.origin !== origin,
    (route) => route.abort(),
  );
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
  return { page, pageErrors, close: () => context.close() };
}

/**
 * After each test: every page it opened closes, and none of them threw or met the server's
 * Content-Security-Policy (the built app must run under it).
 */
export async function closeCheckedPages(opened: OpenedPage[]): Promise<void> {
  for (const page of opened.splice(0)) {
    expect(page.pageErrors).toEqual([]);
    await page.close();
  }
  expect(cspViolations).toEqual([]);
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // From the top, or the sticky header is painted where the page was scrolled to; then the page at rest:
  // the photos in view loaded or failed (a failed one is swapped for its placeholder on the next
  // render), the scroll at the top two frames running (a smooth scroll into view may still be moving)
  // and every transition finished (endless ones, a spinner's, aside). Waited for, not a fixed pause:
  // 150 ms before each of some 70 pictures was about 10 s of the browser suites.
  await page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const photosInView = () =>
      [...document.images].filter((image) => {
        const box = image.getBoundingClientRect();
        return box.bottom > 0 && box.top < window.innerHeight && box.width > 0;
      });
    window.scrollTo({ top: 0, behavior: 'instant' });
    for (let attempt = 0; attempt < 120 && photosInView().some((image) => !image.complete); attempt += 1) await frame();
    for (let atTop = 0, attempt = 0; atTop < 2 && attempt < 60; attempt += 1) {
      window.scrollTo({ top: 0, behavior: 'instant' });
      await frame();
      atTop = window.scrollY === 0 ? atTop + 1 : 0;
    }
    await Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getTiming().iterations !== Number.POSITIVE_INFINITY)
        .map((animation) => animation.finished.catch(() => undefined)),
    );
  });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });
}

/** Types into a city picker and picks the option with that exact name. */
export async function pickCity(page: Page, pickerLabel: string, typed: string, city: string) {
  const picker = page.getByRole('combobox', { name: pickerLabel });
  await picker.fill(typed);
  await page.getByRole('option', { name: city, exact: true }).click();
}

/** True when nothing sticks out sideways (a phone would have to scroll horizontally). */
export const fitsViewportWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
