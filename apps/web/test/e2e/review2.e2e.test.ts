/**
 * Issue 16's hostile web review (/work/notes/review16-web.md), its later defects met in Chromium against the
 * real server (the built app, in-memory PGlite): the timed day page offering past days (D8), a phone's
 * floor tiles with their words on the bottom border (D12), a day's times inside the restaurant's notice
 * said "no longer" without a reason (D13), host pages naming the zone by its IANA id (D14), and the
 * unknown restaurant's page titled "Tablebook" alone (D15). One server and one browser for all.
 */
import { fileURLToPath } from 'node:url';
import { todayIn } from '@tablebook/api/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WEEKDAYS } from '../../src/features/manage/bookingCalendar.ts';
import { dictionaries } from '../../src/i18n/dictionary.ts';
import { describeSlotsTooSoon } from '../../src/i18n/refusals.ts';
import { addDays } from '../../src/lib/days.ts';
import { startAppServer, type AppServer } from '../support/appServer.ts';
import { launchChromium, shouldRunBrowserSuite } from './support/chromium.ts';
import { openPage, type OpenedPage, closeCheckedPages } from './support/pages.ts';

const { es, en } = dictionaries;
const PHONE = { width: 390, height: 844 };
const BOGOTA = 495;
const ZONE = 'America/Bogota';
/** The floor's pictures, for people to look at (git-ignored, beside the suite's other screenshots). */
const SHOTS = fileURLToPath(new URL('../../test-output', import.meta.url));

const restaurantFields = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  address: 'Calle 10 # 5-51',
  description: 'Sancocho y arepas',
  photoUrl: 'https://example.com/sancocho.jpg',
  cityId: BOGOTA,
  ...extra,
});
/** Open all day, every day: some of any day's times are still to come whenever the test runs. */
const allDay = { timeZone: ZONE, hours: WEEKDAYS.map((weekday) => ({ day: weekday, opens: '00:00', closes: '23:30' })) };

/** Each tile whose words reach past its inner box (inside its border and padding), with by how many pixels. */
const wordsOutOfTiles = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.floor button.table')].flatMap((tile) => {
      const box = tile.getBoundingClientRect();
      const style = getComputedStyle(tile);
      const top = box.top + Number.parseFloat(style.borderTopWidth) + Number.parseFloat(style.paddingTop);
      const bottom = box.bottom - Number.parseFloat(style.borderBottomWidth) - Number.parseFloat(style.paddingBottom);
      const range = document.createRange();
      range.selectNodeContents(tile);
      // The words as painted (the visually hidden separators have no box worth measuring).
      const lines = [...range.getClientRects()].filter((rect) => rect.width > 1 && rect.height > 1);
      const over = Math.max(0, ...lines.map((rect) => Math.max(top - rect.top, rect.bottom - bottom)));
      return over > 0.5 ? [`${tile.textContent?.replace(/\n/g, ' ')}: ${over.toFixed(1)} px`] : [];
    }),
  );

describe.skipIf(!shouldRunBrowserSuite())('issue 16 web review, later defects, in Chromium', () => {
  let server: AppServer;
  let browser: Browser;
  const opened: OpenedPage[] = [];
  const visit = async (options: Parameters<typeof openPage>[2] = {}) => {
    const page = await openPage(browser, server.url, { locale: 'es-CO', ...options });
    opened.push(page);
    return page.page;
  };
  let wholeDayId = '';
  let timedId = '';
  let noticeId = '';
  const today = todayIn(ZONE);
  const later = addDays(today, 20);

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer({ webApp: true }), launchChromium()]);
    const tables = [
      { label: 'A1', seats: 2 },
      { label: 'A2', seats: 2 },
      { label: 'B1', seats: 4 },
      { label: 'C1', seats: 6 },
      { label: 'D1', seats: 12 },
      { label: 'E1', seats: 20 },
    ];
    [wholeDayId, timedId, noticeId] = (
      await Promise.all([
        server.api.restaurant.create.mutate(restaurantFields('La Cevichería', { tables })),
        server.api.restaurant.create.mutate(restaurantFields('Casa Sabor', { ...allDay, tables })),
        // Two days' notice: every time of tomorrow is still to come, and too soon.
        server.api.restaurant.create.mutate(restaurantFields('Mar Caribe', { ...allDay, tables, minAdvanceMinutes: 2880 })),
      ])
    ).map((restaurant) => restaurant.id) as [string, string, string];
  });

  afterEach(() => closeCheckedPages(opened));

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('D8: both day pages, by time and whole-day, offer no day before the restaurant’s today', async () => {
    const page = await visit();
    for (const id of [timedId, wholeDayId]) {
      await page.goto(`/restaurants/${id}/day`);
      const field = page.getByLabel(es.common.date, { exact: true });
      const previous = page.getByRole('button', { name: es.common.previousDay });
      await expect.poll(() => field.inputValue()).toBe(today);
      expect(await field.getAttribute('min')).toBe(today);
      expect(await previous.isDisabled()).toBe(true);
      await page.getByRole('button', { name: es.common.nextDay }).click();
      await expect.poll(() => field.inputValue()).toBe(addDays(today, 1));
      expect(await previous.isDisabled()).toBe(false);
      await previous.click();
      await expect.poll(() => field.inputValue()).toBe(today);
      expect(await previous.isDisabled()).toBe(true);
    }
  });

  it('D12: on a phone every floor tile’s words stay inside its inner box, in Spanish and English', async () => {
    for (const locale of ['es-CO', 'en-US']) {
      const page = await visit({ locale, viewport: PHONE });
      // A party of 12: "Muy pequeña" / "Too small" on the small tables, "12 puestos", "20 puestos" on the large.
      await page.goto(`/restaurants/${wholeDayId}/day?date=${later}&party=12`);
      await page.locator('.floor button.table').nth(5).waitFor();
      expect(await wordsOutOfTiles(page)).toEqual([]);
      await page.locator('.floor').screenshot({ path: `${SHOTS}/review2-tiles-${locale}-m.png` });
      // And at a time, where the map is the picked slot's.
      await page.goto(`/restaurants/${timedId}/day?date=${later}&party=12&time=20:00`);
      await page.locator('button.slot:not([aria-disabled])').first().click();
      await page.locator('.floor button.table').nth(5).waitFor();
      expect(await wordsOutOfTiles(page)).toEqual([]);
    }
  });

  it('D13: times inside the restaurant’s notice say "too soon", and the page says how much notice it needs, in each language', async () => {
    const tomorrow = addDays(today, 1);
    for (const [locale, words, language] of [
      ['es-CO', es, 'es'],
      ['en-US', en, 'en'],
    ] as const) {
      const page = await visit({ locale });
      await page.goto(`/restaurants/${noticeId}/day?date=${tomorrow}`);
      const states = page.locator('.slot-picker__slots .slot__state');
      await states.first().waitFor();
      expect(new Set(await states.allTextContents())).toEqual(new Set([words.day.timed.slotState.tooSoon]));
      await page.getByText(describeSlotsTooSoon('Mar Caribe', 2880, language), { exact: true }).waitFor();
    }
    // A restaurant without notice says nothing of it.
    const page = await visit();
    await page.goto(`/restaurants/${timedId}/day?date=${tomorrow}`);
    await page.locator('.slot-picker__slots .slot__state').first().waitFor();
    expect(await page.getByText('de anticipación').count()).toBe(0);
  });

  it('D14: the timeline, its new-reservation dialog and a guest abroad name the zone for people; the id stays in a title', async () => {
    const page = await visit();
    await page.goto(`/reservations/timeline?restaurant=${timedId}&date=${later}`);
    const hours = page.locator('.timeline__hours').filter({ hasText: 'Abierto' });
    await hours.waitFor();
    const zone = hours.locator('span[title]');
    expect(await zone.getAttribute('title')).toBe(ZONE);
    expect(await zone.textContent()).toMatch(/^Hora (estándar )?de Colombia$/);
    expect(await hours.textContent()).not.toContain('America');

    await page.getByRole('button', { name: es.host.newReservation, exact: true }).click();
    const hint = page.getByRole('dialog').locator('.field__hint[title]');
    expect(await hint.getAttribute('title')).toBe(ZONE);
    expect(await hint.textContent()).toMatch(/^Hora (estándar )?de Colombia$/);

    // A guest whose device is in Tokyo: the restaurant's times are said to be Colombia's.
    const abroad = await visit({ timezoneId: 'Asia/Tokyo' });
    await abroad.goto(`/restaurants/${timedId}/day?date=${later}`);
    const note = abroad.locator('.timed-zone');
    await note.waitFor();
    expect(await note.textContent()).toMatch(/^Las horas son la hora local del restaurante \(hora (estándar )?de Colombia\)\.$/);
    expect(await note.getAttribute('title')).toBe(ZONE);
  });

  it('D15: an unknown restaurant’s page is titled like the 404 page', async () => {
    const page = await visit();
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      await page.goto(`/restaurants/${id}/day`);
      await page.getByRole('heading', { level: 1, name: es.day.notFoundTitle }).waitFor();
      await expect.poll(() => page.title()).toBe(`${es.day.notFoundTitle} · ${es.app.name}`);
    }
  });
});
