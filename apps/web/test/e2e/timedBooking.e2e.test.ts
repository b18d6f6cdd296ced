/**
 * Booking a time of day in Chromium: a guest searches a day and a time, follows a restaurant's free
 * time to its day page, sees the start times around it, the floor as it is for that turn, books with
 * the table the restaurant gives the party, and reads the confirmation with its local times.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDay } from '../../src/lib/days.ts';
import { WEEKDAYS } from '../../src/features/manage/bookingCalendar.ts';
import { startAppServer, type AppServer } from '../support/appServer.ts';
import { namedBy, tableNamed } from '../support/names.ts';
import { launchChromium, shouldRunBrowserSuite } from './support/chromium.ts';
import { cspViolations, fitsViewportWidth, openPage, screenshot } from './support/pages.ts';

// A day well ahead, so no clock's "today" can disagree about it.
const day = addDays(localDay(), 30);

describe.skipIf(!shouldRunBrowserSuite())('booking a time of day in Chromium', () => {
  let server: AppServer;
  let browser: Browser;
  let restaurantId = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer({ webApp: true }), launchChromium()]);
    const [city] = await server.api.city.list.query({ search: 'Medellín' });
    const restaurant = await server.api.restaurant.create.mutate({
      name: 'El Cielo',
      address: 'Calle 7D # 43C-36',
      description: 'Cocina de autor',
      photoUrl: 'https://example.com/cielo.jpg',
      cityId: city!.id,
      timeZone: 'America/Bogota',
      hours: WEEKDAYS.map((weekday) => ({ day: weekday, opens: '12:00', closes: '23:00' })),
      slotMinutes: 30,
    });
    restaurantId = restaurant.id;
    // Someone already holds A0 from 19:30 for a pair's turn (90 minutes): it is taken at 20:00.
    await server.api.guest.book.mutate({
      restaurantId,
      date: day,
      time: '19:30',
      partySize: 2,
      table: 'A0',
      guestName: 'Luis',
      guestPhone: '+57 311 000 0000',
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('picks a time near the one asked for, shows its free tables, books it and confirms the local time', async () => {
    const visit = await openPage(browser, server.url, { viewport: { width: 390, height: 844 } });
    try {
      const { page } = visit;
      // The search for a time keeps the restaurants with a free table near it, with those times.
      await page.goto(`/?date=${day}`);
      await page.getByLabel('Time (optional)').fill('20:10');
      const card = page.getByRole('article', { name: 'El Cielo' });
      const near = card.getByRole('list', { name: 'Free times at El Cielo' });
      await near.getByRole('link', { name: '8:00 PM — El Cielo' }).waitFor();
      // Within the search's hour either side of 20:10: 19:30, 20:00, 20:30 and 21:00.
      expect(await near.getByRole('link').allTextContents()).toHaveLength(4);
      await page.getByLabel('People').selectOption('2');
      // "See times" keeps the time and party searched (and picks nothing); a free time picks itself.
      const seeTimes = card.getByRole('link', { name: 'See times — El Cielo' });
      // The party reaches the address (and the card) a moment after the choice: wait for it.
      await expect.poll(() => seeTimes.getAttribute('href')).toBe(`/restaurants/${restaurantId}/day?date=${day}&time=20%3A10&party=2`);
      await near.getByRole('link', { name: '8:00 PM — El Cielo' }).click();

      await page.getByRole('heading', { level: 1, name: 'El Cielo' }).waitFor();
      await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
      // The times around 20:00 for two, to the day's last start (21:30: the turn ends by 23:00); the linked one is picked.
      const times = page.getByRole('list', { name: 'Start times' });
      await times.getByRole('button', { name: namedBy('6:00 PM', '15 tables') }).waitFor();
      expect(await times.getByRole('button').allTextContents()).toHaveLength(8);
      await times.getByRole('button', { name: namedBy('9:30 PM', '15 tables') }).waitFor();
      await page.getByRole('button', { name: 'Earlier times' }).waitFor();
      expect(await page.getByRole('button', { name: 'Later times' }).count()).toBe(0);

      expect(await times.getByRole('button', { name: namedBy('8:00 PM', '14 tables') }).getAttribute('aria-pressed')).toBe('true');
      const floor = page.getByRole('group', { name: 'Tables at 8:00 PM' });
      await floor.getByRole('button', { name: tableNamed('A0', 'Taken') }).waitFor();
      await floor.getByRole('button', { name: namedBy('A1', '4 seats', 'Free') }).waitFor();
      expect(await fitsViewportWidth(page)).toBe(true);
      await screenshot(page, 'timed-slot-picked');

      await page.getByRole('button', { name: 'Book at 8:00 PM' }).click();
      const dialog = page.getByRole('dialog', { name: 'Book at 8:00 PM' });
      await dialog.getByLabel('Your name').fill('Ana Gómez');
      await dialog.getByLabel('Phone').fill('+57 300 123 4567');
      await dialog.getByRole('button', { name: 'Book it' }).click();

      // The restaurant gave the pair the first free table that seats them; the turn ends 90 minutes later.
      const confirmation = page.getByRole('status').filter({ hasText: 'Booked!' });
      await confirmation.getByText(/table A1 at El Cielo is yours on .* from 8:00 PM to 9:30 PM, for 2 people/).waitFor();
      await page.getByTestId('cancellation-code').waitFor();
      // The dialog and the slot are gone: focus lands on the answer, not on the page's body.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('booking-confirmed');
      await times.getByRole('button', { name: namedBy('8:00 PM', '13 tables') }).waitFor();
      await screenshot(page, 'timed-booked');

      const booked = await server.api.reservation.list.query({ restaurantId, date: day });
      expect(booked.find((reservation) => reservation.guestName === 'Ana Gómez')).toMatchObject({
        table: 'A1',
        time: '20:00',
        durationMinutes: 90,
        partySize: 2,
        startsAt: `${day}T20:00:00-05:00`,
      });
      expect(visit.pageErrors).toEqual([]);
      expect(cspViolations).toEqual([]);
    } finally {
      await visit.close();
    }
  });
});
