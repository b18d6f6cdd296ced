/**
 * Issue 16's hostile web review (/work/notes/review16-web.md), its defects met in Chromium against the real
 * server (the built app, in-memory PGlite), each where a guest or a host meets it: the booking's answer
 * under a phone's sticky header (D3), a reservation's id shown to guests instead of its code (D4), a
 * department's name picking one of its cities (D5), the restaurant form opened without focus (D6), the
 * layout editor's refusal for several tables (D7), the route-error page without the site's frame, and
 * the Find page's results read before its live stream opened. One server and one browser for all.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WEEKDAYS } from '../../src/features/manage/bookingCalendar.ts';
import { dictionaries } from '../../src/i18n/dictionary.ts';
import { refusalWords } from '../../src/i18n/refusals.ts';
import { addDays, localDay } from '../../src/lib/days.ts';
import { startAppServer, type AppServer } from '../support/appServer.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { launchChromium, shouldRunBrowserSuite } from './support/chromium.ts';
import { openPage, type OpenedPage, closeCheckedPages } from './support/pages.ts';

const es = dictionaries.es;
const PHONE = { width: 390, height: 844 };
// A day well ahead, so no clock's "today" can disagree about it.
const day = addDays(localDay(), 30);
const BOGOTA = 495;
const guest = { guestName: 'Ana Gómez', guestPhone: '+57 300 123 4567' };
/** A first answer after a navigation, and polls, on a machine other suites share: generous. */
const LOADED = { timeout: 20_000 };
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

const restaurantFields = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  address: 'Carrera 7 # 22-31',
  description: 'Ajiaco y tamales',
  photoUrl: 'https://example.com/ajiaco.jpg',
  cityId: BOGOTA,
  ...extra,
});

/** Resolves once the page has stopped scrolling (a smooth scroll into view runs for a few hundred ms). */
const scrollSettled = (page: Page) =>
  page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    let last = Number.NaN;
    for (let still = 0, attempt = 0; still < 3 && attempt < 200; attempt += 1) {
      await frame();
      still = window.scrollY === last ? still + 1 : 0;
      last = window.scrollY;
    }
  });

/** Where the focused element's top is, and where the sticky header's bottom and measured height are. */
const focusedBelowHeader = (page: Page) =>
  page.evaluate(() => {
    const header = document.querySelector('.site-header')!.getBoundingClientRect();
    const focused = document.activeElement!;
    return {
      focused: focused.textContent?.trim(),
      top: Math.round(focused.getBoundingClientRect().top),
      headerBottom: Math.round(header.bottom),
      headerHeight: Math.ceil(header.height),
      measured: getComputedStyle(document.documentElement).getPropertyValue('--site-header-height').trim(),
    };
  });

describe.skipIf(!shouldRunBrowserSuite())('issue 16 web review, in Chromium', () => {
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

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer({ webApp: true }), launchChromium()]);
    wholeDayId = (await server.api.restaurant.create.mutate(restaurantFields('Casa Larga'))).id;
    timedId = (
      await server.api.restaurant.create.mutate(
        restaurantFields('Reloj Bogotano', {
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

  it('D3: on a phone the booking confirmation\'s title ("¡Reservado!") lands below the sticky header, whole-day and timed', async () => {
    const page = await visit({ viewport: PHONE });
    const book = async () => {
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(es.booking.fields.guestName).fill(guest.guestName);
      await dialog.getByLabel(es.booking.fields.guestPhone).fill(guest.guestPhone);
      await dialog.getByRole('button', { name: es.day.confirmAction }).click();
      await page.getByRole('heading', { name: es.booking.confirmedTitle }).waitFor(LOADED);
      await expect.poll(() => page.evaluate(() => document.activeElement?.id), LOADED).toBe('booking-confirmed');
      await scrollSettled(page);
      const where = await focusedBelowHeader(page);
      // The header measured as it is (brand over a wrapped navigation), and the title below it.
      expect(where.measured).toBe(`${where.headerHeight}px`);
      expect(where.headerHeight).toBeGreaterThan(100);
      expect(where.top).toBeGreaterThanOrEqual(where.headerBottom);
    };

    // Whole day: the last table, far down the map.
    await page.goto(`/restaurants/${wholeDayId}/day?date=${day}`);
    const tiles = page.locator('.floor button.table--free');
    await expect.poll(() => tiles.count(), LOADED).toBeGreaterThan(10);
    await tiles.last().click(LOADED);
    await book();

    // By time: a start time picked, its button books the table the restaurant gives.
    await page.goto(`/restaurants/${timedId}/day?date=${day}&time=20:00&party=2`);
    await page.getByRole('list', { name: es.day.timed.slotsLabel }).getByRole('button', { name: /^8:00/ }).click(LOADED);
    await page.getByRole('button', { name: /^Reservar a las 8:00/ }).click();
    await book();
  });

  it("D4: the confirmation and its cancel page show the cancellation code (copied with a button, filled in), never the reservation's id", async () => {
    const page = await visit();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.goto(`/restaurants/${wholeDayId}/day?date=${addDays(day, 1)}`);
    await page.locator('.floor button.table--free').first().click(LOADED);
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(es.booking.fields.guestName).fill(guest.guestName);
    await dialog.getByLabel(es.booking.fields.guestPhone).fill(guest.guestPhone);
    await dialog.getByRole('button', { name: es.day.confirmAction }).click();
    const confirmation = page.getByRole('status').filter({ hasText: es.booking.confirmedTitle });
    const code = (await page.getByTestId('cancellation-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[0-9A-Z]{12}$/);
    expect(await confirmation.textContent()).not.toMatch(UUID);
    await confirmation.getByRole('button', { name: es.booking.copyCode }).click();
    await confirmation.getByText(es.booking.codeCopied, { exact: true }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);

    await confirmation.getByRole('link', { name: es.booking.cancelLink }).click();
    await page.getByRole('heading', { level: 1, name: es.cancel.title }).waitFor();
    await page.getByText(es.cancel.linkedAt('Casa Larga')).waitFor();
    expect(await page.getByRole('main').textContent()).not.toMatch(UUID);
    const field = page.getByLabel(es.cancel.code);
    expect(await field.inputValue()).toBe(code);
    await page.getByText(es.cancel.codeFilled).waitFor();
    await page.getByRole('button', { name: es.cancel.submit }).click();
    await page.locator('.notice--success').waitFor();
    expect(await page.getByRole('main').textContent()).not.toMatch(UUID);
    const [cancelled] = await server.api.reservation.list.query({ restaurantId: wholeDayId, date: addDays(day, 1), status: 'cancelled' });
    expect(cancelled).toMatchObject({ guestName: guest.guestName, status: 'cancelled' });
  });

  it("D5: the city picker's Enter on a department keeps the text and lists its cities; a city's name or start is still taken", async () => {
    const page = await visit();
    await page.goto('/');
    const box = page.getByRole('combobox', { name: es.find.city });
    await expect.poll(() => box.isEnabled(), LOADED).toBe(true);
    const city = () => new URL(page.url()).searchParams.get('city');

    await box.fill('Cundinamarca');
    await box.press('Enter');
    const list = page.getByRole('listbox', { name: es.find.city });
    await list.getByText(/^Aún no hay ciudad elegida: coinciden \d+ ciudades, elija una en la lista$/).waitFor();
    expect(await box.inputValue()).toBe('Cundinamarca');
    expect(await list.getByRole('option', { name: 'Bogotá', exact: true }).count()).toBe(1);
    expect(city()).toBeNull();
    // Leaving the box keeps the text, with the note beside it.
    await box.press('Tab');
    expect(await box.inputValue()).toBe('Cundinamarca');
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    expect(city()).toBeNull();

    await box.fill('Bogot');
    await box.press('Enter');
    await expect.poll(city, LOADED).toBe(String(BOGOTA));
    expect(await box.inputValue()).toBe('Bogotá (Cundinamarca)');

    await box.fill('Cartagena');
    await box.press('ArrowDown');
    await box.press('Enter');
    await expect.poll(city, LOADED).toBe('167');
    expect(await box.inputValue()).toBe('Cartagena de Indias (Bolívar)');
  });

  it('D6: "Editar" and "Nuevo restaurante" move focus to the opened form\'s title, below the sticky header', async () => {
    const page = await visit({ viewport: PHONE });
    await page.goto('/manage');
    const title = async (name: string) => {
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName), LOADED).toBe('H2');
      await scrollSettled(page);
      const where = await focusedBelowHeader(page);
      expect(where.focused).toBe(name);
      expect(where.top).toBeGreaterThanOrEqual(where.headerBottom);
    };

    // The last restaurant's "Editar", far down the list, pressed from the keyboard.
    const edit = page.getByRole('button', { name: `${es.manage.edit} — Reloj Bogotano` });
    await edit.waitFor(LOADED);
    await edit.focus();
    await page.keyboard.press('Enter');
    await title(es.manage.editTitle('Reloj Bogotano'));
    // The next Tab goes into the form, not back to the list.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('form')?.className)).toBe('restaurant-form');

    // Pressed again while its form is open, from further down: back to the title.
    await edit.focus();
    await page.keyboard.press('Enter');
    await title(es.manage.editTitle('Reloj Bogotano'));

    await page.getByRole('button', { name: es.common.cancel, exact: true }).click();
    await page.getByRole('button', { name: es.manage.newRestaurant }).focus();
    await page.keyboard.press('Enter');
    await title(es.manage.createTitle);
  });

  it('D7: the layout editor lists the bookings that need the tables it drops, under a lead that says to move or cancel them first', async () => {
    const noche = await server.api.restaurant.create.mutate(
      restaurantFields('Noche Abierta', {
        tables: [
          { label: 'A1', seats: 2 },
          { label: 'B1', seats: 4 },
          { label: 'D1', seats: 12 },
        ],
      }),
    );
    for (const [table, partySize] of [
      ['B1', 4],
      ['D1', 10],
    ] as const) {
      await server.api.reservation.create.mutate({ restaurantId: noche.id, date: day, table, partySize, guestName: `Mesa ${table}` });
    }
    const page = await visit();
    await page.goto('/manage');
    await page.getByRole('button', { name: `${es.manage.edit} — Noche Abierta` }).click(LOADED);
    await page.getByRole('button', { name: `${es.manage.layout.remove} B1` }).click();
    await page.getByRole('button', { name: `${es.manage.layout.remove} D1` }).click();
    await page.getByRole('button', { name: es.manage.save }).click();
    const refusal = page.getByRole('alert').filter({ hasText: refusalWords.es.layoutBookings(2) });
    await refusal.waitFor();
    const items = await refusal.getByRole('listitem').allTextContents();
    expect(items).toHaveLength(2);
    expect(items[0]).toMatch(/^La mesa B1 está reservada el .+ para 4 personas$/);
    expect(items[1]).toMatch(/^La mesa D1 está reservada el .+ para 10 personas$/);
    expect(await refusal.textContent()).not.toContain(';');
    expect(await refusal.textContent()).not.toMatch(UUID);
    expect((await server.api.restaurant.byId.query({ id: noche.id })).tables.map((table) => table.label)).toEqual(['A1', 'B1', 'D1']);
  });

  it("the route-error page is inside the site's frame: its heading, and the header, navigation, language switch and footer to leave by", async () => {
    const page = await visit({ viewport: PHONE });
    // A host page whose code cannot be fetched (a dropped connection, or a deploy that replaced the assets).
    await page.route(
      (url) => url.pathname.startsWith('/assets/SettingsPage-') && url.pathname.endsWith('.js'),
      (route) => route.abort('connectionfailed'),
    );
    await page.goto('/settings');
    await page.getByRole('main').getByRole('heading', { level: 1, name: es.routeError.title }).waitFor(LOADED);
    const nav = page.getByRole('navigation', { name: es.app.navLabel });
    // Find a table, Reservations, Restaurants, Daily limits and Messages (issue 17).
    expect(await nav.getByRole('link').allTextContents()).toEqual(Object.values(es.app.nav));
    await page.getByRole('contentinfo').getByRole('link', { name: es.app.cancelLink }).waitFor();
    await page.getByRole('group', { name: es.app.languageSwitch }).waitFor();
    expect(await page.getByRole('main').count()).toBe(1);
    expect(await page.title()).toBe(`${es.routeError.title} · ${es.app.name}`);
    expect(await expectNoAxeViolations(page, 'route-error inside the layout, es, 390x844')).toEqual([]);
    // The navigation leaves it: another page renders in its place.
    await nav.getByRole('link', { name: es.app.nav.find }).click();
    await page.getByRole('main').getByRole('heading', { level: 1, name: es.find.title }).waitFor();
    expect(await page.getByRole('heading', { name: es.routeError.title }).count()).toBe(0);
  });

  it("Find: a booking made between the results' early answer and the live stream's opening shows once the stream opens", async () => {
    const liveDay = addDays(day, 2);
    const vista = await server.api.restaurant.create.mutate(
      restaurantFields('Vista Viva', {
        tables: [
          { label: 'A1', seats: 2 },
          { label: 'B1', seats: 4 },
          { label: 'C1', seats: 4 },
        ],
      }),
    );
    const page = await visit();
    // The stream is held until the booking is made: the page has its results and no stream yet.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(
      (url) => url.pathname.endsWith('/guest.onDayChange'),
      async (route) => {
        await held;
        await route.continue();
      },
    );
    const listReads: string[] = [];
    page.on('request', (request) => request.url().includes('guest.restaurants') && listReads.push(request.url()));
    await page.goto(`/?date=${liveDay}`);
    const badge = page.getByRole('article', { name: 'Vista Viva' }).locator('.badge');
    await expect.poll(() => badge.textContent(), LOADED).toBe(es.find.tablesFree(3, 10));
    const readsBefore = listReads.length;

    await server.api.guest.book.mutate({ restaurantId: vista.id, date: liveDay, table: 'A1', partySize: 2, ...guest });
    release();
    // As the stream opens, the list read before then is read again, once, and the card follows.
    await expect.poll(() => badge.textContent(), LOADED).toBe(es.find.tablesFree(2, 8));
    expect(listReads.length).toBe(readsBefore + 1);
  });
});
