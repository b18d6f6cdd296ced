/**
 * Live pages that tell the truth (issue 16), in Chromium against the real server: "a day page and the
 * reservations page, server stopped and started, two tables booked over REST" once left "the pill
 * stayed 'Live' and 60 s later both pages still showed no booking". Now "a stream that ends
 * (shutdown, restart, network) is reopened with backoff (capped at 5 s) and resumes from the last
 * event id; the pill says Reconnecting while it is not live and Live only when events flow again;
 * system-wide capacity changes reach every open day page."
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDay } from '../../src/lib/days.ts';
import { launchChromium, shouldRunBrowserSuite } from './support/chromium.ts';
import { startAppServer, type AppServer } from '../support/appServer.ts';
import { tableNamed } from '../support/names.ts';
import { cspViolations, openPage, screenshot, type OpenedPage } from './support/pages.ts';

const ADMIN_TOKEN = 'live-e2e-token';
// Well ahead, so no clock in the test can disagree about the day.
const day = addDays(localDay(), 30);
/** The system's limit that day: few enough that one booking elsewhere fills it. */
const SYSTEM_LIMIT = 4;
/** The backoff's cap, and a generous margin for a loaded two-core machine. */
const BACK_WITHIN_MS = 5_000 + 7_000;

const restaurantFields = (name: string) => ({
  name,
  address: 'Calle 10 # 5-51',
  description: 'Cocina de mercado',
  photoUrl: 'https://example.com/photo.jpg',
  cityId: 1,
});

/** The live pill of a page (a polite status: there is one per live page). */
const pill = (page: Page) => page.locator('.live-pill');

describe.skipIf(!shouldRunBrowserSuite())('live pages across a server restart, in Chromium', () => {
  let server: AppServer;
  let browser: Browser;
  let dayPage: OpenedPage;
  let listPage: OpenedPage;
  let casaId = '';
  let otraId = '';

  /** Books over REST, as another client of the API would. */
  async function bookOverRest(restaurantId: string, table: string, guestName: string) {
    const response = await fetch(`${server.url}/api/admin/restaurant/${restaurantId}/reservations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ table, date: day, guestName }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { data: { id: string } }).data;
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer({ webApp: true, adminTokens: [ADMIN_TOKEN] }), launchChromium()]);
    casaId = (await server.api.restaurant.create.mutate(restaurantFields('Casa del Río'))).id;
    otraId = (await server.api.restaurant.create.mutate(restaurantFields('Otra Cocina'))).id;
    await server.api.settings.update.mutate({ globalDailyLimit: SYSTEM_LIMIT });
    await server.api.reservation.create.mutate({ restaurantId: casaId, table: 'A0', date: day, guestName: 'Before the restart' });
    [dayPage, listPage] = await Promise.all([openPage(browser, server.url), openPage(browser, server.url)]);
  });

  afterAll(async () => {
    await Promise.all([dayPage?.close(), listPage?.close()]);
    await browser?.close();
    await server?.stop();
  });

  afterEach(() => {
    expect(cspViolations).toEqual([]);
  });

  it('says Reconnecting while the server is away, Live again once events flow, and both pages show the bookings made meanwhile', async () => {
    await dayPage.page.goto(`/restaurants/${casaId}/day?date=${day}`);
    await listPage.page.goto(`/reservations?restaurant=${casaId}&date=${day}`);
    await listPage.page.getByLabel('Admin token').fill(ADMIN_TOKEN);
    await listPage.page.getByRole('button', { name: 'Sign in' }).click();
    await dayPage.page.getByRole('button', { name: tableNamed('A0', 'Taken') }).waitFor();
    await listPage.page.getByRole('row', { name: /Before the restart/ }).waitFor();
    for (const { page } of [dayPage, listPage])
      await pill(page)
        .filter({ hasText: /^Live$/ })
        .waitFor();

    await server.stopServer();
    // The server ended the streams as it shut down: not live, and saying so.
    for (const { page } of [dayPage, listPage])
      await pill(page)
        .filter({ hasText: /^Reconnecting…$/ })
        .waitFor({ timeout: 5_000 });
    await screenshot(dayPage.page, 'live-reconnecting-day');
    // Away a few seconds: every attempt fails, the pill keeps telling the truth.
    await dayPage.page.waitForTimeout(2_500);
    for (const { page } of [dayPage, listPage]) expect(await pill(page).textContent()).toBe('Reconnecting…');

    await server.startServer();
    const startedAt = Date.now();
    await bookOverRest(casaId, 'A1', 'After the restart one');
    await bookOverRest(casaId, 'A2', 'After the restart two');

    const seen = await Promise.all([
      (async () => {
        await dayPage.page.getByRole('button', { name: tableNamed('A1', 'Taken') }).waitFor({ timeout: BACK_WITHIN_MS });
        await dayPage.page.getByRole('button', { name: tableNamed('A2', 'Taken') }).waitFor({ timeout: BACK_WITHIN_MS });
        return Date.now() - startedAt;
      })(),
      (async () => {
        await listPage.page.getByRole('row', { name: /After the restart one/ }).waitFor({ timeout: BACK_WITHIN_MS });
        await listPage.page.getByRole('row', { name: /After the restart two/ }).waitFor({ timeout: BACK_WITHIN_MS });
        return Date.now() - startedAt;
      })(),
    ]);
    for (const { page } of [dayPage, listPage])
      await pill(page)
        .filter({ hasText: /^Live again$/ })
        .waitFor({ timeout: BACK_WITHIN_MS });
    console.info(`[live e2e] bookings shown after the restart: day page ${seen[0]} ms, reservations page ${seen[1]} ms`);
    await screenshot(dayPage.page, 'live-again-day');
    await screenshot(listPage.page, 'live-again-reservations');
    expect([...dayPage.pageErrors, ...listPage.pageErrors]).toEqual([]);
  });

  it("learns of another restaurant's bookings that day: the system's capacity, without a reload", async () => {
    // Three of the system's four places are Casa's own; one booking at Otra Cocina fills the system.
    await dayPage.page.getByRole('button', { name: tableNamed('B0', 'Free') }).waitFor();
    expect(await dayPage.page.getByText('Tablebook takes no more bookings on').count()).toBe(0);
    const elsewhere = await bookOverRest(otraId, 'A0', 'At the other restaurant');
    await dayPage.page.getByText('Tablebook takes no more bookings on').waitFor({ timeout: 5_000 });
    await dayPage.page.getByRole('button', { name: tableNamed('B0', 'Full') }).waitFor({ timeout: 5_000 });
    await screenshot(dayPage.page, 'live-system-full-elsewhere');

    // Cancelled there: the day opens again here.
    const cancelled = await fetch(`${server.url}/api/admin/restaurant/${otraId}/reservations/${elsewhere.id}/cancel`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(cancelled.status).toBe(200);
    await dayPage.page.getByRole('button', { name: tableNamed('B0', 'Free') }).waitFor({ timeout: 5_000 });
    expect(await dayPage.page.getByText('Tablebook takes no more bookings on').count()).toBe(0);
    expect(dayPage.pageErrors).toEqual([]);
  });
});
