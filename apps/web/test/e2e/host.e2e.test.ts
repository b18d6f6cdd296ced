/**
 * Issue 16, "a host stand", end to end: the built app on the real server (in-memory PGlite, an admin
 * token, the deployed server's rate limits), in headless Chromium. The issue asks for: "from the
 * timeline, a new reservation by phone or a walk-in (name, party, time, table; phone and e-mail
 * optional), not rate-limited like guests; the reservations page opens on today at the last
 * restaurant used, sorted by time, with covers per hour; the move dialog shows the free tables that
 * seat the party at the chosen time and keeps what was typed". And from its defects: the move dialog
 * "shows no free tables, does not check seats, accepts 25 people and loses what was typed on an
 * error; the reservations page starts with no restaurant, lists all days furthest first, and wraps
 * at 1280 px".
 *
 * The restaurant's zone is a fixed-offset one where it is about ten in the morning whenever the test
 * runs, so the day ahead has room for every booking (and the device, in Bogotá, may be on another day).
 */
import { defaultRateLimits } from '@tablebook/api';
import { todayIn, type ReservationOutput } from '@tablebook/api/shared';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMinutes } from '../../src/features/timeline/timeFormat.ts';
import { dictionaries } from '../../src/i18n/dictionary.ts';
import { addDays, formatDay } from '../../src/lib/days.ts';
import { startAppServer, type AppServer } from '../support/appServer.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { launchChromium, shouldRunBrowserSuite } from './support/chromium.ts';
import { cspViolations, fitsViewportWidth, openPage, screenshot, type OpenedPage } from './support/pages.ts';

const ADMIN_TOKEN = 'e2e-host-token';
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const TABLES = [
  { label: 'A1', seats: 2 },
  { label: 'A2', seats: 2 },
  { label: 'B1', seats: 4 },
  { label: 'B2', seats: 4 },
  { label: 'C1', seats: 6 },
  { label: 'D1', seats: 10 },
];

/** A fixed-offset zone where the wall clock now shows 10:MM (Etc/GMT-3 is UTC+3: POSIX signs are inverted). */
function morningZone(now = new Date()): string {
  const offset = ((10 - now.getUTCHours() + 36) % 24) - 12;
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

/** A name that starts with `text`, any space in it matching the narrow no-break space Intl puts before AM/PM. */
const startingWith = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')}`);
const row = (page: Page, table: string) => page.locator(`.timeline__row[data-table="${table}"]`);
const optionsOf = (select: Locator) => select.locator('option').allTextContents();
/** Minutes since midnight of an "HH:MM". */
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

async function signIn(page: Page) {
  await page.getByLabel('Admin token').fill(ADMIN_TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * What wraps in the reservations table: cells whose text takes more than one line (a guest's name,
 * contacts and notes each counted apart), and the table running past its panel. None is "no wrap".
 */
const wrappedCells = (page: Page) =>
  page.evaluate(() => {
    const linesOf = (element: Element) => {
      const tops: number[] = [];
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent?.trim() || node.parentElement?.closest('.visually-hidden')) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const rect of range.getClientRects()) if (rect.width > 0) tops.push(rect.top);
      }
      // Text on one line may sit a few pixels apart (a badge, a smaller font): lines are 10 px or more apart.
      return tops.sort((a, b) => a - b).filter((top, index, all) => index === 0 || top - all[index - 1]! >= 10).length;
    };
    const wrapped: string[] = [];
    // The table itself stays inside its panel (no row runs past the panel's edge).
    const table = document.querySelector('.reservations-table');
    const panel = table?.closest('.panel');
    if (table && panel) {
      const inner = panel.getBoundingClientRect().right - Number.parseFloat(getComputedStyle(panel).paddingRight);
      if (table.getBoundingClientRect().right > inner + 1)
        wrapped.push(`the table runs ${Math.round(table.getBoundingClientRect().right - inner)} px past its panel`);
    }
    for (const cell of document.querySelectorAll('.reservations-table tbody td, .reservations-table tbody th')) {
      const parts = cell.matches('.reservations-table__guest') ? [...cell.children] : [cell];
      for (const part of parts) if (linesOf(part) > 1) wrapped.push(`${cell.getAttribute('data-label') ?? 'actions'}: ${part.textContent}`);
    }
    return wrapped;
  });

describe.skipIf(!shouldRunBrowserSuite())('the host stand in Chromium', () => {
  let server: AppServer;
  let browser: Browser;
  let host: OpenedPage;
  let page: Page;
  const zone = morningZone();
  let today = '';
  let casaSaborId = '';
  let almaId = '';

  const stored = () => server.api.reservation.list.query({ restaurantId: casaSaborId, date: today });
  const storedNamed = async (name: string) => (await stored()).find((reservation) => reservation.guestName === name);

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startAppServer({ webApp: true, adminTokens: [ADMIN_TOKEN], rateLimits: defaultRateLimits }),
      launchChromium(),
    ]);
    // Room for every booking of the day (the suite's stored limits are 10 a restaurant, 20 in all).
    await server.api.settings.update.mutate({ globalDailyLimit: 1000, restaurantDailyLimit: 1000 });
    const [medellin] = await server.api.city.list.query({ search: 'Medellín' });
    const fields = {
      address: 'Carrera 43A # 1-50',
      description: 'Cocina de mercado',
      photoUrl: 'https://example.com/a.jpg',
      cityId: medellin!.id,
    };
    const hours = WEEKDAYS.map((weekday) => ({ day: weekday, opens: '08:00', closes: '23:00' }));
    // Alma Café is listed first: a page that fell back on the first restaurant would open on it.
    const [alma, casa] = await Promise.all([
      server.api.restaurant.create.mutate({ ...fields, name: 'Alma Café', timeZone: zone, hours, slotMinutes: 15, tables: TABLES }),
      server.api.restaurant.create.mutate({ ...fields, name: 'Casa Sabor', timeZone: zone, hours, slotMinutes: 15, tables: TABLES }),
    ]);
    almaId = alma.id;
    casaSaborId = casa.id;
    today = todayIn(zone);
    host = await openPage(browser, server.url, { viewport: DESKTOP });
    page = host.page;
  });

  afterAll(async () => {
    await host?.close();
    await browser?.close();
    await server?.stop();
  });

  it('takes a walk-in and phone bookings from the timeline, more than 10 in a minute without a 429', async () => {
    expect(new Date().toLocaleString('en-US', { timeZone: zone, hour: 'numeric', hour12: false })).toBe('10');
    await page.goto(`/reservations/timeline?restaurant=${casaSaborId}`);
    await signIn(page);
    // Today is the restaurant's today, in its zone.
    await page.getByRole('heading', { level: 2, name: `${formatDay(today, 'en-US')} · 0 reservations` }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: /^Live$/ })
      .waitFor();

    // A walk-in: now, three people, no phone and no e-mail; the smallest free table that seats three is offered first.
    await page.getByRole('button', { name: 'Walk-in', exact: true }).click();
    let dialog = page.getByRole('dialog', { name: 'Walk-in' });
    expect(await dialog.getByLabel('Time').inputValue()).toBe('now');
    await dialog.getByLabel("Guest's name").fill('Pedro Walk-in');
    await dialog.getByLabel('People').fill('3');
    await expect
      .poll(() => optionsOf(dialog.getByLabel('Table')))
      .toEqual(['B1 (4 seats)', 'B2 (4 seats)', 'C1 (6 seats)', 'D1 (10 seats)']);
    expect(await dialog.getByLabel('Table').inputValue()).toBe('B1');
    await screenshot(page, 'host-walk-in-en-1280');
    await expectNoAxeViolations(page, 'walk-in dialog, en, 1280x800');
    const walkedInAt = Date.now();
    await dialog.getByRole('button', { name: 'Book' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: startingWith('Pedro Walk-in is booked: 3 people, table B1 at 10:') })
      .waitFor();
    await row(page, 'B1')
      .getByRole('button', { name: startingWith('Pedro Walk-in 10:') })
      .waitFor();
    const walkIn = await storedNamed('Pedro Walk-in');
    expect(walkIn).toMatchObject({ table: 'B1', partySize: 3, guestPhone: null, guestEmail: null, status: 'confirmed' });
    // It starts within a minute or two of the click, on the restaurant's clock.
    const startsIn = Date.parse(walkIn!.startsAt) - walkedInAt;
    expect(startsIn).toBeGreaterThan(0);
    expect(startsIn).toBeLessThan(150_000);

    // A phone booking at 19:30 for four, with phone and e-mail: only the free tables that seat four are offered.
    await page.getByRole('button', { name: 'New reservation', exact: true }).click();
    dialog = page.getByRole('dialog', { name: 'New reservation' });
    await dialog.getByLabel("Guest's name").fill('Ana Gómez');
    await dialog.getByLabel('People').fill('4');
    await dialog.getByLabel('Time').selectOption('19:30');
    await expect
      .poll(() => optionsOf(dialog.getByLabel('Table')))
      .toEqual(['B1 (4 seats)', 'B2 (4 seats)', 'C1 (6 seats)', 'D1 (10 seats)']);
    await dialog.getByLabel('Table').selectOption('B2');
    await dialog.getByLabel('Phone (optional)').fill('+57 300 123 4567');
    await dialog.getByLabel('E-mail (optional)').fill('ana@example.com');
    await dialog.getByLabel('Notes (optional)').fill('Window seat');
    await dialog.getByRole('button', { name: 'Book' }).click();
    await row(page, 'B2')
      .getByRole('button', { name: startingWith('Ana Gómez 7:30 PM to 9:30 PM, 4 people') })
      .waitFor();
    expect(await storedNamed('Ana Gómez')).toMatchObject({
      table: 'B2',
      time: '19:30',
      partySize: 4,
      guestPhone: '+57 300 123 4567',
      guestEmail: 'ana@example.com',
      notes: 'Window seat',
    });

    // A click on A1's free time at about 13:05 opens a booking there: A1 at 13:00.
    const track = row(page, 'A1').locator('.timeline__pick');
    const box = (await track.boundingBox())!;
    // The axis runs 08:00-23:00.
    await track.click({ position: { x: ((13 * 60 + 5 - 480) / 900) * box.width, y: box.height / 2 } });
    dialog = page.getByRole('dialog', { name: 'New reservation' });
    expect(await dialog.getByLabel('Time').inputValue()).toBe('13:00');
    await expect.poll(() => dialog.getByLabel('Table').inputValue()).toBe('A1');
    // Refused in place before anything is sent: no name, 25 people.
    await dialog.getByLabel('People').fill('25');
    await dialog.getByRole('button', { name: 'Book' }).click();
    await dialog.getByText("Enter the guest's name").waitFor();
    await dialog.getByText('Between 1 and 20 people').waitFor();
    // Three people at a two-seat table.
    await dialog.getByLabel("Guest's name").fill('Luis Páez');
    await dialog.getByLabel('People').fill('3');
    await dialog.getByText('Table A1 seats up to 2').waitFor();
    expect(await dialog.getByLabel('Table').inputValue()).toBe('A1');
    await dialog.getByLabel('People').fill('2');
    await dialog.getByRole('button', { name: 'Book' }).click();
    await row(page, 'A1')
      .getByRole('button', { name: startingWith('Luis Páez 1:00 PM') })
      .waitFor();
    expect(await storedNamed('Luis Páez')).toMatchObject({ table: 'A1', time: '13:00', partySize: 2, guestPhone: null, guestEmail: null });

    // Guests from this address are held to 10 bookings a minute: the 11th is 429 (tomorrow, over REST).
    const guestBooking = (time: string) =>
      fetch(`${server.url}/api/restaurants/${casaSaborId}/reservations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ date: addDays(today, 1), time, partySize: 2, guestName: 'Guest', guestEmail: 'guest@example.com' }),
      }).then((response) => response.status);
    const limitStarted = Date.now();
    const guestStatuses: number[] = [];
    for (const time of ['12:00', '12:00', '12:00', '12:00', '12:00', '12:00', '14:00', '14:00', '14:00', '14:00', '16:00']) {
      guestStatuses.push(await guestBooking(time));
    }
    expect(guestStatuses).toEqual([...Array(10).fill(201), 429]);

    // Within that same minute, the host books 12 more from the timeline, none refused.
    const hostBookings = [...TABLES.map(() => '16:00'), ...TABLES.map(() => '17:30')];
    for (const [index, time] of hostBookings.entries()) {
      await page.getByRole('button', { name: 'New reservation', exact: true }).click();
      dialog = page.getByRole('dialog', { name: 'New reservation' });
      await dialog.getByLabel("Guest's name").fill(`Phone guest ${index + 1}`);
      await dialog.getByLabel('Time').selectOption(time);
      // The smallest free table that seats two then, once the day's free tables are in.
      await expect.poll(() => optionsOf(dialog.getByLabel('Table'))).toHaveLength(TABLES.length - (index % TABLES.length));
      await dialog.getByRole('button', { name: 'Book' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: startingWith(`Phone guest ${index + 1} is booked: 2 people, table ${TABLES[index % TABLES.length]!.label}`) })
        .waitFor();
    }
    // Still inside the guests' minute: their next booking is still refused, the host's were not.
    expect(await guestBooking('18:00')).toBe(429);
    const elapsed = Date.now() - limitStarted;
    expect(elapsed, `the host's 12 bookings must fit in the guests' minute (took ${elapsed} ms)`).toBeLessThan(60_000);
    console.info(`host stand: 12 bookings from the timeline in ${Math.round((elapsed / 1000) * 10) / 10} s after the guests' 429`);
    await page.getByRole('heading', { level: 2, name: `${formatDay(today, 'en-US')} · 15 reservations` }).waitFor();
    expect(await stored()).toHaveLength(15);
    await screenshot(page, 'host-timeline-en-1280');
    await expectNoAxeViolations(page, 'timeline with the host stand, en, 1280x800');
    expect(host.pageErrors).toEqual([]);
  });

  it('opens the reservations page on today at the last restaurant used, sorted by time, with covers per hour', async () => {
    // No restaurant, no day in the address: the one used last (Casa Sabor, not the first listed), on its today.
    await page.goto('/reservations');
    await page.getByRole('heading', { level: 2, name: `15 reservations on ${formatDay(today, 'en-US')}` }).waitFor();
    expect(await page.getByLabel('Restaurant').inputValue()).toBe(casaSaborId);
    expect(await page.getByLabel('Day', { exact: true }).inputValue()).toBe(today);
    expect(await page.evaluate(() => localStorage.getItem('tablebook.lastRestaurant'))).toBe(casaSaborId);

    // Sorted by time: the rows' start times never go back.
    const starts = await page
      .locator('.reservations-table tbody td.reservations-table__time time')
      .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('datetime') ?? ''));
    expect(starts).toHaveLength(15);
    expect([...starts].sort((a, b) => Date.parse(a) - Date.parse(b))).toEqual(starts);
    expect(await page.locator('.reservations-table tbody th.reservations-table__guest .guest__name').first().textContent()).toBe(
      'Pedro Walk-in',
    );

    // Covers per hour: the sum of the party sizes starting in each hour, from what the server holds.
    const expected = new Map<number, number>();
    for (const reservation of (await stored()) as ReservationOutput[]) {
      const hour = Math.floor(minutesOf(reservation.time!) / 60) * 60;
      expected.set(hour, (expected.get(hour) ?? 0) + reservation.partySize);
    }
    const covers = page.getByRole('region', { name: 'Covers per hour' });
    await covers.getByText('· 33 covers').waitFor();
    const shown = await covers
      .locator('.covers__hour')
      .evaluateAll((items) =>
        items.map((item) => [item.querySelector('.covers__label')?.textContent, item.querySelector('.covers__count')?.textContent]),
      );
    expect(shown).toEqual(
      [...expected].sort(([a], [b]) => a - b).map(([hour, count]) => [formatMinutes(hour, 'en-US', 'hour'), String(count)]),
    );
    // 10 AM: the walk-in's 3; 1 PM: Luis's 2; 4 PM and 5 PM: six twos each; 7 PM: Ana's 4.
    expect(shown.map(([, count]) => count)).toEqual(['3', '2', '12', '12', '4']);

    // No wrap at 1280 px: nothing sticks out sideways and every cell keeps to one line.
    expect(await fitsViewportWidth(page)).toBe(true);
    expect(await wrappedCells(page)).toEqual([]);
    await screenshot(page, 'host-reservations-en-1280');
    await expectNoAxeViolations(page, 'reservations with covers per hour, en, 1280x800');

    // Remembered on this device: a reload, and the timeline, open on it too.
    await page.reload();
    await page.getByRole('heading', { level: 2, name: `15 reservations on ${formatDay(today, 'en-US')}` }).waitFor();
    await page.goto('/reservations/timeline');
    await page.getByRole('heading', { level: 2, name: `${formatDay(today, 'en-US')} · 15 reservations` }).waitFor();
    // Every day at once is soonest first, under a heading per day; another restaurant is remembered in turn.
    await page.goto(`/reservations?restaurant=${casaSaborId}&date=all`);
    // 15 today, the guests' 10 tomorrow.
    await page.getByRole('heading', { level: 2, name: '25 reservations' }).waitFor();
    const days = () =>
      page.locator('.reservations-table__day time').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('datetime')));
    await expect.poll(days).toEqual([today, addDays(today, 1)]);
    await page.goto(`/reservations?restaurant=${almaId}`);
    await page.getByRole('heading', { level: 2, name: `0 reservations on ${formatDay(today, 'en-US')}` }).waitFor();
    await expect.poll(() => page.evaluate(() => localStorage.getItem('tablebook.lastRestaurant'))).toBe(almaId);
    expect(host.pageErrors).toEqual([]);
  });

  it('lists only the free tables that seat the party in the move dialog, refuses 25 people and keeps what was typed after a refusal', async () => {
    await page.goto(`/reservations/timeline?restaurant=${casaSaborId}`);
    const ana = row(page, 'B2').getByRole('button', { name: startingWith('Ana Gómez 7:30 PM') });
    await ana.click();
    const dialog = page.getByRole('dialog', { name: "Move Ana Gómez's reservation" });
    const table = dialog.getByLabel('New table');
    // At 19:30 four people fit B1, her own B2, C1 and D1: the two-seat tables are not offered.
    await expect.poll(() => optionsOf(table)).toEqual(['B1 (4 seats)', 'B2 (4 seats)', 'C1 (6 seats)', 'D1 (10 seats)']);
    // At 18:00 the 17:30 bookings hold every table: none is offered, her own kept and marked.
    await dialog.getByLabel('New time').selectOption('18:00');
    await expect.poll(() => optionsOf(table)).toEqual(['B2 (4 seats) — taken then']);
    await dialog.getByText('No free table seats the party then').waitFor();
    await dialog.getByLabel('New time').selectOption('19:30');
    await table.selectOption('C1');

    // 25 people, then more than C1 seats: refused in place, nothing sent.
    const people = dialog.getByLabel('People');
    await people.fill('25');
    await dialog.getByRole('button', { name: 'Move' }).click();
    await dialog.getByText('Between 1 and 20 people').waitFor();
    await people.fill('8');
    await dialog.getByText('Table C1 seats up to 6').waitFor();
    expect(await storedNamed('Ana Gómez')).toMatchObject({ table: 'B2', partySize: 4 });
    // Six people: only the tables that seat six.
    await people.fill('6');
    await expect.poll(() => optionsOf(table)).toEqual(['C1 (6 seats)', 'D1 (10 seats)']);

    // C1 taken behind the page's back: kept and marked, the server's refusal shown in place, everything typed kept.
    await server.api.reservation.create.mutate({
      restaurantId: casaSaborId,
      date: today,
      time: '19:00',
      table: 'C1',
      partySize: 2,
      guestName: 'Marta Ruiz',
    });
    await dialog.getByRole('option', { name: 'C1 (6 seats) — taken then' }).waitFor({ state: 'attached' });
    await dialog.getByRole('button', { name: 'Move' }).click();
    await dialog.getByRole('alert').getByText('That table is already taken').waitFor();
    expect([await dialog.getByLabel('New time').inputValue(), await table.inputValue(), await people.inputValue()]).toEqual([
      '19:30',
      'C1',
      '6',
    ]);
    await screenshot(page, 'host-move-refused-en-1280');
    await expectNoAxeViolations(page, 'move dialog refused, en, 1280x800');

    await table.selectOption('D1');
    await dialog.getByRole('button', { name: 'Move' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: startingWith("Ana Gómez's reservation is now at table D1 at 7:30 PM.") })
      .waitFor();
    expect(await storedNamed('Ana Gómez')).toMatchObject({ table: 'D1', time: '19:30', partySize: 6 });

    // The list's move dialog too: Luis's 13:00 for more people than his A1 seats.
    await page.goto(`/reservations?restaurant=${casaSaborId}`);
    await page.getByRole('button', { name: /^Move — Luis Páez/ }).click();
    const listDialog = page.getByRole('dialog', { name: "Move Luis Páez's reservation" });
    const listTable = listDialog.getByLabel('New table');
    await expect.poll(() => optionsOf(listTable)).toEqual(TABLES.map((entry) => `${entry.label} (${entry.seats} seats)`));
    await listDialog.getByLabel('People').fill('4');
    await expect
      .poll(() => optionsOf(listTable))
      .toEqual(['A1 (2 seats) — too small', 'B1 (4 seats)', 'B2 (4 seats)', 'C1 (6 seats)', 'D1 (10 seats)']);
    await listDialog.getByRole('button', { name: 'Move' }).click();
    await listDialog.getByText('Table A1 seats up to 2').waitFor();
    await listDialog.getByLabel('People').fill('25');
    await listDialog.getByText('Between 1 and 20 people').waitFor();
    await listTable.selectOption('B1');
    await listDialog.getByRole('button', { name: 'Move' }).click();
    await listDialog.getByText('Between 1 and 20 people').waitFor();
    expect(await listTable.inputValue()).toBe('B1');
    await listDialog.getByLabel('People').fill('4');
    await listDialog.getByRole('button', { name: 'Move' }).click();
    await page.getByRole('status').filter({ hasText: "Luis Páez's reservation is now at table B1 on" }).waitFor();
    expect(await storedNamed('Luis Páez')).toMatchObject({ table: 'B1', time: '13:00', partySize: 4 });
    expect(host.pageErrors).toEqual([]);
  });

  it('fits a phone and reads in Spanish', async () => {
    for (const [language, locale] of [
      ['en', 'en-US'],
      ['es', 'es-CO'],
    ] as const) {
      for (const [size, viewport] of [
        ['1280', DESKTOP],
        ['390', PHONE],
      ] as const) {
        if (language === 'en' && size === '1280') continue;
        const visit = await openPage(browser, server.url, { locale, viewport });
        try {
          const { page: other } = visit;
          const t = dictionaries[language];
          await other.goto(`/reservations?restaurant=${casaSaborId}`);
          await other.getByLabel(t.admin.tokenLabel).fill(ADMIN_TOKEN);
          await other.getByRole('button', { name: t.admin.signIn }).click();
          await other.locator('.covers__hour').first().waitFor();
          expect(await fitsViewportWidth(other)).toBe(true);
          if (size === '1280') expect(await wrappedCells(other)).toEqual([]);
          await screenshot(other, `host-reservations-${language}-${size}`);
          await expectNoAxeViolations(other, `reservations, ${language}, ${size}`);
          await other.goto(`/reservations/timeline?restaurant=${casaSaborId}`);
          await other.locator('.timeline__bar').first().waitFor();
          expect(await fitsViewportWidth(other)).toBe(true);
          await screenshot(other, `host-timeline-${language}-${size}`);
          await expectNoAxeViolations(other, `timeline, ${language}, ${size}`);
          await other.getByRole('button', { name: t.host.newReservation, exact: true }).click();
          await other.getByRole('dialog').waitFor();
          expect(await fitsViewportWidth(other)).toBe(true);
          await screenshot(other, `host-new-reservation-${language}-${size}`);
          await expectNoAxeViolations(other, `new reservation dialog, ${language}, ${size}`);
          expect(visit.pageErrors).toEqual([]);
        } finally {
          await visit.close();
        }
      }
    }
    expect(cspViolations).toEqual([]);
  });
});
