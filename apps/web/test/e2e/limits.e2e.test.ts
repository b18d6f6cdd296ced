/**
 * The stored limits end to end: the built app on the real server (in-memory PGlite, an admin token
 * set), in headless Chromium. A manager gives a restaurant its own daily limit and pacing in the
 * restaurant form, sees them kept after a reload and after a save that did not touch them, changes
 * the system's stored limits on the settings page, and a guest sees a paced-out time as "Time full".
 * An open day page follows a change of the limits themselves (issue 16: "system-wide capacity changes
 * reach every open day page"): PUT /api/admin/settings and a restaurant's own dailyLimit over REST
 * change its "bookings left" without a reload.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WEEKDAYS } from '../../src/features/manage/bookingCalendar.ts';
import { addDays, localDay } from '../../src/lib/days.ts';
import { DAILY_LIMITS, startAppServer, type AppServer } from '../support/appServer.ts';
import { namedBy } from '../support/names.ts';
import { launchChromium, shouldRunBrowserSuite } from './support/chromium.ts';
import { cspViolations, openPage, screenshot, type OpenedPage } from './support/pages.ts';

const ADMIN_TOKEN = 'e2e-limits-token';
// A day well ahead, so no clock's "today" can disagree about it.
const day = addDays(localDay(), 30);

describe.skipIf(!shouldRunBrowserSuite())('stored limits and pacing in Chromium', () => {
  let server: AppServer;
  let browser: Browser;
  let visit: OpenedPage;
  let page: Page;
  let restaurantId = '';
  /** The restaurant's own fields, for a change made behind the page's back. */
  let details = {
    name: 'La Pausa',
    address: 'Calle 10 # 40-20',
    description: 'Cocina de mercado',
    photoUrl: 'https://example.com/p.jpg',
    cityId: 0,
  };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer({ webApp: true, adminTokens: [ADMIN_TOKEN] }), launchChromium()]);
    const [medellin] = await server.api.city.list.query({ search: 'Medellín' });
    details = { ...details, cityId: medellin!.id };
    const created = await server.api.restaurant.create.mutate({
      ...details,
      timeZone: 'America/Bogota',
      hours: WEEKDAYS.map((weekday) => ({ day: weekday, opens: '12:00', closes: '23:00' })),
      slotMinutes: 30,
    });
    restaurantId = created.id;
    visit = await openPage(browser, server.url);
    page = visit.page;
  });

  afterAll(async () => {
    await visit?.close();
    await browser?.close();
    await server?.stop();
  });

  afterEach(() => {
    expect(cspViolations).toEqual([]);
    expect(visit.pageErrors).toEqual([]);
  });

  const dailyLimit = () => page.getByRole('spinbutton', { name: 'Daily limit' });
  const interval = () => page.getByRole('combobox', { name: 'Interval' });
  const maxCovers = () => page.getByRole('spinbutton', { name: 'Most guests starting per interval' });
  const openEditor = async () => {
    await page.getByRole('button', { name: 'Edit — La Pausa' }).click();
    await dailyLimit().waitFor();
  };
  const saveRestaurant = async () => {
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'La Pausa was saved.' }).waitFor();
  };

  it("sets a restaurant's daily limit and pacing in the form, and keeps them after a reload and an untouched save", async () => {
    await page.goto('/manage');
    await page.getByLabel('Admin token').fill(ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await openEditor();
    // Empty: the stored default, read from the settings.
    expect(await dailyLimit().inputValue()).toBe('');
    await expect.poll(() => dailyLimit().getAttribute('placeholder')).toBe(`Default: ${DAILY_LIMITS.restaurantDailyLimit}`);
    await page.getByText(`Empty: the default for every restaurant, now ${DAILY_LIMITS.restaurantDailyLimit}`).waitFor();
    expect(await interval().inputValue()).toBe('off');

    // Out of range is said on the field, which gets the focus; nothing is sent.
    await dailyLimit().fill('0');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('A whole number from 1 to 1,000,000, or empty for the default').waitFor();
    expect(await dailyLimit().evaluate((element) => element === document.activeElement)).toBe(true);

    await dailyLimit().fill('25');
    await interval().selectOption('30');
    await maxCovers().fill('4');
    await screenshot(page, 'restaurant-limits');
    await saveRestaurant();
    expect(await server.api.restaurant.byId.query({ id: restaurantId })).toMatchObject({
      dailyLimit: 25,
      pacing: { intervalMinutes: 30, maxCovers: 4 },
    });

    await page.reload();
    await openEditor();
    expect(await dailyLimit().inputValue()).toBe('25');
    expect(await interval().inputValue()).toBe('30');
    expect(await maxCovers().inputValue()).toBe('4');

    // Changed behind the form's back, then a save that did not touch the limits: the change stays.
    await server.api.restaurant.update.mutate({ id: restaurantId, ...details, dailyLimit: 30 });
    await saveRestaurant();
    expect(await server.api.restaurant.byId.query({ id: restaurantId })).toMatchObject({
      dailyLimit: 30,
      pacing: { intervalMinutes: 30, maxCovers: 4 },
    });
  });

  it('changes the stored daily limits on the settings page, with field errors out of range', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Daily limits' }).click();
    await page.getByRole('heading', { level: 1, name: 'Daily limits' }).waitFor();
    const system = page.getByRole('textbox', { name: 'System daily limit' });
    const perRestaurant = page.getByRole('textbox', { name: 'Default restaurant daily limit' });
    await expect.poll(() => system.inputValue()).toBe(String(DAILY_LIMITS.globalDailyLimit));
    expect(await perRestaurant.inputValue()).toBe(String(DAILY_LIMITS.restaurantDailyLimit));
    await page.getByText('Lowering a limit cancels nothing').waitFor();

    await system.fill('1000001');
    await page.getByRole('button', { name: 'Save limits' }).click();
    await page.getByText('A whole number from 1 to 1,000,000').waitFor();
    expect(await system.getAttribute('aria-invalid')).toBe('true');

    await system.fill('30');
    await perRestaurant.fill('12');
    await page.getByRole('button', { name: 'Save limits' }).click();
    await page.getByRole('status').filter({ hasText: 'The daily limits were saved.' }).waitFor();
    await screenshot(page, 'settings-daily-limits');
    expect(await server.api.settings.get.query()).toEqual({ globalDailyLimit: 30, restaurantDailyLimit: 12 });

    await page.reload();
    await expect.poll(() => system.inputValue()).toBe('30');
    expect(await perRestaurant.inputValue()).toBe('12');
  });

  it('shows a guest a paced-out time as not bookable', async () => {
    // Four guests start at 19:00: the 19:00-19:30 interval has no covers left for a pair.
    await server.api.guest.book.mutate({
      restaurantId,
      date: day,
      time: '19:00',
      partySize: 4,
      guestName: 'Luis',
      guestPhone: '+57 311 000 0000',
    });
    await page.goto(`/restaurants/${restaurantId}/day?date=${day}&time=19:00&party=2`);
    const times = page.getByRole('list', { name: 'Start times' });
    const paced = times.getByRole('button', { name: namedBy('7:00 PM', 'Time full') });
    await paced.waitFor();
    expect(await paced.getAttribute('aria-disabled')).toBe('true');
    // The next interval is free again.
    await times.getByRole('button', { name: namedBy('7:30 PM', '14 tables') }).waitFor();
    await screenshot(page, 'slot-time-full');
  });

  it("updates an open day page's bookings left when the limits change over REST, without a reload", async () => {
    /** As another client of the API would: the page hears of it only through its live stream. */
    const put = async (path: string, body: unknown) => {
      const response = await fetch(`${server.url}/api/admin${path}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(200);
    };
    // A day of its own with one booking; the restaurant's own limit 8, the system's 9.
    const limitsDay = addDays(day, 1);
    await put('/settings', { globalDailyLimit: 9 });
    await put(`/restaurant/${restaurantId}`, { ...details, dailyLimit: 8 });
    await server.api.reservation.create.mutate({ restaurantId, date: limitsDay, time: '13:00', guestName: 'Ana' });
    await page.goto(`/restaurants/${restaurantId}/day?date=${limitsDay}&party=2`);
    // The page's own (the booking dialog, closed, holds a copy).
    const limits = page.locator('.day-limits').first();
    const left = (which: 'La Pausa’s daily limit' | 'Tablebook’s daily limit') =>
      limits
        .locator('.day-limits__item')
        .filter({ has: page.getByRole('term').filter({ hasText: which }) })
        .getByRole('definition')
        .first();
    await expect.poll(() => left('Tablebook’s daily limit').textContent()).toBe('8 bookings left');
    expect(await left('La Pausa’s daily limit').textContent()).toBe('7 bookings left');
    await page.locator('.live-pill').filter({ hasText: 'Live' }).waitFor();
    // A mark on this document: a reload would drop it.
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));

    await put('/settings', { globalDailyLimit: 5 });
    await expect.poll(() => left('Tablebook’s daily limit').textContent(), { timeout: 10_000 }).toBe('4 bookings left');
    // The system's is now the lower: it decides.
    await limits.locator('.day-limits__item--deciding').filter({ hasText: 'Tablebook’s daily limit' }).waitFor();
    await screenshot(page, 'day-limits-after-settings');

    await put(`/restaurant/${restaurantId}`, { ...details, dailyLimit: 2 });
    await expect.poll(() => left('La Pausa’s daily limit').textContent(), { timeout: 10_000 }).toBe('1 booking left');
    await limits.locator('.day-limits__item--deciding').filter({ hasText: 'La Pausa’s daily limit' }).waitFor();
    expect(await left('Tablebook’s daily limit').textContent()).toBe('4 bookings left');
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await put('/settings', { globalDailyLimit: DAILY_LIMITS.globalDailyLimit });
  });
});
