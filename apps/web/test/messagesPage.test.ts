/**
 * The Messages page's pure parts (issue 17): its filters from the address, what a message is and where
 * it goes in words, the one time shown by status, an attempt's outcome, and the webhook endpoint form
 * (checked before sending, the server's issues placed beside their inputs).
 */
import { describe, expect, it } from 'vitest';
import type { Message } from '../src/features/messages/messageTypes.ts';
import {
  attemptResult,
  bookingText,
  destinationOf,
  eventText,
  kindText,
  listInputOf,
  messageFiltersFrom,
  whenOf,
} from '../src/features/messages/messageView.ts';
import { newWebhookForm, validateWebhookForm, webhookErrorsFromServer } from '../src/features/messages/webhookForm.ts';
import { dictionaries } from '../src/i18n/dictionary.ts';
import { describeIssue } from '../src/i18n/refusals.ts';

const en = dictionaries.en.messages;
const es = dictionaries.es.messages;

const message: Message = {
  id: '5d2e8b1a-9c4f-4a7e-b3d6-1f0a2c8e4b97',
  channel: 'email',
  kind: 'confirmation',
  status: 'pending',
  attempts: 0,
  reservationId: '00000000-0000-4000-8000-000000000002',
  restaurantId: '00000000-0000-4000-8000-000000000001',
  restaurantName: 'La Cevichería',
  date: '2027-03-05',
  time: '19:30',
  version: 1,
  reminderMinutes: 0,
  eventType: null,
  recipient: 'ana.gomez@example.com',
  endpointId: null,
  endpointUrl: null,
  language: 'es-CO',
  dueAt: '2027-03-01T15:04:05.000Z',
  sentAt: null,
  lastError: null,
  createdAt: '2027-03-01T15:04:05.000Z',
  updatedAt: '2027-03-01T15:04:06.000Z',
};

describe('the Messages page', () => {
  it('reads its filters from the address, ignoring what is not a status or a channel', () => {
    expect(messageFiltersFrom(new URLSearchParams('status=dead&channel=webhook'))).toEqual({ status: 'dead', channel: 'webhook' });
    expect(messageFiltersFrom(new URLSearchParams('status=lost&channel=sms'))).toEqual({});
    expect(messageFiltersFrom(new URLSearchParams(''))).toEqual({});
    expect(listInputOf({ status: 'sent' })).toEqual({ status: 'sent', limit: 50 });
    expect(listInputOf({}, 'abc')).toEqual({ limit: 50, cursor: 'abc' });
  });

  it('says what a message is, a reminder with how long before, in both languages', () => {
    expect(kindText(message, en, 'en-US')).toBe('Confirmation');
    expect(kindText({ kind: 'reminder', reminderMinutes: 1440 }, en, 'en-US')).toBe('Reminder, 24 hours before');
    expect(kindText({ kind: 'reminder', reminderMinutes: 120 }, es, 'es-CO')).toBe('Recordatorio, 2 horas antes');
    expect(kindText({ kind: 'reminder', reminderMinutes: 90 }, en, 'en-US')).toBe('Reminder, 1 hour, 30 minutes before');
    expect(kindText({ kind: 'cancellation', reminderMinutes: 0 }, es, 'es-CO')).toBe('Cancelación');
    expect(eventText('reservation.moved', en)).toBe('Moved');
    expect(eventText('reservation.cancelled', es)).toBe('Cancelada');
    // An event type of a newer server: as it was sent.
    expect(eventText('reservation.seated', en)).toBe('reservation.seated');
    expect(eventText(null, en)).toBeUndefined();
  });

  it('says where it goes: the guest, the endpoint, or a deleted endpoint by its id', () => {
    expect(destinationOf(message)).toBe('ana.gomez@example.com');
    const webhook = { channel: 'webhook', recipient: null, endpointUrl: 'https://pos.example.com/hook', endpointId: 'e1' } as const;
    expect(destinationOf(webhook)).toBe('https://pos.example.com/hook');
    expect(destinationOf({ ...webhook, endpointUrl: null })).toBe('e1');
  });

  it('shows one time by status: due while waiting, sent, the last attempt of a dead one, queued for a dropped one', () => {
    expect(whenOf(message)).toEqual({ which: 'due', at: message.dueAt });
    expect(whenOf({ ...message, status: 'sending' })).toEqual({ which: 'due', at: message.dueAt });
    expect(whenOf({ ...message, status: 'sent', sentAt: '2027-03-01T15:04:07.000Z' })).toEqual({
      which: 'sentAt',
      at: '2027-03-01T15:04:07.000Z',
    });
    expect(whenOf({ ...message, status: 'dead' })).toEqual({ which: 'lastTried', at: message.updatedAt });
    expect(whenOf({ ...message, status: 'dropped' })).toEqual({ which: 'queuedAt', at: message.createdAt });
  });

  it('names the booking by its restaurant, day and local time, a whole day without a time', () => {
    expect(bookingText(message, 'en-US')).toMatch(/^La Cevichería · Fri, Mar 5 · 7:30\sPM$/);
    expect(bookingText({ ...message, time: null }, 'es-CO')).toBe('La Cevichería · vie, 5 de mar');
    expect(bookingText({ restaurantName: null, date: null, time: null }, 'en-US')).toBe('');
  });

  it('words an attempt with its SMTP code or HTTP status', () => {
    expect(attemptResult({ ok: false, responseStatus: 500 }, 'webhook', en)).toBe('Failed (HTTP 500)');
    expect(attemptResult({ ok: true, responseStatus: 250 }, 'email', es)).toBe('Entregado (SMTP 250)');
    expect(attemptResult({ ok: false, responseStatus: null }, 'email', en)).toBe('Failed');
  });
});

describe('the new webhook endpoint form', () => {
  const words = dictionaries.en.messages.webhooks.validation;

  it('asks for an http(s) address and at least one event; every event is ["*"]', () => {
    expect(validateWebhookForm(newWebhookForm(), words)).toEqual({ ok: false, errors: { url: words.url } });
    expect(validateWebhookForm({ url: 'ftp://example.com/x', everyEvent: true, events: [] }, words)).toEqual({
      ok: false,
      errors: { url: words.url },
    });
    expect(validateWebhookForm({ url: `https://example.com/${'a'.repeat(2000)}`, everyEvent: true, events: [] }, words)).toEqual({
      ok: false,
      errors: { url: words.urlTooLong },
    });
    expect(validateWebhookForm({ url: ' https://pos.example.com/hook ', everyEvent: true, events: ['reservation.moved'] }, words)).toEqual({
      ok: true,
      input: { url: 'https://pos.example.com/hook', events: ['*'] },
    });
    expect(validateWebhookForm({ url: 'https://pos.example.com/hook', everyEvent: false, events: [] }, words)).toEqual({
      ok: false,
      errors: { events: words.events },
    });
    // Chosen in any order, sent in the API's order, once each.
    expect(
      validateWebhookForm(
        { url: 'http://pos.example.com/hook', everyEvent: false, events: ['reservation.cancelled', 'reservation.created'] },
        words,
      ),
    ).toEqual({ ok: true, input: { url: 'http://pos.example.com/hook', events: ['reservation.created', 'reservation.cancelled'] } });
  });

  it('places the server’s refusal of an address beside the URL, in the page’s language', () => {
    const issues = [
      { path: 'url', message: 'http://10.0.0.5/ is a private address', code: 'webhook_url_private' as const },
      { path: 'events.1', message: 'listed twice', code: 'listed_twice' as const, value: 'reservation.moved' },
      { path: '', message: 'something else', code: 'custom' as const },
    ];
    const placed = webhookErrorsFromServer(issues, (issue, withField) => describeIssue(issue, 'es', { withField }));
    expect(placed.fields.url).toMatch(/red privada/);
    expect(placed.fields.events).toMatch(/reservation\.moved aparece dos veces/i);
    expect(placed.general).toHaveLength(1);
    expect(JSON.stringify(placed)).not.toMatch(/private address/);
  });
});
