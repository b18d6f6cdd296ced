/**
 * The Find page's today is the server's (issue 16: "today and every date in the restaurant's time
 * zone"), as the server names it: APP_TIMEZONE, in GET /api/health's data. The server runs in a zone
 * whose today is not Bogotá's (the page's default, and the device's here), so a page that kept the
 * default would search the wrong day. On a device that never heard the server the page moves to the
 * server's today once its health answer comes; a device that did asks for that day from its very first
 * call (no request, and no render, of the default's day).
 */
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { APP_TIME_ZONE } from '../../src/features/find/findDays.ts';
import { startAppServer, type AppServer } from '../support/appServer.ts';
import { launchChromium, shouldRunBrowserSuite } from './support/chromium.ts';
import { cspViolations, openPage, screenshot, type OpenedPage } from './support/pages.ts';

const dayIn = (timeZone: string, at: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

/**
 * A server zone whose today is not the default's (Bogotá's), now and for the next three minutes:
 * Kiritimati (UTC+14) except in Bogotá's first five hours, when it agrees and Pago Pago (UTC-11) is
 * still on the day before.
 */
function zoneApartFromDefault(): string {
  const now = Date.now();
  const later = now + 3 * 60_000;
  const candidates = ['Pacific/Kiritimati', 'Pacific/Pago_Pago'];
  const zone = candidates.find((candidate) =>
    [now, later].every((at) => dayIn(candidate, at) !== dayIn(APP_TIME_ZONE, at) && dayIn(candidate, at) === dayIn(candidate, now)),
  );
  if (!zone) throw new Error('no zone is a day apart from Bogotá for the next three minutes');
  return zone;
}

/** The `date` of every guest.restaurants query the page sends (tRPC's batched GETs, the inline early calls' too). */
function restaurantsQueryDates(page: Page): string[] {
  const dates: string[] = [];
  page.on('request', (request: Request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith('/trpc/')) return;
    const paths = decodeURIComponent(url.pathname.slice('/trpc/'.length)).split(',');
    const inputs = JSON.parse(url.searchParams.get('input') ?? '{}') as Record<string, { date?: string; json?: { date?: string } }>;
    paths.forEach((path, index) => {
      const input = inputs[String(index)];
      const date = input?.date ?? input?.json?.date;
      if (path === 'guest.restaurants' && date) dates.push(date);
    });
  });
  return dates;
}

/**
 * Records, frame by frame from the page's first script on, each day the Find page's day field has
 * shown: what the guest saw, not only what the page asked for.
 */
async function recordShownDays(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const shown: string[] = [];
    Object.assign(window, { shownDays: shown });
    const look = () => {
      const value = document.querySelector<HTMLInputElement>('input[type="date"]')?.value;
      if (value && shown.at(-1) !== value) shown.push(value);
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  return () => page.evaluate(() => (window as unknown as { shownDays: string[] }).shownDays);
}

describe.skipIf(!shouldRunBrowserSuite())('the Find page on a server in another zone, in Chromium', () => {
  const zone = zoneApartFromDefault();
  let server: AppServer;
  let browser: Browser;
  let visit: OpenedPage;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer({ webApp: true, timeZone: zone }), launchChromium()]);
    await server.api.restaurant.create.mutate({
      name: 'Mesa del Pacífico',
      address: 'Calle 1 # 2-3',
      description: 'Cocina del mar',
      photoUrl: 'https://example.com/mar.jpg',
      cityId: 1,
    });
    // A device in Bogotá: the default's zone, and a day apart from the server's.
    visit = await openPage(browser, server.url);
  });

  afterEach(() => {
    expect(visit.pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  afterAll(async () => {
    await visit?.close();
    await browser?.close();
    await server?.stop();
  });

  it("searches the server's today, not the default's nor the device's, and offers no day before it", async () => {
    const { page } = visit;
    const today = dayIn(zone, Date.now());
    expect(today).not.toBe(dayIn(APP_TIME_ZONE, Date.now()));
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(APP_TIME_ZONE);
    const health = (await (await fetch(`${server.url}/api/health`)).json()) as { data: { timeZone: string } };
    expect(health.data.timeZone).toBe(zone);

    const asked = restaurantsQueryDates(page);
    const shown = await recordShownDays(page);
    await page.goto('/');
    const day = page.getByLabel('Day', { exact: true });
    await expect.poll(() => day.inputValue()).toBe(today);
    expect(await day.getAttribute('min')).toBe(today);
    await page.getByRole('heading', { level: 3, name: 'Mesa del Pacífico' }).waitFor();
    // The results on screen are the server's day's: its query was the last one sent.
    await expect.poll(() => asked.at(-1)).toBe(today);
    // A device that never heard the server may start on the default's day (calls started before the
    // app's code can only guess) and then moves, once, to the server's: never back.
    const days = await shown();
    expect(days.at(-1)).toBe(today);
    expect(days.length).toBeLessThanOrEqual(2);
    console.info(`[zone] ${zone}, first visit: asked for ${asked.join(', ')}; the day field showed ${days.join(', ')}`);
    await screenshot(page, 'find-server-zone');
  });

  it("asks for the server's today from its first call once the device has heard the zone", async () => {
    const { page } = visit;
    const today = dayIn(zone, Date.now());
    const asked = restaurantsQueryDates(page);
    const shown = await recordShownDays(page);
    await page.reload();
    await expect.poll(() => page.getByLabel('Day', { exact: true }).inputValue()).toBe(today);
    await page.getByRole('heading', { level: 3, name: 'Mesa del Pacífico' }).waitFor();
    expect(asked.length).toBeGreaterThan(0);
    // Never the default's day: not first and then corrected, not at all, neither asked for nor shown.
    expect(
      asked.every((date) => date === today),
      asked.join(', '),
    ).toBe(true);
    expect(await shown()).toEqual([today]);
  });
});
