/**
 * The web app end to end: the built app served by the real server (in-memory PGlite), driven in
 * headless Chromium. The tests run in order and build on each other, like one guest's and one
 * manager's visit: create a restaurant, find it, book, get refused, read reservations, edit, delete.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDay } from '../../src/lib/days.ts';
import { launchChromium, shouldRunBrowserSuite } from './support/chromium.ts';
import { DAILY_LIMITS, startAppServer, type AppServer } from '../support/appServer.ts';
import { fitsViewportWidth, openPage, pickCity, screenshot, type OpenedPage } from './support/pages.ts';

// Days well ahead, so the browser's, the server's and this machine's "today" cannot disagree about them.
const bookingDay = addDays(localDay(), 30);
const fullSystemDay = addDays(bookingDay, 1);
const laterDay = addDays(bookingDay, 7);

const restaurantFields = (name: string, cityId: number) => ({
  name,
  address: 'Calle 10 # 5-51',
  description: 'Cocina de mercado',
  photoUrl: 'https://example.com/photo.jpg',
  cityId,
});

describe.skipIf(!shouldRunBrowserSuite())('the web app in Chromium', () => {
  let server: AppServer;
  let browser: Browser;
  /** The English page most tests share, as one guest would keep one tab. */
  let visit: OpenedPage;
  let page: Page;
  let casaSaborId = '';
  let medellinId = 0;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer({ webApp: true }), launchChromium()]);
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

  it('creates a restaurant through the form, checked with the API schema', async () => {
    await page.goto('/manage');
    await page.getByText('No restaurants yet. Add the first one.').waitFor();
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
    await page.getByRole('button', { name: 'Create restaurant' }).click();

    await page.getByRole('status').filter({ hasText: 'Casa Sabor was created.' }).waitFor();
    // The form is closed, not left open with the old values.
    expect(await page.getByRole('button', { name: 'Create restaurant' }).count()).toBe(0);
    const row = page.getByRole('row', { name: /Casa Sabor/ });
    await row.getByText('Medellín, Antioquia').waitFor();

    const [created] = await server.api.restaurant.list.query({ startWith: 'Casa Sabor' });
    expect(created).toMatchObject({ name: 'Casa Sabor', city: { id: medellinId } });
    casaSaborId = created!.id;
    await screenshot(page, 'manage');
  });

  it('finds the restaurant by city and day, and books a table', async () => {
    // Another restaurant elsewhere, which the city filter must leave out.
    await server.api.restaurant.create.mutate(restaurantFields('Andrés Carne de Res', 1));

    await page.goto(`/?date=${bookingDay}`);
    await page.getByRole('heading', { name: /^2 restaurants for/ }).waitFor();
    await pickCity(page, 'City', 'Medellín', 'Medellín');
    await page.getByRole('heading', { name: /^1 restaurant for/ }).waitFor();
    expect(new URL(page.url()).searchParams.get('city')).toBe(String(medellinId));
    const card = page.getByRole('article', { name: 'Casa Sabor' });
    await card.getByText(`${DAILY_LIMITS.restaurantDailyLimit} places left`).waitFor();
    await screenshot(page, 'find');

    await card.getByRole('link', { name: /See tables/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Casa Sabor' }).waitFor();
    expect(new URL(page.url()).searchParams.get('date')).toBe(bookingDay);
    await page.getByText('15 of 15 tables free').waitFor();

    await page.getByRole('button', { name: 'Table A0, free: book it' }).click();
    const dialog = page.getByRole('dialog', { name: 'Book table A0?' });
    await dialog.getByRole('button', { name: 'Book it' }).click();
    await page.getByRole('button', { name: 'Table A0, taken' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Table A0 at Casa Sabor is booked for' }).waitFor();
    await page.getByText('14 of 15 tables free').waitFor();

    const stored = await server.api.reservation.list.query({ restaurantId: casaSaborId, date: bookingDay });
    expect(stored.map((reservation) => reservation.table)).toEqual(['A0']);
    await screenshot(page, 'restaurant-day');
  });

  it('shows the refusal when the table was booked behind its back, then the truth', async () => {
    await server.api.reservation.create.mutate({ restaurantId: casaSaborId, table: 'A1', date: bookingDay });
    // The page still shows A1 free: it has not been told.
    await page.getByRole('button', { name: 'Table A1, free: book it' }).click();
    await page.getByRole('dialog', { name: 'Book table A1?' }).getByRole('button', { name: 'Book it' }).click();

    const refusal = page.getByRole('alert');
    await refusal.getByText('That table is already taken').waitFor();
    await refusal.getByText(`Table A1 at "Casa Sabor" is already booked on ${bookingDay}`).waitFor();
    await page.getByRole('button', { name: 'Table A1, taken' }).waitFor();
    await page.getByText('13 of 15 tables free').waitFor();
    await screenshot(page, 'refusal-table-taken');
  });

  it("reads the restaurant's daily-limit refusal", async () => {
    // Fill the restaurant to its limit behind the page's back (A0 and A1 are booked already).
    const more = ['A2', 'A3', 'B0', 'B1', 'B2', 'B3', 'C0', 'C1', 'C2', 'C3', 'D0', 'D1', 'D2'].slice(0, DAILY_LIMITS.restaurantDailyLimit - 2);
    for (const table of more) await server.api.reservation.create.mutate({ restaurantId: casaSaborId, table, date: bookingDay });
    const stillFree = page.getByRole('button', { name: `Table D2, free: book it` });
    await stillFree.click();
    await page.getByRole('dialog', { name: 'Book table D2?' }).getByRole('button', { name: 'Book it' }).click();

    const refusal = page.getByRole('alert');
    await refusal.getByText('The restaurant is fully booked that day').waitFor();
    await refusal
      .getByText(`the restaurant already has ${DAILY_LIMITS.restaurantDailyLimit} reservations that day`, { exact: false })
      .waitFor();
    // Refetched: the map now shows every booking the server holds.
    await page.getByText(`${15 - DAILY_LIMITS.restaurantDailyLimit} of 15 tables free`).waitFor();
    await screenshot(page, 'refusal-restaurant-full');
  });

  it("reads the whole system's daily-limit refusal, and search finds no room that day", async () => {
    // Two other restaurants take every booking the system allows on the next day.
    const fillers = await Promise.all(
      ['Donde Fidel', 'El Cielo'].map((name) => server.api.restaurant.create.mutate(restaurantFields(name, medellinId))),
    );
    const tables = ['A0', 'A1', 'A2', 'A3', 'B0', 'B1', 'B2', 'B3', 'C0', 'C1', 'C2', 'C3', 'D0', 'D1', 'D2'];
    let booked = 0;
    for (const filler of fillers) {
      for (const table of tables.slice(0, DAILY_LIMITS.restaurantDailyLimit)) {
        if (booked === DAILY_LIMITS.globalDailyLimit) break;
        await server.api.reservation.create.mutate({ restaurantId: filler.id, table, date: fullSystemDay });
        booked += 1;
      }
    }

    // The next-day button moves the day view on by one.
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await page.getByRole('button', { name: 'Next day' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('date')).toBe(fullSystemDay);
    await page.getByText('15 of 15 tables free').waitFor();
    await page.getByRole('button', { name: 'Table C2, free: book it' }).click();
    await page.getByRole('dialog', { name: 'Book table C2?' }).getByRole('button', { name: 'Book it' }).click();
    const refusal = page.getByRole('alert');
    await refusal.getByText('No more bookings can be taken that day').waitFor();
    await refusal
      .getByText(`the system already has ${DAILY_LIMITS.globalDailyLimit} reservations that day`, { exact: false })
      .waitFor();
    await screenshot(page, 'refusal-system-full');

    await page.goto(`/?date=${fullSystemDay}&min=1`);
    await page.getByRole('status').filter({ hasText: 'No restaurant has room on' }).waitFor();
    expect(await page.getByRole('spinbutton', { name: 'At least this many free places' }).inputValue()).toBe('1');
    await screenshot(page, 'find-empty');
  });

  it('shows a past day read-only', async () => {
    await page.goto(`/restaurants/${casaSaborId}/day?date=${addDays(localDay(), -3)}`);
    await page.getByText('This day has passed').waitFor();
    const table = page.getByRole('button', { name: 'Table A0, this day has passed' });
    expect(await table.getAttribute('aria-disabled')).toBe('true');
    await table.click({ force: true }); // a click anyway, as a mouse would; playwright otherwise waits for it to be enabled
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it("lists a restaurant's reservations newest day first, and filters them by day", async () => {
    await server.api.reservation.create.mutate({ restaurantId: casaSaborId, table: 'B2', date: laterDay });
    await page.goto(`/reservations?restaurant=${casaSaborId}`);
    const total = DAILY_LIMITS.restaurantDailyLimit + 1;
    await page.getByRole('heading', { name: `${total} reservations` }).waitFor();
    const dates = await page.locator('tbody time[datetime]:not([datetime*="T"])').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('datetime')));
    expect(dates[0]).toBe(laterDay);
    expect(dates).toEqual([...dates].sort().reverse());
    await screenshot(page, 'reservations');

    await page.getByLabel('Day', { exact: true }).fill(laterDay);
    await page.getByRole('heading', { name: /^1 reservation on / }).waitFor();
    expect(new URL(page.url()).searchParams.get('date')).toBe(laterDay);
    await page.getByRole('button', { name: 'All days' }).click();
    await page.getByRole('heading', { name: `${total} reservations` }).waitFor();
  });

  it('edits a restaurant, then deletes one, and says so when it was deleted elsewhere', async () => {
    await page.goto('/manage');
    await page.getByRole('button', { name: 'Edit — Casa Sabor' }).click();
    const name = page.getByRole('textbox', { name: 'Name', exact: true });
    expect(await name.inputValue()).toBe('Casa Sabor');
    await name.fill('Casa Sabor Paisa');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Casa Sabor Paisa was saved.' }).waitFor();
    expect(await page.getByRole('button', { name: 'Save changes' }).count()).toBe(0);
    await page.getByRole('row', { name: /Casa Sabor Paisa/ }).waitFor();
    expect((await server.api.restaurant.byId.query({ id: casaSaborId })).name).toBe('Casa Sabor Paisa');

    // Editing one that another manager deletes meanwhile: the save is refused in the page.
    const [elCielo] = await server.api.restaurant.list.query({ startWith: 'El Cielo' });
    await page.getByRole('button', { name: 'Edit — El Cielo' }).click();
    await server.api.restaurant.delete.mutate({ id: elCielo!.id });
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('alert').getByText('Not found: it may have been deleted').waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Delete — Casa Sabor Paisa' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Casa Sabor Paisa?' });
    await screenshot(page, 'manage-delete-confirm');
    await dialog.getByRole('button', { name: 'Delete restaurant' }).click();
    await page.getByRole('status').filter({ hasText: 'Casa Sabor Paisa was deleted.' }).waitFor();
    expect(await page.getByRole('row', { name: /Casa Sabor Paisa/ }).count()).toBe(0);
    await expect(server.api.restaurant.byId.query({ id: casaSaborId })).rejects.toMatchObject({ data: { reason: 'NOT_FOUND' } });
    expect(visit.pageErrors).toEqual([]);
  });

  it('fits a phone screen', async () => {
    const phone = await openPage(browser, server.url, { viewport: { width: 390, height: 844 } });
    try {
      const [donde] = await server.api.restaurant.list.query({ startWith: 'Donde Fidel' });
      await phone.page.goto(`/?date=${bookingDay}`);
      await phone.page.getByRole('article', { name: 'Donde Fidel' }).waitFor();
      expect(await fitsViewportWidth(phone.page)).toBe(true);
      await screenshot(phone.page, 'phone-find');
      await phone.page.goto(`/restaurants/${donde!.id}/day?date=${fullSystemDay}`);
      await phone.page.getByRole('button', { name: 'Table A0, taken' }).waitFor();
      expect(await fitsViewportWidth(phone.page)).toBe(true);
      await screenshot(phone.page, 'phone-day');
      await phone.page.goto('/manage');
      await phone.page.getByRole('row', { name: /Donde Fidel/ }).waitFor();
      expect(await fitsViewportWidth(phone.page)).toBe(true);
      await screenshot(phone.page, 'phone-manage');
      expect(phone.pageErrors).toEqual([]);
    } finally {
      await phone.close();
    }
  });
});
