/**
 * Issue 17 in the browser: the guest's e-mail and the administrator's Messages page, end to end. The
 * built app on the real server (in-memory PGlite) with the outbox's sender running beside it as a
 * deployment runs it, its SMTP_URL pointing at a real SMTP server this test starts (smtp-server, the
 * messages parsed with mailparser), PUBLIC_URL the server's own address, WEBHOOKS_ALLOW_PRIVATE=true and
 * OUTBOX_MAX_ATTEMPTS=1 (a webhook endpoint on this machine that answers 500 is dead after one try).
 *
 * (a) In each language a guest books a time with an e-mail through the web app; the confirmation
 * arrives in that language, its HTML is rendered in Chromium and photographed
 * (test-output/email-confirmation-<locale>.png); its cancel link, opened in the browser, cancels
 * nothing by itself (a mail scanner's GET, the page's load and a reload leave the booking confirmed),
 * leaves the address bar without its token, and its one button cancels; the cancellation e-mail
 * follows. The same link again, and a tampered one, are refused in the page's language.
 * (b) The Messages page lists the e-mails and the webhook deliveries, newest first; a dead delivery
 * shows its attempt and last error and is retried until sent; a retry the server refuses
 * (MESSAGE_NOT_DEAD) is said with the catalog's words; the filters; an endpoint added, its secret
 * shown once, rotated and deleted.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatClockTime } from '../../src/features/day/slotTimes.ts';
import { WEEKDAYS } from '../../src/features/manage/bookingCalendar.ts';
import { dictionaries } from '../../src/i18n/dictionary.ts';
import type { Language } from '../../src/i18n/language.ts';
import { addDays, localDay } from '../../src/lib/days.ts';
import { startAppServer, type AppServer } from '../support/appServer.ts';
import { launchChromium, shouldRunBrowserSuite } from './support/chromium.ts';
import { closeCheckedPages, fitsViewportWidth, openPage, screenshot, type OpenedPage } from './support/pages.ts';
import { startSmtpSink, type ReceivedEmail, type SmtpSink } from './support/smtpSink.ts';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhookReceiver.ts';

const ADMIN_TOKEN = 'e2e-outbox-token';
const RESTAURANT = 'Casa del Reloj';
const OUTPUT_DIR = fileURLToPath(new URL('../../test-output/', import.meta.url));

const LANGUAGES: { language: Language; locale: string; tag: 'es-CO' | 'en'; subject: RegExp; cancelled: RegExp }[] = [
  { language: 'es', locale: 'es-CO', tag: 'es-CO', subject: /^Reserva confirmada en /, cancelled: /^Reserva cancelada en / },
  { language: 'en', locale: 'en-US', tag: 'en', subject: /^Reservation confirmed at /, cancelled: /^Reservation cancelled at / },
];

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A dictionary text with a value in it, as a pattern that takes any value there. */
const withAny = (make: (value: string) => string) => new RegExp(`^${escaped(make('\u0000')).replace('\u0000', '.+')}$`);

/** The e-mail's cancel link: the HTML's button, its entities undone. */
function cancelLinkOf(email: ReceivedEmail): string {
  const href = /href="([^"]*\/cancel\?token=[^"]*)"/.exec(email.html)?.[1] ?? '';
  return href.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))).replace(/&amp;/g, '&');
}

/** Renders an e-mail's HTML in Chromium, as a mail client would show it, and photographs it. */
async function photographEmail(browser: Browser, email: ReceivedEmail, name: string, width: number) {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  try {
    const page = await context.newPage();
    // Nothing from the network: an e-mail's HTML is self-contained (its styles inline, no images).
    await page.route('**/*', (route) => route.abort());
    await page.setContent(email.html, { waitUntil: 'load' });
    mkdirSync(OUTPUT_DIR, { recursive: true });
    await page.screenshot({ path: `${OUTPUT_DIR}${name}.png`, fullPage: true });
    return {
      fits: await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      text: await page.evaluate(() => document.body.textContent ?? ''),
    };
  } finally {
    await context.close();
  }
}

async function signIn(page: Page, language: Language) {
  const t = dictionaries[language];
  await page.getByLabel(t.admin.tokenLabel).fill(ADMIN_TOKEN);
  await page.getByRole('button', { name: t.admin.signIn }).click();
}

describe.skipIf(!shouldRunBrowserSuite())('e-mail, the cancel link and the Messages page in Chromium', () => {
  let sink: SmtpSink;
  let receiver: WebhookReceiver;
  let server: AppServer;
  let browser: Browser;
  let restaurantId = '';
  const opened: OpenedPage[] = [];
  const open = async (...args: Parameters<typeof openPage> extends [Browser, string, ...infer Rest] ? Rest : never) => {
    const visit = await openPage(browser, server.url, ...args);
    opened.push(visit);
    return visit.page;
  };

  beforeAll(async () => {
    [sink, receiver, browser] = await Promise.all([startSmtpSink(), startWebhookReceiver(500), launchChromium()]);
    server = await startAppServer({
      webApp: true,
      adminTokens: [ADMIN_TOKEN],
      outbox: { SMTP_URL: sink.url, OUTBOX_POLL_MS: '200', OUTBOX_MAX_ATTEMPTS: '1', OUTBOX_RETRY_BASE_MS: '100' },
    });
    const [city] = await server.api.city.list.query({ search: 'Medellín' });
    const restaurant = await server.api.restaurant.create.mutate({
      name: RESTAURANT,
      address: 'Carrera 37 # 8A-32',
      description: 'Cocina de mercado',
      photoUrl: 'https://example.com/reloj.jpg',
      cityId: city!.id,
      timeZone: 'America/Bogota',
      hours: WEEKDAYS.map((weekday) => ({ day: weekday, opens: '12:00', closes: '23:00' })),
      slotMinutes: 30,
    });
    restaurantId = restaurant.id;
  });

  afterEach(() => closeCheckedPages(opened));

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await sink?.close();
    await receiver?.close();
  });

  for (const [index, { language, locale, tag, subject, cancelled }] of LANGUAGES.entries()) {
    it(`books with an e-mail in ${language}, gets the confirmation, and its link cancels only with the button`, async () => {
      const t = dictionaries[language];
      const day = addDays(localDay(), 20 + index);
      const address = `guest-${language}@example.com`;
      const page = await open({ locale, viewport: { width: 390, height: 844 } });

      // The guest books 20:00 for two with an e-mail, through the day page.
      await page.goto(`/restaurants/${restaurantId}/day?date=${day}&time=20:00&party=2`);
      await page.getByRole('heading', { level: 1, name: RESTAURANT }).waitFor();
      const eight = formatClockTime('20:00', locale).replace(/\s+/g, '\\s+');
      await page
        .getByRole('list', { name: t.day.timed.slotsLabel })
        .getByRole('button', { name: new RegExp(`^${eight}[\\s,]`) })
        .click();
      await page.getByRole('button', { name: withAny(t.day.timed.bookPicked) }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(t.booking.fields.guestName).fill('Ana Gómez');
      await dialog.getByLabel(t.booking.fields.guestEmail).fill(address);
      await dialog.getByRole('button', { name: t.day.confirmAction }).click();
      await page.getByTestId('cancellation-code').waitFor();
      const [booking] = (await server.api.reservation.list.query({ restaurantId, date: day })).filter((r) => r.guestEmail === address);
      expect(booking).toMatchObject({ status: 'confirmed', time: '20:00', language: tag });

      // The confirmation, in the booking's language, at the restaurant's local time on a 24-hour clock.
      const confirmation = await sink.waitFor((email) => email.to === address && subject.test(email.subject));
      expect(confirmation.language).toBe(tag);
      expect(confirmation.subject).toContain(RESTAURANT);
      expect(confirmation.text).toContain('20:00');
      const shown = await photographEmail(browser, confirmation, `email-confirmation-${tag}`, 640);
      expect(shown.fits).toBe(true);
      expect(shown.text).toContain('20:00');
      expect((await photographEmail(browser, confirmation, `email-confirmation-${tag}-phone`, 375)).fits).toBe(true);

      const link = cancelLinkOf(confirmation);
      expect(link.startsWith(`${server.url}/cancel?token=`)).toBe(true);
      // A mail scanner or a link preview fetches the link: that cancels nothing.
      expect((await fetch(link)).status).toBe(200);

      // The guest opens it: the page says where it came from, and the token leaves the address bar.
      await page.goto(link);
      await page.getByRole('heading', { level: 1, name: t.cancel.title }).waitFor();
      await page.getByText(t.cancel.byLink.fromEmail).waitFor();
      await expect.poll(() => page.url()).toBe(`${server.url}/cancel`);
      expect(await page.getByLabel(t.cancel.code).count()).toBe(0);
      // A reload keeps the link's page (the token is in this history entry's state), still with nothing cancelled.
      await page.reload();
      await page.getByRole('button', { name: t.cancel.submit }).waitFor();
      expect(page.url()).toBe(`${server.url}/cancel`);
      expect(
        (await server.api.reservation.list.query({ restaurantId, date: day, status: 'all' })).find((r) => r.id === booking!.id)?.status,
      ).toBe('confirmed');
      expect(await fitsViewportWidth(page)).toBe(true);
      await screenshot(page, `cancel-link-${language}`);

      // The one button cancels it.
      await page.getByRole('button', { name: t.cancel.submit }).click();
      const done = page.locator('.notice--success');
      await done.waitFor();
      expect(await done.textContent()).toContain(RESTAURANT);
      await screenshot(page, `cancel-link-done-${language}`);
      expect(
        (await server.api.reservation.list.query({ restaurantId, date: day, status: 'all' })).find((r) => r.id === booking!.id)?.status,
      ).toBe('cancelled');
      const cancellation = await sink.waitFor((email) => email.to === address && cancelled.test(email.subject));
      expect(cancellation.language).toBe(tag);
      // A cancellation offers no cancel link.
      expect(cancelLinkOf(cancellation)).toBe('');
      await photographEmail(browser, cancellation, `email-cancellation-${tag}`, 640);

      // The same link again: already cancelled, said in the page's language.
      await page.goto(link);
      await page.getByRole('button', { name: t.cancel.submit }).click();
      await page.getByRole('alert').getByText(t.problems.titles.ALREADY_CANCELLED, { exact: true }).waitFor();
      // A link cut or changed: not valid, with the way by code offered.
      const token = new URL(link).searchParams.get('token')!;
      const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
      await page.goto(`/cancel?token=${tampered}`);
      await page.getByRole('button', { name: t.cancel.submit }).click();
      await page.getByRole('alert').getByText(t.problems.titles.INVALID_CANCEL_TOKEN, { exact: true }).waitFor();
      await screenshot(page, `cancel-link-refused-${language}`);
      // Nothing left to press: the way by code instead.
      expect(await page.getByRole('button', { name: t.cancel.submit }).count()).toBe(0);
      await page.getByRole('link', { name: t.cancel.byLink.withCode }).click();
      await page.getByLabel(t.cancel.code).waitFor();
    });
  }

  it('lists the messages, retries a dead webhook delivery until it is sent, and manages the endpoints', async () => {
    const t = dictionaries.en;
    const day = addDays(localDay(), 25);
    const endpoint = await server.api.webhook.create.mutate({ url: receiver.url, events: ['*'] });
    expect(endpoint.secret).toMatch(/^whsec_/);
    // A booking with an e-mail: its confirmation is sent; its webhook delivery is answered 500 and dies.
    const booked = await server.api.guest.book.mutate({
      restaurantId,
      date: day,
      time: '19:00',
      partySize: 2,
      guestName: 'Luis Páez',
      guestEmail: 'luis@example.com',
    });
    await sink.waitFor((email) => email.to === 'luis@example.com');
    await expect
      .poll(async () => (await server.api.message.list.query({ channel: 'webhook', status: 'dead' })).items.length, { timeout: 15_000 })
      .toBe(1);
    expect(receiver.received).toHaveLength(1);

    const page = await open({ viewport: { width: 1280, height: 900 } });
    await page.goto('/messages');
    await signIn(page, 'en');
    await page.getByRole('heading', { level: 1, name: t.messages.title }).waitFor();
    const list = page.getByRole('table', { name: t.messages.caption });
    // Newest first: the dead delivery of Luis's booking is the first row; the e-mails below, sent.
    const dead = list.getByRole('row').filter({ has: page.getByText(t.messages.statuses.dead, { exact: true }) });
    await dead.waitFor();
    expect(await dead.count()).toBe(1);
    expect(await dead.textContent()).toContain(receiver.url);
    expect(await dead.textContent()).toContain('500');
    const rowTexts = await list.getByRole('row').allTextContents();
    const firstOf = (text: string) => rowTexts.findIndex((row) => row.includes(text));
    expect(firstOf(receiver.url)).toBeGreaterThan(0);
    expect(firstOf(receiver.url)).toBeLessThan(firstOf('guest-en@example.com'));
    expect(firstOf('guest-en@example.com')).toBeLessThan(firstOf('guest-es@example.com'));
    const confirmationRow = list
      .getByRole('row')
      .filter({ hasText: 'luis@example.com' })
      .filter({ hasText: t.messages.kinds.confirmation });
    expect(await confirmationRow.textContent()).toContain(t.messages.statuses.sent);
    // Its reminders wait for their time: 24 and 2 hours before 19:00.
    for (const before of ['24 hours', '2 hours']) {
      const reminders = list.getByRole('row').filter({ hasText: t.messages.reminderBefore(before) });
      expect(await reminders.filter({ hasText: 'luis@example.com' }).textContent()).toContain(t.messages.statuses.pending);
      // The cancelled guests' reminders: dropped, never sent.
      for (const guest of ['guest-es@example.com', 'guest-en@example.com']) {
        expect(await reminders.filter({ hasText: guest }).textContent()).toContain(t.messages.statuses.dropped);
      }
    }
    // Its attempt: failed, with the HTTP status.
    await dead.getByRole('button', { name: new RegExp(`^${escaped(t.messages.showAttempts)}`) }).click();
    await page.getByText(`${t.messages.attemptFailed} (${t.messages.httpStatus(500)})`).waitFor();
    await screenshot(page, 'messages-dead-en');

    // The receiver is back: Retry sends it again, with the same webhook-id.
    receiver.status = 204;
    await dead.getByRole('button', { name: new RegExp(`^${escaped(t.messages.retry)}`) }).click();
    await page.getByRole('status').getByText(t.messages.retried).waitFor();
    await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBe(2);
    expect(receiver.received[1]!.id).toBe(receiver.received[0]!.id);
    await expect
      .poll(
        () =>
          list
            .getByRole('row')
            .filter({ has: page.getByText(t.messages.statuses.dead, { exact: true }) })
            .count(),
        { timeout: 15_000 },
      )
      .toBe(0);
    const retried = list.getByRole('row').filter({ hasText: receiver.url }).first();
    await expect.poll(() => retried.textContent(), { timeout: 15_000 }).toContain(t.messages.statuses.sent);

    // A retry the server refuses: another dead delivery, retried (and sent) elsewhere before this page's click.
    receiver.status = 500;
    await server.api.reservation.update.mutate({ restaurantId, reservationId: booked.id, status: 'cancelled' });
    await expect
      .poll(async () => (await server.api.message.list.query({ channel: 'webhook', status: 'dead' })).items.length, { timeout: 15_000 })
      .toBe(1);
    await page.getByRole('button', { name: t.messages.refresh }).click();
    const deadAgain = list.getByRole('row').filter({ has: page.getByText(t.messages.statuses.dead, { exact: true }) });
    await deadAgain.waitFor();
    const [other] = (await server.api.message.list.query({ channel: 'webhook', status: 'dead' })).items;
    receiver.status = 204;
    await server.api.message.retry.mutate({ id: other!.id });
    await deadAgain.getByRole('button', { name: new RegExp(`^${escaped(t.messages.retry)}`) }).click();
    await page.getByRole('alert').getByText(t.problems.titles.MESSAGE_NOT_DEAD, { exact: true }).waitFor();

    // The filters, in the address: the dead webhooks are none now; the e-mails are the guests'.
    await page.getByLabel(t.messages.status).selectOption('dead');
    await expect.poll(() => page.url()).toContain('status=dead');
    await expect.poll(async () => (await server.api.message.list.query({ status: 'dead' })).items.length, { timeout: 15_000 }).toBe(0);
    await page.getByRole('button', { name: t.messages.refresh }).click();
    await page.getByText(t.messages.emptyFiltered).waitFor();
    await page.getByLabel(t.messages.status).selectOption('');
    await page.getByLabel(t.messages.channel).selectOption('email');
    await expect.poll(() => page.url()).toContain('channel=email');
    await list.getByRole('row').filter({ hasText: 'luis@example.com' }).first().waitFor();
    expect(await list.getByRole('row').filter({ hasText: receiver.url }).count()).toBe(0);

    // The endpoints: the one registered, every event.
    const endpoints = page.getByRole('table', { name: t.messages.webhooks.caption });
    await endpoints
      .getByRole('row', { name: new RegExp(escaped(receiver.url)) })
      .getByText(t.messages.webhooks.allEvents)
      .waitFor();
    // Added here: sent empty, then a URL and one event; its secret shown once.
    await page.getByRole('button', { name: t.messages.webhooks.add }).click();
    await page.getByRole('button', { name: t.messages.webhooks.create }).click();
    await page.getByText(t.messages.webhooks.validation.url).waitFor();
    await page.getByLabel(t.messages.webhooks.url).fill(`${receiver.url}/second`);
    await page.getByLabel(t.messages.webhooks.chosenEvents).check();
    await page.getByRole('button', { name: t.messages.webhooks.create }).click();
    await page.getByText(t.messages.webhooks.validation.events).waitFor();
    await page.getByRole('checkbox', { name: new RegExp(`^${t.messages.webhooks.events.cancelled}`) }).check();
    await page.getByRole('button', { name: t.messages.webhooks.create }).click();
    const secret = page.getByTestId('webhook-secret');
    await secret.waitFor();
    const first = (await secret.textContent()) ?? '';
    expect(first).toMatch(/^whsec_[A-Za-z0-9+/=]+$/);
    await screenshot(page, 'messages-webhook-secret-en');
    await page.getByRole('button', { name: t.messages.webhooks.hideSecret }).click();
    expect(await secret.count()).toBe(0);
    const second = endpoints.getByRole('row', { name: new RegExp(`${escaped(receiver.url)}/second`) });
    await second.getByText('reservation.cancelled').waitFor();
    expect((await server.api.webhook.list.query()).find((hook) => hook.url === `${receiver.url}/second`)?.events).toEqual([
      'reservation.cancelled',
    ]);

    // A new secret, after a question: shown once, another one.
    await second.getByRole('button', { name: new RegExp(`^${escaped(t.messages.webhooks.rotate)}`) }).click();
    await page.getByRole('dialog').getByRole('button', { name: t.messages.webhooks.rotateAction }).click();
    await expect.poll(async () => ((await secret.count()) > 0 ? await secret.textContent() : '')).toMatch(/^whsec_/);
    expect(await secret.textContent()).not.toBe(first);
    // Deleted, after a question.
    await second.getByRole('button', { name: new RegExp(`^${escaped(t.messages.webhooks.delete)}`) }).click();
    await page.getByRole('dialog').getByRole('button', { name: t.messages.webhooks.deleteAction }).click();
    await page.getByText(t.messages.webhooks.deleted(`${receiver.url}/second`)).waitFor();
    await expect.poll(() => second.count()).toBe(0);
    expect(await secret.count()).toBe(0);
    expect((await server.api.webhook.list.query()).map((hook) => hook.url)).toEqual([receiver.url]);
  });

  it('shows the Messages page on a phone in Spanish, the nav link among the others', async () => {
    const t = dictionaries.es;
    const page = await open({ locale: 'es-CO', viewport: { width: 390, height: 844 } });
    await page.goto('/');
    await page.getByRole('navigation', { name: t.app.navLabel }).getByRole('link', { name: t.app.nav.messages }).click();
    await signIn(page, 'es');
    await page.getByRole('heading', { level: 1, name: t.messages.title }).waitFor();
    await page.getByRole('table', { name: t.messages.caption }).getByRole('row').nth(1).waitFor();
    const row = page
      .getByRole('table', { name: t.messages.caption })
      .getByRole('row')
      .filter({ hasText: 'luis@example.com' })
      .filter({ hasText: t.messages.kinds.confirmation });
    await row.getByRole('button', { name: new RegExp(`^${escaped(t.messages.showAttempts)}`) }).click();
    await page.getByText(t.messages.attemptOk).first().waitFor();
    expect(await fitsViewportWidth(page)).toBe(true);
    await screenshot(page, 'messages-es-390');
    // The endpoint form's buttons stay inside its padding on a phone (they once ran into it on the left).
    await page.getByRole('button', { name: t.messages.webhooks.add }).click();
    const outside = await page.locator('.webhook-form').evaluate((form) => {
      const box = form.getBoundingClientRect();
      const style = getComputedStyle(form);
      const left = box.left + Number.parseFloat(style.borderLeftWidth) + Number.parseFloat(style.paddingLeft) - 0.5;
      const right = box.right - Number.parseFloat(style.borderRightWidth) - Number.parseFloat(style.paddingRight) + 0.5;
      return [...form.querySelectorAll('button')]
        .map((button) => ({ text: button.textContent, at: button.getBoundingClientRect() }))
        .filter(({ at }) => at.left < left || at.right > right)
        .map(({ text }) => text);
    });
    expect(outside).toEqual([]);
  });
});
