/** The guest's e-mail (issue 17): every kind in both languages, the restaurant's 24-hour clock, escaped HTML. */
import { describe, expect, it } from 'vitest';
import { type EmailKind, type EmailPayload, escapeHtml, renderEmail } from '../src/outbox/email-content.ts';
import type { ReservationOutput } from '../src/schemas/reservation.ts';

const CANCEL_URL = 'https://book.example.com/cancel?token=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE';

function reservation(overrides: Partial<ReservationOutput> = {}): ReservationOutput {
  return {
    id: '3f2a9c4e-8b1d-4e6f-9a7b-0c1d2e3f4a5b',
    table: 'B2',
    date: '2031-03-15',
    restaurantId: '0b7d5f7e-3f4c-4c39-8b0e-6c1a2b3c4d5e',
    createdAt: '2031-03-01T12:00:00.000Z',
    updatedAt: '2031-03-01T12:00:00.000Z',
    status: 'confirmed',
    partySize: 4,
    guestName: 'Ana María',
    guestPhone: null,
    guestEmail: 'ana@example.com',
    notes: null,
    cancelReason: null,
    time: '19:30',
    durationMinutes: 120,
    startsAt: '2031-03-15T19:30:00-05:00',
    endsAt: '2031-03-15T21:30:00-05:00',
    language: 'es-CO',
    ...overrides,
  };
}

function payload(overrides: Partial<ReservationOutput> = {}, restaurant: Partial<EmailPayload['restaurant']> = {}): EmailPayload {
  return {
    reservation: reservation(overrides),
    restaurant: {
      id: '0b7d5f7e-3f4c-4c39-8b0e-6c1a2b3c4d5e',
      name: 'La Cumbre',
      address: 'Calle 85 # 11-53, Bogotá',
      timeZone: 'America/Bogota',
      ...restaurant,
    },
    occurredAt: '2031-03-01T12:00:00.000Z',
  };
}

const KINDS: EmailKind[] = ['confirmation', 'change', 'cancellation', 'reminder'];

const render = (
  kind: EmailKind,
  language: 'es-CO' | 'en',
  p = payload(),
  reminderMinutes = kind === 'reminder' ? 120 : 0,
  cancelUrl: string | null = CANCEL_URL,
) => renderEmail({ kind, language, payload: p, reminderMinutes }, { cancelUrl });

/** The HTML's visible text, tags dropped and entities read back. */
const visible = (html: string) =>
  html
    .replace(/<head>[\s\S]*<\/head>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/\s+/g, ' ');

describe('the guest e-mail in Spanish (es-CO)', () => {
  it('confirms with the restaurant, address, local date and 24-hour time, party, table and the cancel link', () => {
    const mail = render('confirmation', 'es-CO');
    expect(mail.subject).toBe('Reserva confirmada en La Cumbre: sábado 15 de marzo de 2031 a las 19:30');
    expect(mail.text).toContain('Hola, Ana María:');
    expect(mail.text).toContain('Su reserva en La Cumbre está confirmada.');
    expect(mail.text).toContain('Restaurante: La Cumbre');
    expect(mail.text).toContain('Dirección: Calle 85 # 11-53, Bogotá');
    expect(mail.text).toContain('Fecha: sábado 15 de marzo de 2031');
    expect(mail.text).toContain('Hora: de 19:30 a 21:30');
    expect(mail.text).toContain('Personas: 4 personas');
    expect(mail.text).toContain('Mesa: B2');
    expect(mail.text).toContain(`\n${CANCEL_URL}\n`);
    expect(mail.text).not.toMatch(/p\.\s?m\.|PM|AM/);
    const html = visible(mail.html);
    for (const fact of [
      'La Cumbre',
      'Calle 85 # 11-53, Bogotá',
      'sábado 15 de marzo de 2031',
      'de 19:30 a 21:30',
      '4 personas',
      'B2',
      'Cancelar la reserva',
    ]) {
      expect(html).toContain(fact);
    }
    expect(mail.html).toContain(`href="${CANCEL_URL}"`);
    expect(mail.html).toContain('<html lang="es">');
  });

  it('words every kind in Spanish, and a cancellation carries no cancel link', () => {
    expect(render('change', 'es-CO').subject).toBe('Su reserva en La Cumbre cambió: sábado 15 de marzo de 2031 a las 19:30');
    expect(render('change', 'es-CO').text).toContain('Estos son sus datos actuales');
    const cancelled = render('cancellation', 'es-CO', payload({ status: 'cancelled' }));
    expect(cancelled.subject).toBe('Reserva cancelada en La Cumbre: sábado 15 de marzo de 2031 a las 19:30');
    expect(cancelled.text).toContain('Su reserva en La Cumbre quedó cancelada.');
    expect(cancelled.text).not.toContain(CANCEL_URL);
    expect(cancelled.html).not.toContain('cancel?token');
    expect(cancelled.html).not.toContain('Cancelar la reserva');
    const reminder = render('reminder', 'es-CO');
    expect(reminder.subject).toBe('Recordatorio: su reserva en La Cumbre, sábado 15 de marzo de 2031 a las 19:30');
    expect(reminder.text).toContain('Le recordamos su reserva en La Cumbre, dentro de 2 horas.');
    expect(render('reminder', 'es-CO', payload(), 1440).text).toContain('dentro de 24 horas.');
    expect(render('reminder', 'es-CO', payload(), 90).text).toContain('dentro de 1 hora y 30 minutos.');
    expect(render('reminder', 'es-CO', payload(), 10080).text).toContain('dentro de 7 días.');
    expect(render('reminder', 'es-CO', payload(), 45).text).toContain('dentro de 45 minutos.');
    expect(reminder.text).toContain(CANCEL_URL);
  });

  it('says "a la" for one o\'clock, one person, and greets without a name', () => {
    const mail = render(
      'confirmation',
      'es-CO',
      payload({ guestName: null, partySize: 1, time: '01:15', startsAt: '2031-03-16T01:15:00-05:00', endsAt: '2031-03-16T02:15:00-05:00' }),
    );
    expect(mail.subject).toContain('domingo 16 de marzo de 2031 a la 01:15');
    expect(mail.text).toContain('Hola:');
    expect(mail.text).toContain('Personas: 1 persona\n');
  });
});

describe('the guest e-mail in English', () => {
  it('confirms with the same facts, on a 24-hour clock', () => {
    const mail = render('confirmation', 'en');
    expect(mail.subject).toBe('Reservation confirmed at La Cumbre: Saturday, 15 March 2031 at 19:30');
    expect(mail.text).toContain('Hello Ana María,');
    expect(mail.text).toContain('Address: Calle 85 # 11-53, Bogotá');
    expect(mail.text).toContain('Date: Saturday, 15 March 2031');
    expect(mail.text).toContain('Time: 19:30 to 21:30');
    expect(mail.text).toContain('Party: 4 people');
    expect(mail.text).toContain('Table: B2');
    expect(mail.text).toContain(CANCEL_URL);
    expect(mail.text).not.toMatch(/7:30|PM|AM/);
    expect(visible(mail.html)).toContain('Cancel the reservation');
    expect(mail.html).toContain('<html lang="en">');
  });

  it('words every kind in English', () => {
    expect(render('change', 'en').subject).toBe('Your reservation at La Cumbre has changed: Saturday, 15 March 2031 at 19:30');
    const cancelled = render('cancellation', 'en');
    expect(cancelled.subject).toBe('Reservation cancelled at La Cumbre: Saturday, 15 March 2031 at 19:30');
    expect(cancelled.text).toContain('has been cancelled');
    expect(cancelled.text).not.toContain(CANCEL_URL);
    const reminder = render('reminder', 'en', payload(), 1440);
    expect(reminder.subject).toBe('Reminder: your reservation at La Cumbre, Saturday, 15 March 2031 at 19:30');
    expect(reminder.text).toContain('A reminder of your reservation at La Cumbre, in 24 hours.');
    expect(render('reminder', 'en', payload({ partySize: 1 })).text).toContain('Party: 1 person\n');
  });
});

describe('times and days', () => {
  it('gives a start after midnight the calendar day it falls on, and an end on the next day its own day', () => {
    // Friday night's service (date 2031-03-14), the table held from 00:30 on Saturday.
    const late = payload({
      date: '2031-03-14',
      time: '00:30',
      durationMinutes: 90,
      startsAt: '2031-03-15T00:30:00-05:00',
      endsAt: '2031-03-15T02:00:00-05:00',
    });
    for (const kind of KINDS) {
      expect(render(kind, 'es-CO', late).subject, kind).toContain('sábado 15 de marzo de 2031 a las 00:30');
      expect(render(kind, 'en', late).subject, kind).toContain('Saturday, 15 March 2031 at 00:30');
    }
    expect(render('confirmation', 'en', late).text).toContain('Time: 00:30 to 02:00\n');
    const across = payload({ time: '23:30', startsAt: '2031-03-15T23:30:00-05:00', endsAt: '2031-03-16T01:00:00-05:00' });
    expect(render('confirmation', 'es-CO', across).text).toContain('Hora: de 23:30 a 01:00 del domingo 16 de marzo de 2031');
    expect(render('confirmation', 'en', across).text).toContain('Time: 23:30 to 01:00 on Sunday, 16 March 2031');
  });

  it("reads the instants on the restaurant's clock, whatever offset they are written with", () => {
    const madrid = payload(
      { date: '2031-07-04', time: '21:00', startsAt: '2031-07-04T19:00:00.000Z', endsAt: '2031-07-04T20:45:00.000Z' },
      { timeZone: 'Europe/Madrid', name: 'Casa Lucio', address: 'Cava Baja 35, Madrid' },
    );
    const mail = render('confirmation', 'en', madrid);
    expect(mail.subject).toBe('Reservation confirmed at Casa Lucio: Friday, 4 July 2031 at 21:00');
    expect(mail.text).toContain('Time: 21:00 to 22:45');
  });

  it('says of a whole-day booking its date and that the table is held all day, without a time', () => {
    const allDay = payload({
      time: null,
      durationMinutes: null,
      startsAt: '2031-03-15T00:00:00-05:00',
      endsAt: '2031-03-16T00:00:00-05:00',
    });
    const es = render('confirmation', 'es-CO', allDay);
    expect(es.subject).toBe('Reserva confirmada en La Cumbre: sábado 15 de marzo de 2031');
    expect(es.text).toContain('Fecha: sábado 15 de marzo de 2031\nHora: La mesa es suya todo el día.');
    const en = render('confirmation', 'en', allDay);
    expect(en.subject).toBe('Reservation confirmed at La Cumbre: Saturday, 15 March 2031');
    expect(en.text).toContain('The table is held for you all day.');
    expect(en.text).not.toMatch(/\d\d:\d\d/);
    expect(render('reminder', 'en', allDay).text).toContain('A reminder of your reservation at La Cumbre.');
  });
});

describe('what the e-mail does not trust', () => {
  it('escapes a guest or restaurant name with markup: it comes out as text, never as a tag', () => {
    const hostile = payload(
      { guestName: '<script>alert("g")</script>', table: 'A1' },
      { name: '<img src=x onerror=alert(1)> & "Co"', address: "<b>Main</b> St's" },
    );
    for (const language of ['es-CO', 'en'] as const) {
      for (const kind of KINDS) {
        const mail = render(kind, language, hostile, 120, 'https://x.example/cancel?token=a"b<c>&d=1');
        expect(mail.html).not.toMatch(/<script|<img|<b>/i);
        expect(mail.html).not.toContain('"b<c>');
        expect(mail.html).toContain('&#60;script&#62;alert(&#34;g&#34;)&#60;/script&#62;');
        expect(mail.html).toContain('&#60;img src=x onerror=alert(1)&#62; &#38; &#34;Co&#34;');
        expect(visible(mail.html)).toContain('<img src=x onerror=alert(1)> & "Co"');
        // The plain text keeps them as they are: it is no markup.
        expect(mail.text).toContain('<script>alert("g")</script>');
      }
    }
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;');
  });

  it('keeps line breaks of stored names out of the subject', () => {
    const mail = render('confirmation', 'en', payload({}, { name: 'La\r\nBcc: evil@example.com Cumbre' }));
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.subject).toBe('Reservation confirmed at La Bcc: evil@example.com Cumbre: Saturday, 15 March 2031 at 19:30');
  });

  it('offers no cancel link when none is given, and reads an unknown language as es-CO', () => {
    const mail = render('confirmation', 'en', payload(), 0, null);
    expect(mail.text).not.toContain('cancel');
    expect(mail.html).not.toContain('href=');
    const unknown = renderEmail({ kind: 'confirmation', language: 'fr', payload: payload(), reminderMinutes: 0 }, { cancelUrl: null });
    expect(unknown.subject).toContain('Reserva confirmada');
  });

  it('gives every kind in both languages a subject, a text and a whole HTML document', () => {
    for (const language of ['es-CO', 'en'] as const) {
      for (const kind of KINDS) {
        const mail = render(kind, language);
        expect(mail.subject.length).toBeGreaterThan(10);
        expect(mail.text.endsWith('\n')).toBe(true);
        expect(mail.html).toMatch(/^<!DOCTYPE html>\n<html lang="(es|en)">[\s\S]*<\/html>\n$/);
        expect(mail.html).toContain('<meta charset="utf-8">');
      }
    }
  });
});
