/**
 * Issue 16, the guest side, in Chromium against the real server (the built app, in-memory PGlite):
 * "today and every date in the restaurant's time zone; party size in the search; free tables and seats,
 * not a booking counter; both limits shown before submitting; cancelling with the code alone
 * (`POST /api/reservations/cancel {cancellationCode}`, rate-limited like guest bookings); the city picker
 * keeps the match that was typed (exact matches first, the typed text never discarded)", and "The Find
 * page stays at `/` and reads `?date=`; without a time it lists every restaurant as a link (`<a href>`
 * containing the restaurant's id) to its day page". One test per defect of the list, with
 * screenshots at 1280x800 and 390x844 (apps/web/test-output/guest-*.png).
 */
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WEEKDAYS } from '../../src/features/manage/bookingCalendar.ts';
import { searchToday } from '../../src/features/find/findDays.ts';
import { addDays, formatDay } from '../../src/lib/days.ts';
import { DAILY_LIMITS, startAppServer, type AppServer } from '../support/appServer.ts';
import { tableNamed } from '../support/names.ts';
import { launchChromium, shouldRunBrowserSuite } from './support/chromium.ts';
import { fitsViewportWidth, openPage, screenshot, type OpenedPage, closeCheckedPages } from './support/pages.ts';

const SIZES = [
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;
const BOGOTA = 495;
const CARTAGENA_DE_INDIAS = 167;
const TOKYO = 'Asia/Tokyo';
const guest = { guestName: 'Ana Gómez', guestPhone: '+57 300 123 4567' };

/** The calendar day in a zone at an instant, as the API writes days. */
const dayIn = (timeZone: string, at: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
const TEST_MINUTES = 3 * 60_000;
/** A first answer after a navigation, on a machine other suites share: generous. */
const LOADED = 30_000;

/**
 * A zone whose today is not Tokyo's, now and for the next three minutes: Bogotá's when it is apart
 * (14 hours of the day), else one further behind (Pago Pago, 20 hours behind Tokyo) or ahead
 * (Kiritimati, 5 ahead). In Tokyo's last three minutes before midnight none is: wait for midnight
 * (up to three minutes, which the test's own timeout allows for: 15:00 UTC is when CI meets it).
 */
async function zoneApartFromTokyo(): Promise<string> {
  for (;;) {
    const now = Date.now();
    const apart = (zone: string) => [now, now + TEST_MINUTES].every((at) => dayIn(zone, at) !== dayIn(TOKYO, at));
    const zone = ['America/Bogota', 'Pacific/Pago_Pago', 'Pacific/Kiritimati'].find(apart);
    if (zone) return zone;
    await new Promise((resolve) => setTimeout(resolve, 30_000));
  }
}

const restaurantFields = (name: string, cityId: number, extra: Record<string, unknown> = {}) => ({
  name,
  address: 'Carrera 7 # 22-31',
  description: 'Ajiaco y tamales',
  photoUrl: 'https://example.com/ajiaco.jpg',
  cityId,
  ...extra,
});

describe.skipIf(!shouldRunBrowserSuite())('the guest side in Chromium', () => {
  let server: AppServer;
  let browser: Browser;
  const opened: OpenedPage[] = [];
  /** A page of its own, closed after the test, and checked for uncaught errors. */
  const visit = async (options: Parameters<typeof openPage>[2] = {}) => {
    const page = await openPage(browser, server.url, options);
    opened.push(page);
    return page.page;
  };
  // Bogotá's today (the app's zone): days ahead of it no clock can disagree about.
  const today = searchToday();
  const searchDay = addDays(today, 20);
  const limitsDay = addDays(today, 21);
  let casaId = '';
  let otraId = '';
  let nocheId = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer({ webApp: true }), launchChromium()]);
    const casa = await server.api.restaurant.create.mutate(
      restaurantFields('Casa Bogotá', BOGOTA, {
        tables: [
          { label: 'A0', seats: 2 },
          { label: 'A1', seats: 2 },
          { label: 'A2', seats: 4 },
          { label: 'A3', seats: 4 },
          { label: 'B0', seats: 6 },
          { label: 'B1', seats: 8 },
        ],
      }),
    );
    casaId = casa.id;
    otraId = (await server.api.restaurant.create.mutate(restaurantFields('Otra Mesa', BOGOTA))).id;
    nocheId = (
      await server.api.restaurant.create.mutate(
        restaurantFields('Noche Bogotana', BOGOTA, {
          timeZone: 'America/Bogota',
          hours: WEEKDAYS.map((weekday) => ({ day: weekday, opens: '12:00', closes: '23:00' })),
        }),
      )
    ).id;
  });

  afterEach(() => closeCheckedPages(opened));

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('"Today" is the restaurant\'s, not the device\'s: from a browser in Tokyo, its today is bookable, not "This day has passed"', {
    timeout: TEST_MINUTES + 4 * 60_000,
  }, async () => {
    const zone = await zoneApartFromTokyo();
    const lejana = await server.api.restaurant.create.mutate(restaurantFields('Lejana', 1, { timeZone: zone }));
    const page = await visit({ timezoneId: TOKYO });
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(TOKYO);
    const zoneToday = dayIn(zone, Date.now());
    const tokyoToday = dayIn(TOKYO, Date.now());
    expect(zoneToday).not.toBe(tokyoToday);

    // The Find page's today is the app's zone's (Bogotá's), whatever the device's.
    await page.goto('/');
    const dayInput = page.getByLabel('Day', { exact: true });
    await page.getByRole('heading', { name: new RegExp(`restaurants for ${formatDay(today, 'en-US')}$`) }).waitFor({ timeout: LOADED });
    expect(await dayInput.inputValue()).toBe(today);
    expect(await dayInput.getAttribute('min')).toBe(today);

    // The restaurant's day page: its own today, bookable (its card links there; see the next test).
    await page.goto(`/restaurants/${lejana.id}/day`);
    await page.getByRole('heading', { level: 1, name: 'Lejana' }).waitFor({ timeout: LOADED });
    expect(await page.getByLabel('Date', { exact: true }).inputValue()).toBe(zoneToday);
    await page.getByRole('heading', { name: `Tables on ${formatDay(zoneToday, 'en-US')}` }).waitFor();
    const freeTable = page.getByRole('button', { name: tableNamed('A0', 'Free') });
    await freeTable.waitFor();
    // The notice says "This day has passed: ..." (the map's hidden hint for past tables is not counted).
    expect(await page.getByText(/This day has passed:/).count()).toBe(0);
    await freeTable.click();
    const dialog = page.getByRole('dialog', { name: 'Book table A0' });
    await dialog.getByLabel('Your name').fill(guest.guestName);
    await dialog.getByLabel('Phone').fill(guest.guestPhone);
    await dialog.getByRole('button', { name: 'Book it' }).click();
    await page.getByTestId('cancellation-code').waitFor();
    const [booked] = await server.api.reservation.list.query({ restaurantId: lejana.id, date: zoneToday });
    expect(booked).toMatchObject({ table: 'A0', date: zoneToday, status: 'confirmed' });

    // Bogotá's own restaurant, from Tokyo: Bogotá's today, never "This day has passed".
    await page.goto(`/restaurants/${casaId}/day`);
    await page.getByRole('heading', { name: `Tables on ${formatDay(today, 'en-US')}` }).waitFor({ timeout: LOADED });
    await page.getByRole('button', { name: tableNamed('A0', 'Free') }).waitFor();
    expect(await page.getByText(/This day has passed:/).count()).toBe(0);
    // A restaurant that books times: its day and times are its own zone's too.
    await page.goto(`/restaurants/${nocheId}/day`);
    await page.getByRole('heading', { name: `Book a time on ${formatDay(today, 'en-US')}` }).waitFor({ timeout: LOADED });
    // The zone by its name for people (review D14), as Chromium's Intl names it.
    await page.getByText(/^Times are the restaurant’s local time \(Colombia( Standard)? Time\)\.$/).waitFor();
    await page.getByRole('list', { name: 'Start times' }).waitFor();
    expect(await page.getByText(/This day has passed:/).count()).toBe(0);
    await screenshot(page, 'guest-tokyo-timed-day');
  });

  it('offers no past days on the Find page at /, reads ?date=, and without a time lists every restaurant as a link with its id', async () => {
    const page = await visit();
    // Yesterday in the address: today is searched, and no earlier day is offered.
    await page.goto(`/?date=${addDays(today, -1)}`);
    const dayInput = page.getByLabel('Day', { exact: true });
    await page.getByRole('heading', { name: new RegExp(`restaurants for ${formatDay(today, 'en-US')}$`) }).waitFor({ timeout: LOADED });
    expect(await dayInput.inputValue()).toBe(today);
    expect(await dayInput.getAttribute('min')).toBe(today);
    await dayInput.fill(addDays(today, -3));
    expect(await dayInput.inputValue()).toBe(today);
    // A day page asked for a past day shows it read-only, with no free table counted, and offers no earlier day.
    await page.goto(`/restaurants/${casaId}/day?date=${addDays(today, -1)}`);
    await page.getByText(/^This day has passed:/).waitFor({ timeout: LOADED });
    await page.getByText('No table can be booked that day.').waitFor();
    expect(await page.getByLabel('Date', { exact: true }).getAttribute('min')).toBe(today);

    await page.goto(`/?date=${searchDay}`);
    expect(new URL(page.url()).pathname).toBe('/');
    // Every restaurant there is (each in Bogotá's zone here), whole days and times alike.
    const every = await server.api.guest.restaurants.query({});
    expect(every.map((restaurant) => restaurant.id)).toEqual(expect.arrayContaining([casaId, otraId, nocheId]));
    await page
      .getByRole('heading', { name: `${every.length} restaurants for ${formatDay(searchDay, 'en-US')}` })
      .waitFor({ timeout: LOADED });
    for (const { id } of every) {
      const href = await page.locator(`a[href*="${id}"]`).first().getAttribute('href');
      expect(href).toBe(`/restaurants/${id}/day?date=${searchDay}`);
    }
    // Even a restaurant that takes no more bookings that day is listed, and says so.
    const filled = [];
    for (const table of ['A0', 'A1', 'A2', 'A3', 'B0', 'B1', 'B2', 'B3', 'C0', 'C1'].slice(0, DAILY_LIMITS.restaurantDailyLimit)) {
      filled.push(await server.api.reservation.create.mutate({ restaurantId: otraId, table, date: searchDay }));
    }
    const otra = page.getByRole('article', { name: 'Otra Mesa' });
    await otra.getByText('Fully booked').waitFor({ timeout: LOADED });
    expect(await page.locator(`a[href*="${otraId}"]`).count()).toBeGreaterThan(0);
    for (const booking of filled) await server.api.reservation.cancel.mutate({ restaurantId: otraId, reservationId: booking.id });
    await otra.getByText('15 tables free · 60 seats').waitFor();
  });

  it('searches for a party: free tables and seats on the cards and the day page, not bookings left; tables too small are marked', async () => {
    for (const { name, viewport } of SIZES) {
      const page = await visit({ viewport });
      await page.goto(`/?date=${searchDay}`);
      const casa = page.getByRole('article', { name: 'Casa Bogotá' });
      // A pair: all six tables, 26 seats between them; never "places left".
      await casa.getByText('6 tables free · 26 seats').waitFor({ timeout: LOADED });
      expect(await page.getByText(/places left/).count()).toBe(0);
      await page.getByRole('combobox', { name: 'People' }).selectOption('6');
      await casa.getByText('2 tables free · 14 seats').waitFor();
      expect(new URL(page.url()).searchParams.get('party')).toBe('6');
      expect(await fitsViewportWidth(page)).toBe(true);
      await screenshot(page, `guest-find-party-${name}`);

      await casa.getByRole('link', { name: /See tables/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Casa Bogotá' }).waitFor();
      await page.getByText('2 of 6 tables free for 6 people · 14 seats').waitFor();
      expect(await page.getByRole('combobox', { name: 'People' }).inputValue()).toBe('6');
      for (const table of ['A0', 'A1', 'A2', 'A3']) await page.getByRole('button', { name: tableNamed(table, 'Too small') }).waitFor();
      await page.getByRole('button', { name: tableNamed('B1', 'Free') }).click();
      const dialog = page.getByRole('dialog', { name: 'Book table B1' });
      // The dialog starts with the party searched for.
      expect(await dialog.getByLabel('People').inputValue()).toBe('6');
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('combobox', { name: 'People' }).selectOption('2');
      await page.getByText('6 of 6 tables free for 2 people · 26 seats').waitFor();
      expect(await page.getByRole('button', { name: /Too small$/ }).count()).toBe(0);
      expect(await fitsViewportWidth(page)).toBe(true);
      await screenshot(page, `guest-day-party-${name}`);
    }
  });

  it('shows both daily limits before booking, the system\'s when it decides: not "5 bookings left" with 1 left', async () => {
    const before = await server.api.settings.get.query();
    // Casa Bogotá takes 5 a day; the system 6 in all, 5 of them already at Otra Mesa: 1 left.
    await server.api.restaurant.update.mutate({ id: casaId, ...restaurantFields('Casa Bogotá', BOGOTA), dailyLimit: 5 });
    await server.api.settings.update.mutate({ globalDailyLimit: 6 });
    try {
      for (const table of ['A0', 'A1', 'A2', 'A3', 'B0']) {
        await server.api.reservation.create.mutate({ restaurantId: otraId, table, date: limitsDay });
      }
      for (const { name, viewport } of SIZES) {
        const page = await visit({ viewport });
        await page.goto(`/restaurants/${casaId}/day?date=${limitsDay}`);
        const limits = page.getByRole('region', { name: `Bookings left on ${formatDay(limitsDay, 'en-US')}` });
        await limits.getByText('Casa Bogotá’s daily limit').waitFor({ timeout: LOADED });
        await limits.getByText('5 bookings left', { exact: true }).waitFor();
        await limits.getByText('Tablebook’s daily limit, all restaurants').waitFor();
        await limits.getByText('1 booking left', { exact: true }).waitFor();
        // The system's is the lower: it decides, and says so (once).
        expect(await limits.getByText('The lower limit: this one decides').count()).toBe(1);
        // Before submitting, in the booking dialog.
        await page.getByRole('button', { name: tableNamed('A2', 'Free') }).click();
        const dialog = page.getByRole('dialog', { name: 'Book table A2' });
        await dialog.getByText('Casa Bogotá’s daily limit').waitFor();
        await dialog.getByText('1 booking left').waitFor();
        await dialog.getByText('5 bookings left').waitFor();
        expect(await fitsViewportWidth(page)).toBe(true);
        await screenshot(page, `guest-limits-dialog-${name}`);
        await dialog.getByRole('button', { name: 'Cancel' }).click();
      }

      // In Spanish too.
      const spanish = await visit({ locale: 'es-CO' });
      await spanish.goto(`/restaurants/${casaId}/day?date=${limitsDay}`);
      const spanishLimits = spanish.getByRole('region', { name: `Reservas disponibles el ${formatDay(limitsDay, 'es-CO')}` });
      await spanishLimits.getByText('Límite diario de Tablebook, todos los restaurantes').waitFor({ timeout: LOADED });
      await spanishLimits.getByText('Queda 1 reserva', { exact: true }).waitFor();
      await spanishLimits.getByText('Quedan 5 reservas', { exact: true }).waitFor();

      // The last booking of the system's day: then both pages say nothing is left, before any click.
      const page = await visit();
      await page.goto(`/restaurants/${casaId}/day?date=${limitsDay}`);
      await page.getByRole('button', { name: tableNamed('A2', 'Free') }).click();
      const dialog = page.getByRole('dialog', { name: 'Book table A2' });
      await dialog.getByLabel('Your name').fill(guest.guestName);
      await dialog.getByLabel('Phone').fill(guest.guestPhone);
      await dialog.getByRole('button', { name: 'Book it' }).click();
      await page.getByTestId('cancellation-code').waitFor({ timeout: LOADED });
      await page.reload();
      await page.getByText(/Tablebook takes no more bookings on/).waitFor({ timeout: LOADED });
      await page.getByRole('button', { name: tableNamed('A3', 'Full') }).waitFor();
      await page.getByText('No table can be booked that day.').waitFor();
    } finally {
      await server.api.settings.update.mutate(before);
      await server.api.restaurant.update.mutate({ id: casaId, ...restaurantFields('Casa Bogotá', BOGOTA), dailyLimit: null });
    }
  });

  it("cancels with the code alone (no 36-character ids), and still from the confirmation's link", async () => {
    const day = addDays(today, 22);
    const booked = await server.api.guest.book.mutate({ restaurantId: casaId, table: 'A2', date: day, partySize: 3, ...guest });
    for (const { name, viewport } of SIZES) {
      const page = await visit({ viewport });
      await page.goto('/cancel');
      await page.getByRole('heading', { level: 1, name: 'Cancel a booking' }).waitFor({ timeout: LOADED });
      // One field: the code. No restaurant or reservation number to type.
      expect(await page.getByRole('textbox').count()).toBe(1);
      expect(await page.getByLabel('Reservation number').count()).toBe(0);
      expect(await fitsViewportWidth(page)).toBe(true);
      await screenshot(page, `guest-cancel-${name}`);
    }
    const page = await visit();
    await page.goto('/cancel');
    await page.getByLabel('Cancellation code').fill('ZZZZ ZZZZ ZZZZ');
    await page.getByRole('button', { name: 'Cancel the booking' }).click();
    await page.getByRole('alert').getByText('No booking has this cancellation code', { exact: true }).waitFor({ timeout: LOADED });
    // As read out on the phone: lower case, in groups.
    const spoken = booked.cancellationCode.toLowerCase().replace(/(.{4})(?=.)/g, '$1 ');
    await page.getByLabel('Cancellation code').fill(spoken);
    await page.getByRole('button', { name: 'Cancel the booking' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Your booking at Casa Bogotá on ${formatDay(day, 'en-US')} (table A2) is cancelled.` })
      .waitFor();
    const [stored] = await server.api.reservation.list.query({ restaurantId: casaId, date: day, status: 'all' });
    expect(stored).toMatchObject({ id: booked.id, status: 'cancelled' });

    // The confirmation's link carries the ids: the code is checked against that booking.
    const other = await server.api.guest.book.mutate({ restaurantId: casaId, table: 'A3', date: day, ...guest });
    const linkedPath = `/cancel?restaurant=${casaId}&reservation=${other.id}`;
    const phone = await visit({ viewport: { width: 390, height: 844 } });
    await phone.goto(linkedPath);
    await phone.getByText('Cancelling your booking at Casa Bogotá, from your confirmation.').waitFor({ timeout: LOADED });
    // Nothing sticks out, and the button is on screen (it once was pushed off by the link beside it).
    expect(await fitsViewportWidth(phone)).toBe(true);
    expect(
      await phone.getByRole('button', { name: 'Cancel the booking' }).evaluate((button) => {
        const box = button.getBoundingClientRect();
        return box.left >= 0 && box.right <= window.innerWidth;
      }),
    ).toBe(true);
    await screenshot(phone, 'guest-cancel-linked-phone');
    await page.goto(linkedPath);
    await page.getByText('Cancelling your booking at Casa Bogotá, from your confirmation.').waitFor({ timeout: LOADED });
    await page.getByLabel('Cancellation code').fill(other.cancellationCode);
    await page.getByRole('button', { name: 'Cancel the booking' }).click();
    await page.getByRole('status').filter({ hasText: 'Your booking at Casa Bogotá on' }).waitFor();
    expect(await server.api.reservation.byId.query({ restaurantId: casaId, reservationId: other.id })).toMatchObject({
      status: 'cancelled',
    });
  });

  it('keeps the city that was typed: "Bogot" + Enter is Bogotá, "Cartagena" + down + Enter creates the restaurant in Cartagena de Indias', async () => {
    const page = await visit();
    await page.goto(`/?date=${searchDay}`);
    const city = page.getByRole('combobox', { name: 'City' });
    await city.fill('Bogot');
    // "Any city" is not offered over what was typed, and the match Enter takes is the first.
    expect(await page.getByRole('option', { name: 'Any city' }).count()).toBe(0);
    await city.press('Enter');
    expect(await city.inputValue()).toBe('Bogotá (Cundinamarca)');
    await expect.poll(() => new URL(page.url()).searchParams.get('city')).toBe(String(BOGOTA));
    await page.getByRole('heading', { name: `3 restaurants for ${formatDay(searchDay, 'en-US')}` }).waitFor({ timeout: LOADED });
    expect(await page.getByRole('article', { name: 'Casa Bogotá' }).count()).toBe(1);

    // Text that names no city beyond doubt is kept, with no city chosen behind it, and said so.
    await city.fill('San Juan');
    await city.press('Tab');
    expect(await city.inputValue()).toBe('San Juan');
    await page.getByText(/^No city chosen yet: \d+ cities match, pick one from the list$/).waitFor();
    await expect.poll(() => new URL(page.url()).searchParams.get('city')).toBeNull();
    await screenshot(page, 'guest-city-kept');

    // The restaurant form, where the wrong city used to be saved.
    await page.goto('/manage');
    await page.getByRole('button', { name: 'New restaurant' }).click();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('La Cocina de Pepina');
    await page.getByRole('textbox', { name: 'Address', exact: true }).fill('Calle del Espíritu Santo # 29-13');
    await page.getByRole('textbox', { name: 'Description', exact: true }).fill('Posta negra cartagenera');
    await page.getByRole('textbox', { name: 'Photo address (URL)', exact: true }).fill('https://example.com/pepina.jpg');
    const formCity = page.getByRole('combobox', { name: 'City' });
    await formCity.fill('Cartagena');
    await formCity.press('ArrowDown');
    await formCity.press('Enter');
    expect(await formCity.inputValue()).toBe('Cartagena de Indias (Bolívar)');
    await page.getByRole('button', { name: 'Create restaurant' }).click();
    await page.getByRole('status').filter({ hasText: 'La Cocina de Pepina was created.' }).waitFor({ timeout: LOADED });
    const [created] = await server.api.restaurant.list.query({ startWith: 'La Cocina de Pepina' });
    expect(created?.city).toMatchObject({ id: CARTAGENA_DE_INDIAS, name: 'Cartagena de Indias', deptName: 'Bolívar' });
  });
});
