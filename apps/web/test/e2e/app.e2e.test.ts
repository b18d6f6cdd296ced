/**
 * The web app end to end: the built app served by the real server (in-memory PGlite, an admin token
 * set), driven in headless Chromium. The tests run in order and build on each other, like one
 * manager's and a few guests' visits: sign in, create a restaurant, find it, book as a guest and
 * cancel with the code, watch a second page update live, see full days before clicking, manage the
 * reservations, edit the layout, and finally an open administration on a second server.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDay } from '../../src/lib/days.ts';
import { launchChromium, shouldRunBrowserSuite } from './support/chromium.ts';
import { DAILY_LIMITS, startAppServer, type AppServer } from '../support/appServer.ts';
import { namedBy, tableNamed } from '../support/names.ts';
import { cspViolations, fitsViewportWidth, openPage, pickCity, screenshot, type OpenedPage } from './support/pages.ts';

const ADMIN_TOKEN = 'e2e-admin-token';
// Days well ahead, so the browser's, the server's and this machine's "today" cannot disagree about them.
const bookingDay = addDays(localDay(), 30);
const fullSystemDay = addDays(bookingDay, 1);
const laterDay = addDays(bookingDay, 7);
const TABLES = ['A0', 'A1', 'A2', 'A3', 'B0', 'B1', 'B2', 'B3', 'C0', 'C1', 'C2', 'C3', 'D0', 'D1', 'D2'];

const restaurantFields = (name: string, cityId: number) => ({
  name,
  address: 'Calle 10 # 5-51',
  description: 'Cocina de mercado',
  photoUrl: 'https://example.com/photo.jpg',
  cityId,
});

/** Signs in on an administration page that asks for the token. */
async function signIn(page: Page, token = ADMIN_TOKEN) {
  await page.getByLabel('Admin token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe.skipIf(!shouldRunBrowserSuite())('the web app in Chromium', () => {
  let server: AppServer;
  let browser: Browser;
  /** The English page most tests share, as one manager would keep one tab. */
  let visit: OpenedPage;
  let page: Page;
  let casaSaborId = '';
  let medellinId = 0;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer({ webApp: true, adminTokens: [ADMIN_TOKEN] }), launchChromium()]);
    visit = await openPage(browser, server.url);
    page = visit.page;
    const [medellin] = await server.api.city.list.query({ search: 'Medellín' });
    medellinId = medellin!.id;
  });

  afterAll(async () => {
    await visit?.close();
    await browser?.close();
    await server?.stop();
  });

  afterEach(() => {
    // The built app must run under the server's Content-Security-Policy.
    expect(cspViolations).toEqual([]);
  });

  it("speaks the browser's language (es-CO here) and switches language on request", async () => {
    const spanish = await openPage(browser, server.url, { locale: 'es-CO' });
    try {
      await spanish.page.goto('/');
      await spanish.page.getByRole('heading', { level: 1, name: 'Buscar mesa' }).waitFor();
      expect(await spanish.page.locator('html').getAttribute('lang')).toBe('es-CO');
      await spanish.page.getByRole('status').filter({ hasText: 'Ningún restaurante tiene cupo' }).waitFor();
      await screenshot(spanish.page, 'find-empty-es');

      await spanish.page.getByRole('button', { name: 'English' }).click();
      await spanish.page.getByRole('heading', { level: 1, name: 'Find a table' }).waitFor();
      expect(await spanish.page.locator('html').getAttribute('lang')).toBe('en-US');
      await spanish.page.reload();
      // The choice is remembered over the browser's preference.
      await spanish.page.getByRole('heading', { level: 1, name: 'Find a table' }).waitFor();
      expect(spanish.pageErrors).toEqual([]);
    } finally {
      await spanish.close();
    }
  });

  it('asks for the admin token, refuses a wrong one, and keeps the right one for the session', async () => {
    await page.goto('/manage');
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    await screenshot(page, 'admin-token-prompt');
    await signIn(page, 'not-the-token');
    await page.getByRole('heading', { level: 1, name: 'Not authorised' }).waitFor();
    await page.getByText('The server did not accept this admin token').waitFor();
    await screenshot(page, 'admin-not-authorised');
    await signIn(page);
    await page.getByText('No restaurants yet. Add the first one.').waitFor();
    // Kept in sessionStorage, not localStorage: gone with the tab.
    expect(
      await page.evaluate(() => [sessionStorage.getItem('tablebook.adminToken'), localStorage.getItem('tablebook.adminToken')]),
    ).toEqual([ADMIN_TOKEN, null]);
    await page.reload();
    await page.getByText('No restaurants yet. Add the first one.').waitFor();
    expect(await page.getByText('The administration is open.').count()).toBe(0);
  });

  it('creates a restaurant through the form, checked with the API schema', async () => {
    await page.getByRole('button', { name: 'New restaurant' }).click();
    await page.getByRole('button', { name: 'Create restaurant' }).click();

    // Every field is checked before anything is sent, and focus goes to the first one to fix.
    const name = page.getByRole('textbox', { name: 'Name', exact: true });
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
    expect(await name.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.getByText('Choose a city from the list').waitFor();
    expect(await page.getByText('Required', { exact: true }).count()).toBe(4);
    await name.fill('C');
    await page.getByText('At least 2 characters').waitFor();
    await page.getByRole('textbox', { name: 'Photo address (URL)', exact: true }).fill('ftp://example.com/x.jpg');
    await page.getByText('Enter a web address starting with http:// or https://').waitFor();
    await screenshot(page, 'manage-form-errors');

    await name.fill('Casa Sabor');
    await page.getByRole('textbox', { name: 'Address', exact: true }).fill('Carrera 43A # 1-50');
    await page.getByRole('textbox', { name: 'Description', exact: true }).fill('Bandeja paisa y arepas de chócolo');
    await page.getByRole('textbox', { name: 'Photo address (URL)', exact: true }).fill('https://example.com/casa-sabor.jpg');
    await pickCity(page, 'City', 'medell', 'Medellín');
    // The default floor is there to edit: one table gets more seats.
    await page.getByRole('spinbutton', { name: 'Table 1 seats' }).fill('6');
    await page.getByRole('button', { name: 'Create restaurant' }).click();

    await page.getByRole('status').filter({ hasText: 'Casa Sabor was created.' }).waitFor();
    expect(await page.getByRole('button', { name: 'Create restaurant' }).count()).toBe(0);
    const row = page.getByRole('row', { name: /Casa Sabor/ });
    await row.getByText('Medellín, Antioquia').waitFor();

    const [created] = await server.api.restaurant.list.query({ startWith: 'Casa Sabor' });
    expect(created).toMatchObject({ name: 'Casa Sabor', city: { id: medellinId } });
    expect(created!.tables).toHaveLength(15);
    expect(created!.tables[0]).toEqual({ label: 'A0', seats: 6 });
    casaSaborId = created!.id;
    await screenshot(page, 'manage');
  });

  it('finds the restaurant as a guest, books with a name and a phone, and shows the cancellation code', async () => {
    await server.api.restaurant.create.mutate(restaurantFields('Andrés Carne de Res', 1));
    const guest = await openPage(browser, server.url);
    try {
      const { page: guestPage } = guest;
      await guestPage.goto(`/?date=${bookingDay}`);
      await guestPage.getByRole('heading', { name: /^2 restaurants for/ }).waitFor();
      await pickCity(guestPage, 'City', 'Medellín', 'Medellín');
      await guestPage.getByRole('heading', { name: /^1 restaurant for/ }).waitFor();
      const card = guestPage.getByRole('article', { name: 'Casa Sabor' });
      // Free tables and their seats (A0 seats 6, the other 14 seat 4), not a count of bookings.
      await card.getByText('15 tables free · 62 seats').waitFor();
      await screenshot(guestPage, 'find');

      await card.getByRole('link', { name: /See tables/ }).click();
      await guestPage.getByRole('heading', { level: 1, name: 'Casa Sabor' }).waitFor();
      await guestPage.getByText('15 of 15 tables free').waitFor();
      await guestPage.getByRole('status').filter({ hasText: 'Live' }).waitFor();

      await guestPage.getByRole('button', { name: tableNamed('A0', 'Free') }).click();
      const dialog = guestPage.getByRole('dialog', { name: 'Book table A0' });
      await dialog.getByRole('button', { name: 'Book it' }).click();
      await dialog.getByText('Enter your name').waitFor();
      await dialog.getByText('Enter a phone or an e-mail').waitFor();
      await dialog.getByLabel('Your name').fill('Ana Gómez');
      await dialog.getByLabel('Phone').fill('+57 300 123 4567');
      await dialog.getByLabel('People').fill('7');
      await dialog.getByText('Between 1 and 6 people at this table').waitFor();
      await screenshot(guestPage, 'booking-form');
      await dialog.getByLabel('People').fill('4');
      await dialog.getByLabel('Notes (optional)').fill('Una silla para bebé');
      await dialog.getByRole('button', { name: 'Book it' }).click();

      const confirmation = guestPage.getByRole('status').filter({ hasText: 'Booked!' });
      await confirmation.getByText('Your cancellation code').waitFor();
      const code = (await guestPage.getByTestId('cancellation-code').textContent())?.trim() ?? '';
      expect(code.length).toBeGreaterThan(4);
      await guestPage.getByRole('button', { name: tableNamed('A0', 'Taken') }).waitFor();
      await guestPage.getByText('14 of 15 tables free').waitFor();
      await screenshot(guestPage, 'booking-confirmed');

      const [stored] = await server.api.reservation.list.query({ restaurantId: casaSaborId, date: bookingDay });
      expect(stored).toMatchObject({
        table: 'A0',
        guestName: 'Ana Gómez',
        guestPhone: '+57 300 123 4567',
        partySize: 4,
        notes: 'Una silla para bebé',
        status: 'confirmed',
      });

      // Cancelling: the confirmation's link carries the ids; the guest types the code.
      await guestPage.getByRole('link', { name: 'Cancel this booking' }).click();
      await guestPage.getByRole('heading', { level: 1, name: 'Cancel a booking' }).waitFor();
      await guestPage.getByText('Cancelling your booking at Casa Sabor, from your confirmation.').waitFor();
      // The link brings the code, filled in; the reservation's id is never shown to the guest.
      expect(await guestPage.getByLabel('Cancellation code').inputValue()).toBe(code);
      expect(await guestPage.getByRole('main').textContent()).not.toContain(stored!.id);
      await guestPage.getByLabel('Cancellation code').fill('WRONG-CODE');
      await guestPage.getByRole('button', { name: 'Cancel the booking' }).click();
      await guestPage.getByRole('alert').getByText('The cancellation code does not match', { exact: true }).waitFor();
      await guestPage.getByLabel('Cancellation code').fill(code);
      await guestPage.getByRole('button', { name: 'Cancel the booking' }).click();
      await guestPage.getByRole('status').filter({ hasText: 'Your booking at Casa Sabor on' }).waitFor();
      await screenshot(guestPage, 'booking-cancelled');
      const left = await server.api.reservation.list.query({ restaurantId: casaSaborId, date: bookingDay });
      expect(left).toEqual([]);
      expect(guest.pageErrors).toEqual([]);
    } finally {
      await guest.close();
    }
  });

  it('updates the free tables in search results live when someone books', async () => {
    const searchDay = addDays(bookingDay, 3);
    const guest = await openPage(browser, server.url);
    try {
      const { page: guestPage } = guest;
      await guestPage.goto(`/?date=${searchDay}`);
      await pickCity(guestPage, 'City', 'Medellín', 'Medellín');
      const card = guestPage.getByRole('article', { name: 'Casa Sabor' });
      await card.getByText('15 tables free · 62 seats').waitFor();
      const booked = await server.api.reservation.create.mutate({ restaurantId: casaSaborId, table: 'C3', date: searchDay });
      // No reload and no polling: the day's stream of changes refreshes the list, and the card its tables.
      await card.getByText('14 tables free · 58 seats').waitFor({ timeout: 5_000 });
      await server.api.reservation.cancel.mutate({ restaurantId: casaSaborId, reservationId: booked.id });
      await card.getByText('15 tables free · 62 seats').waitFor({ timeout: 5_000 });
      expect(guest.pageErrors).toEqual([]);
    } finally {
      await guest.close();
    }
  });

  it('shows a booking made in one page in another without a reload, and full days before any click', async () => {
    const [first, second] = await Promise.all([openPage(browser, server.url), openPage(browser, server.url)]);
    try {
      const dayPath = `/restaurants/${casaSaborId}/day?date=${bookingDay}`;
      await Promise.all([first.page.goto(dayPath), second.page.goto(dayPath)]);
      for (const { page: each } of [first, second]) {
        await each.getByText('15 of 15 tables free').waitFor();
        await each
          .getByRole('status')
          .filter({ hasText: /^Live$/ })
          .waitFor();
      }

      await first.page.getByRole('button', { name: tableNamed('B1', 'Free') }).click();
      const dialog = first.page.getByRole('dialog', { name: 'Book table B1' });
      await dialog.getByLabel('Your name').fill('Carlos Ruiz');
      await dialog.getByLabel('E-mail').fill('carlos@example.com');
      await dialog.getByRole('button', { name: 'Book it' }).click();
      await first.page.getByTestId('cancellation-code').waitFor();
      // The other page hears of it over its live stream, within two seconds.
      await second.page.getByRole('button', { name: tableNamed('B1', 'Taken') }).waitFor({ timeout: 2_000 });
      await second.page.getByText('14 of 15 tables free').waitFor({ timeout: 2_000 });
      await screenshot(second.page, 'live-second-page');

      // Bookings made elsewhere fill the restaurant: both pages say so before anyone clicks.
      const more = TABLES.filter((table) => table !== 'B1').slice(0, DAILY_LIMITS.restaurantDailyLimit - 1);
      for (const table of more) {
        await server.api.reservation.create.mutate({
          restaurantId: casaSaborId,
          table,
          date: bookingDay,
          guestName: `Guest ${table}`,
          partySize: 2,
        });
      }
      for (const { page: each } of [first, second]) {
        await each.getByText(`Casa Sabor is fully booked on`).waitFor();
        const free = each.getByRole('button', { name: tableNamed('D2', 'Full') });
        expect(await free.getAttribute('aria-disabled')).toBe('true');
      }
      await screenshot(second.page, 'restaurant-full');
      expect([...first.pageErrors, ...second.pageErrors]).toEqual([]);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  it('says the whole system is full on a day before any click, and search finds no room', async () => {
    const fillers = await Promise.all(
      ['Donde Fidel', 'El Cielo'].map((name) => server.api.restaurant.create.mutate(restaurantFields(name, medellinId))),
    );
    let booked = 0;
    for (const filler of fillers) {
      for (const table of TABLES.slice(0, DAILY_LIMITS.restaurantDailyLimit)) {
        if (booked === DAILY_LIMITS.globalDailyLimit) break;
        await server.api.reservation.create.mutate({ restaurantId: filler.id, table, date: fullSystemDay });
        booked += 1;
      }
    }
    await page.goto(`/restaurants/${casaSaborId}/day?date=${bookingDay}`);
    await page.getByRole('button', { name: 'Next day' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('date')).toBe(fullSystemDay);
    await page.getByText('Tablebook takes no more bookings on').waitFor();
    await page.getByRole('button', { name: tableNamed('C2', 'Full') }).waitFor();
    await screenshot(page, 'system-full');

    await page.goto(`/?date=${fullSystemDay}&min=1`);
    await page.getByRole('status').filter({ hasText: 'No restaurant has room on' }).waitFor();
    await screenshot(page, 'find-empty');
  });

  it('shows a past day read-only', async () => {
    await page.goto(`/restaurants/${casaSaborId}/day?date=${addDays(localDay(), -3)}`);
    // The notice, not the tables' hidden hint with the same opening words (both render once the tables load).
    await page.getByText(/^This day has passed: the map shows/).waitFor();
    const table = page.getByRole('button', { name: tableNamed('A0', 'Closed') });
    expect(await table.getAttribute('aria-disabled')).toBe('true');
    await table.click({ force: true }); // a click anyway, as a mouse would; playwright otherwise waits for it to be enabled
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it('lists the reservations live with guest details, and moves, cancels, seats and refuses', async () => {
    await page.goto(`/reservations?restaurant=${casaSaborId}&date=${bookingDay}`);
    const total = DAILY_LIMITS.restaurantDailyLimit;
    await page.getByRole('heading', { name: new RegExp(`^${total} reservations on `) }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: /^Live$/ })
      .waitFor();
    const carlos = page.getByRole('row', { name: /Carlos Ruiz/ });
    await carlos.getByText('carlos@example.com').waitFor();
    await carlos.getByText('Confirmed').waitFor();
    await screenshot(page, 'reservations');

    // The move offers only the tables free that day (issue 16): Carlos's own B1 and the five nobody holds.
    await page.getByRole('button', { name: /^Move — Carlos Ruiz/ }).click();
    let dialog = page.getByRole('dialog', { name: "Move Carlos Ruiz's reservation" });
    const offered = async () =>
      (await dialog.getByLabel('New table').locator('option').allTextContents()).map((text) => text.split(' ')[0]);
    await expect.poll(offered).toEqual(['B1', 'C2', 'C3', 'D0', 'D1', 'D2']);
    await screenshot(page, 'reservation-move');
    // 25 people are refused in place, before anything is sent.
    await dialog.getByLabel('People').fill('25');
    await dialog.getByRole('button', { name: 'Move' }).click();
    await dialog.getByText('Between 1 and 20 people').waitFor();

    // Another day, a table taken there behind the page's back: refused in place, with everything typed kept.
    await dialog.getByLabel('New day').fill(laterDay);
    await dialog.getByLabel('New table').selectOption('C3');
    await dialog.getByLabel('People').fill('3');
    const blocker = await server.api.reservation.create.mutate({
      restaurantId: casaSaborId,
      table: 'C3',
      date: laterDay,
      guestName: 'Blocker',
    });
    await dialog.getByRole('button', { name: 'Move' }).click();
    await dialog.getByRole('alert').getByText('That table is already taken').waitFor();
    expect(await dialog.getByLabel('New day').inputValue()).toBe(laterDay);
    expect(await dialog.getByLabel('New table').inputValue()).toBe('C3');
    expect(await dialog.getByLabel('People').inputValue()).toBe('3');
    await screenshot(page, 'reservation-refused');

    // Freed again: the same dialog moves it, and it leaves this day's list.
    await server.api.reservation.cancel.mutate({ restaurantId: casaSaborId, reservationId: blocker.id });
    await dialog.getByRole('button', { name: 'Move' }).click();
    await page.getByRole('status').filter({ hasText: "Carlos Ruiz's reservation is now at table C3 on" }).waitFor();
    await page.getByRole('heading', { name: new RegExp(`^${total - 1} reservations on `) }).waitFor();

    // Seat, then complete; cancel another with a reason.
    await page.getByRole('button', { name: /^Seat — Guest A1/ }).click();
    await page.getByRole('dialog', { name: 'Seat Guest A1?' }).getByRole('button', { name: 'Seat' }).click();
    await page
      .getByRole('row', { name: /Guest A1/ })
      .getByText('Seated')
      .waitFor();
    await page.getByRole('button', { name: /^Complete — Guest A1/ }).click();
    await page.getByRole('dialog', { name: "Mark Guest A1's visit as completed?" }).getByRole('button', { name: 'Mark completed' }).click();
    await page
      .getByRole('row', { name: /Guest A1/ })
      .getByText('Completed')
      .waitFor();

    await page.getByRole('button', { name: /^Cancel — Guest A2/ }).click();
    dialog = page.getByRole('dialog', { name: "Cancel Guest A2's reservation?" });
    await dialog.getByLabel('Reason (optional)').fill('Called to cancel');
    await dialog.getByRole('button', { name: 'Cancel reservation' }).click();
    await page.getByRole('status').filter({ hasText: "Guest A2's reservation of table A2" }).waitFor();
    await page.getByRole('heading', { name: new RegExp(`^${total - 2} reservations on `) }).waitFor();
    await page.getByLabel('Status').selectOption('all');
    await page
      .getByRole('row', { name: /Guest A2/ })
      .getByText('Cancelled')
      .waitFor();
    await page
      .getByRole('row', { name: /Guest A2/ })
      .getByText('Called to cancel')
      .waitFor();
    expect(new URL(page.url()).searchParams.get('status')).toBe('all');

    // Live: a booking made elsewhere appears without a reload.
    await server.api.reservation.create.mutate({ restaurantId: casaSaborId, table: 'A2', date: bookingDay, guestName: 'Live Guest' });
    await page.getByRole('row', { name: /Live Guest/ }).waitFor({ timeout: 2_000 });
    const stored = await server.api.reservation.list.query({ restaurantId: casaSaborId, date: laterDay });
    expect(stored).toEqual([expect.objectContaining({ guestName: 'Carlos Ruiz', table: 'C3', partySize: 3 })]);
  });

  it('edits the table layout: a new table appears on the floor map, a needed one cannot go', async () => {
    await page.goto('/manage');
    await page.getByRole('button', { name: 'Edit — Casa Sabor' }).click();
    // C1 is booked on the booking day: removing it is refused next to the layout.
    await page.getByRole('button', { name: 'Remove C1' }).click();
    await page.getByRole('button', { name: 'Save changes' }).click();
    const layoutError = page.locator('.layout-editor__error');
    await layoutError.waitFor();
    expect(await layoutError.textContent()).toMatch(/C1/);
    await screenshot(page, 'layout-refused');

    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Edit — Casa Sabor' }).click();
    await page.getByRole('button', { name: 'Add a table' }).click();
    expect(await page.getByRole('textbox', { name: 'Table 16 label' }).inputValue()).toBe('D3');
    await page.getByRole('spinbutton', { name: 'Table 16 seats' }).fill('8');
    await screenshot(page, 'layout-editor');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Casa Sabor was saved.' }).waitFor();

    await page.goto(`/restaurants/${casaSaborId}/day?date=${laterDay}`);
    await page.getByRole('button', { name: namedBy('D3', '8 seats', 'Free') }).waitFor();
    await page.getByText('15 of 16 tables free').waitFor();
    await screenshot(page, 'restaurant-day');
  });

  it('deletes a restaurant, says so when it was deleted elsewhere, and signs out', async () => {
    await page.goto('/manage');
    const [elCielo] = await server.api.restaurant.list.query({ startWith: 'El Cielo' });
    await page.getByRole('button', { name: 'Edit — El Cielo' }).click();
    await server.api.restaurant.delete.mutate({ id: elCielo!.id });
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('alert').getByText('Not found: it may have been deleted').waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Delete — Andrés Carne de Res' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Andrés Carne de Res?' });
    await screenshot(page, 'manage-delete-confirm');
    await dialog.getByRole('button', { name: 'Delete restaurant' }).click();
    await page.getByRole('status').filter({ hasText: 'Andrés Carne de Res was deleted.' }).waitFor();
    expect(await page.getByRole('row', { name: /Andrés Carne de Res/ }).count()).toBe(0);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('tablebook.adminToken'))).toBeNull();
    expect(visit.pageErrors).toEqual([]);
  });

  it('fits a phone screen', async () => {
    const phone = await openPage(browser, server.url, { viewport: { width: 390, height: 844 } });
    try {
      await phone.page.goto(`/?date=${bookingDay}`);
      await phone.page.getByRole('article', { name: 'Donde Fidel' }).waitFor();
      expect(await fitsViewportWidth(phone.page)).toBe(true);
      await screenshot(phone.page, 'phone-find');
      await phone.page.goto(`/restaurants/${casaSaborId}/day?date=${laterDay}`);
      await phone.page.getByRole('button', { name: tableNamed('A1', 'Free') }).click();
      await phone.page.getByRole('dialog', { name: 'Book table A1' }).waitFor();
      expect(await fitsViewportWidth(phone.page)).toBe(true);
      await screenshot(phone.page, 'phone-booking');
      await phone.page.getByRole('button', { name: 'Cancel' }).click();
      expect(await fitsViewportWidth(phone.page)).toBe(true);
      await screenshot(phone.page, 'phone-day');
      await phone.page.goto(`/reservations?restaurant=${casaSaborId}&date=${bookingDay}`);
      await signIn(phone.page);
      await phone.page.getByRole('row', { name: /Guest A1/ }).waitFor();
      expect(await fitsViewportWidth(phone.page)).toBe(true);
      await screenshot(phone.page, 'phone-reservations');
      await phone.page.goto('/manage');
      await phone.page.getByRole('row', { name: /Donde Fidel/ }).waitFor();
      expect(await fitsViewportWidth(phone.page)).toBe(true);
      await screenshot(phone.page, 'phone-manage');
      expect(phone.pageErrors).toEqual([]);
    } finally {
      await phone.close();
    }
  });

  it('warns on every administration page when the server has no admin token', async () => {
    const open = await startAppServer({ webApp: true });
    const visitor = await openPage(browser, open.url);
    try {
      await visitor.page.goto('/manage');
      await visitor.page.getByText('The administration is open.').waitFor();
      await visitor.page.getByText('No restaurants yet. Add the first one.').waitFor();
      await visitor.page.goto('/reservations');
      await visitor.page.getByText('The administration is open.').waitFor();
      await screenshot(visitor.page, 'admin-open-banner');
      expect(visitor.pageErrors).toEqual([]);
    } finally {
      await visitor.close();
      await open.stop();
    }
  });
});
