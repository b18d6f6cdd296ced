/**
 * The manager's day as a timeline, end to end: the built app on the real server (in-memory PGlite),
 * in headless Chromium. A guest books a slot over REST while the manager's timeline is open; the bar
 * appears without a reload; the manager moves it from the keyboard: only the free tables that seat the
 * party then are offered (issue 16), a table taken behind the page's back is refused with the reason
 * (keeping the choice), and then it moves to a free one.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDay } from '../../src/lib/days.ts';
import { startAppServer, type AppServer } from '../support/appServer.ts';
import { launchChromium, shouldRunBrowserSuite } from './support/chromium.ts';
import { cspViolations, openPage, screenshot, type OpenedPage } from './support/pages.ts';

const ADMIN_TOKEN = 'e2e-timeline-token';
const day = addDays(localDay(), 30);
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** A name that starts with `text`, any space in it matching the narrow no-break space Intl puts before AM/PM. */
const startingWith = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')}`);

/** Where a bar starts, in minutes after 12:00 on the 13-hour axis (12:00-01:00), read off its pixels. */
const minutesFromOpening = (bar: Locator) =>
  bar.evaluate((element) => {
    const track = element.parentElement!.getBoundingClientRect();
    return Math.round(((element.getBoundingClientRect().left - track.left) / track.width) * 780);
  });

/** The row of a table on the timeline. */
const row = (page: Page, table: string) => page.locator(`.timeline__row[data-table="${table}"]`);

describe.skipIf(!shouldRunBrowserSuite())('the timeline in Chromium', () => {
  let server: AppServer;
  let browser: Browser;
  let manager: OpenedPage;
  let restaurantId = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer({ webApp: true, adminTokens: [ADMIN_TOKEN] }), launchChromium()]);
    const [medellin] = await server.api.city.list.query({ search: 'Medellín' });
    const created = await server.api.restaurant.create.mutate({
      name: 'Casa Sabor',
      address: 'Carrera 43A # 1-50',
      description: 'Bandeja paisa',
      photoUrl: 'https://example.com/casa-sabor.jpg',
      cityId: medellin!.id,
      timeZone: 'America/Bogota',
      // Lunch, and a dinner that runs past midnight, every day.
      hours: WEEKDAYS.flatMap((weekday) => [
        { day: weekday, opens: '12:00', closes: '15:00' },
        { day: weekday, opens: '18:00', closes: '01:00' },
      ]),
      slotMinutes: 30,
      tables: [
        { label: 'A1', seats: 2 },
        { label: 'A2', seats: 4 },
        { label: 'B1', seats: 4 },
        { label: 'B2', seats: 6 },
      ],
    });
    restaurantId = created.id;
    manager = await openPage(browser, server.url);
  });

  afterAll(async () => {
    await manager?.close();
    await browser?.close();
    await server?.stop();
  });

  it('shows a guest’s booking live and moves it, with the refusal’s reason when the table is taken', async () => {
    const { page } = manager;
    await page.goto(`/reservations/timeline?restaurant=${restaurantId}&date=${day}`);
    await page.getByLabel('Admin token').fill(ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 2, name: /· 0 reservations$/ }).waitFor();
    // The zone by its name for people (review D14), as Chromium's Intl names it.
    await page.getByText(startingWith('Open 12:00 PM–3:00 PM, 6:00 PM–1:00 AM · Colombia')).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: /^Live$/ })
      .waitFor();

    // A guest books 19:30 for two over REST; the server gives them the smallest free table, A1.
    const response = await fetch(`${server.url}/api/restaurants/${restaurantId}/reservations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ date: day, time: '19:30', partySize: 2, guestName: 'Ana Gómez', guestPhone: '+57 300 123 4567' }),
    });
    expect(response.status).toBe(201);
    const booked = ((await response.json()) as { data: { id: string; table: string } }).data;
    expect(booked.table).toBe('A1');

    // No reload: the restaurant's live stream brings the bar onto A1's row.
    const bar = row(page, 'A1').getByRole('button', { name: startingWith('Ana Gómez 7:30 PM to 9:00 PM, 2 people, Confirmed — move') });
    await bar.waitFor({ timeout: 2_000 });
    await page.getByRole('heading', { level: 2, name: /· 1 reservation$/ }).waitFor();
    // 19:30 on an axis of 12:00-01:00 (13 hours): 7.5 hours in.
    expect(await minutesFromOpening(bar)).toBe(450);

    // Another booking, made behind the page's back, holds B1 from 21:00.
    const other = await server.api.reservation.create.mutate({
      restaurantId,
      date: day,
      time: '21:00',
      table: 'B1',
      partySize: 3,
      guestName: 'Luis Páez',
    });
    const otherBar = row(page, 'B1').getByRole('button', { name: startingWith('Luis Páez 9:00 PM to 11:00 PM') });
    await otherBar.waitFor({ timeout: 2_000 });
    await screenshot(page, 'timeline');

    // From the keyboard: the bar opens the move; at 21:30 only the free tables that seat two are offered
    // (B1 is Luis's then), its own A1 among them.
    await bar.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: "Move Ana Gómez's reservation" });
    await dialog.getByLabel('New time').selectOption('21:30');
    const tableOptions = () => dialog.getByLabel('New table').locator('option').allTextContents();
    await expect.poll(tableOptions).toEqual(['A1 (2 seats)', 'A2 (4 seats)', 'B2 (6 seats)']);
    // A2 chosen, then taken behind the page's back: the choice is kept, marked, and the server refuses it.
    await dialog.getByLabel('New table').selectOption('A2');
    await server.api.reservation.create.mutate({
      restaurantId,
      date: day,
      time: '21:00',
      table: 'A2',
      partySize: 2,
      guestName: 'Marta Ruiz',
    });
    await dialog.getByRole('option', { name: 'A2 (4 seats) — taken then' }).waitFor({ state: 'attached' });
    await dialog.getByRole('button', { name: 'Move' }).click();
    await dialog.getByRole('alert').getByText('That table is already taken').waitFor();
    expect(await dialog.getByLabel('New time').inputValue()).toBe('21:30');
    expect(await dialog.getByLabel('New table').inputValue()).toBe('A2');
    await screenshot(page, 'timeline-move-refused');

    // Another table at that time: moved, and the bar follows to its new row and time.
    await dialog.getByLabel('New table').selectOption('B2');
    await dialog.getByRole('button', { name: 'Move' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: startingWith("Ana Gómez's reservation is now at table B2 at 9:30 PM.") })
      .waitFor();
    const moved = row(page, 'B2').getByRole('button', { name: startingWith('Ana Gómez 9:30 PM to 11:00 PM') });
    await moved.waitFor();
    expect(await minutesFromOpening(moved)).toBe(570);
    expect(await row(page, 'A1').locator('.timeline__bar').count()).toBe(0);
    // Focus is back on the bar, in its new place.
    expect(await moved.evaluate((element) => element === document.activeElement)).toBe(true);
    const [stored] = await server.api.reservation.list
      .query({ restaurantId, date: day, status: 'all' })
      .then((all) => all.filter((reservation) => reservation.id === booked.id));
    expect(stored).toMatchObject({ table: 'B2', time: '21:30', durationMinutes: 90 });

    // Cancelled elsewhere: its bar goes, live (Ana's and Marta's stay).
    await server.api.reservation.cancel.mutate({ restaurantId, reservationId: other.id });
    await otherBar.waitFor({ state: 'detached', timeout: 2_000 });
    await page.getByRole('heading', { level: 2, name: /· 2 reservations$/ }).waitFor();
    expect(manager.pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
