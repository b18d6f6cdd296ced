/**
 * The hostile review of issue 16 (/work/notes/review16-backend.md): the cancel pages' refusals in the
 * reader's words. A booking already over (D7), and the cancel with the code alone, whose refusals now
 * name the restaurant and the booking (D5): the page says which booking, never an id or an ISO date.
 * And the host stand's "too early to seat", which now says the day (D11).
 */
import { describe, expect, it } from 'vitest';
import type { ApiProblem } from '../src/api/problems.ts';
import { describeProblem } from '../src/i18n/refusals.ts';

const problem = (reason: string, details: Record<string, unknown>): ApiProblem => ({
  reason,
  details: details as never,
  issues: [],
  httpStatus: 409,
  requestId: undefined,
  retryAfterSeconds: undefined,
});
const words = (reason: string, details: Record<string, unknown>) => ({
  en: describeProblem(problem(reason, details), 'en').detail,
  es: describeProblem(problem(reason, details), 'es').detail,
});
const PM = '\\s?[Pp]\\.?\\s?[Mm]\\.?';

describe('the cancel pages name the booking they refuse', () => {
  it('a timed booking already over, and a whole day', () => {
    const timed = words('ALREADY_OVER', { restaurantName: 'La Cevichería', table: 'A2', date: '2026-11-20', time: '19:30' });
    expect(timed.en).toMatch(
      new RegExp(
        `^The booking at La Cevichería, table A2 on Friday, November 20, 2026 at 7:30${PM}, is already over: it can no longer be cancelled\\.$`,
      ),
    );
    expect(timed.es).toMatch(
      new RegExp(
        `^La reserva en La Cevichería, mesa A2, el viernes, 20 de noviembre de 2026 a las 7:30${PM} ya pasó: ya no se puede cancelar\\.$`,
      ),
    );
    const day = words('ALREADY_OVER', { restaurantName: 'El Patio', table: 'A0', date: '2026-11-20' });
    expect(day.es).toBe('La reserva en El Patio, mesa A0, el viernes, 20 de noviembre de 2026 ya pasó: ya no se puede cancelar.');
  });

  it('a booking already cancelled, with its restaurant when the server names it (and without, from an older one)', () => {
    const named = words('ALREADY_CANCELLED', { restaurantName: 'Casa Uno', table: 'A0', date: '2027-01-28' });
    expect(named.en).toBe('The booking at Casa Uno, table A0 on Thursday, January 28, 2027, was already cancelled.');
    expect(named.es).toBe('La reserva en Casa Uno, mesa A0, el jueves, 28 de enero de 2027 ya estaba cancelada.');
    expect(words('ALREADY_CANCELLED', { table: 'A0', date: '2027-01-28' }).en).toBe(
      'The booking at table A0 on Thursday, January 28, 2027 was already cancelled.',
    );
  });

  it('a guest already seated: which booking, and no host-only status offered', () => {
    const guest = words('ILLEGAL_STATUS_CHANGE', {
      from: 'seated',
      to: 'cancelled',
      restaurantName: 'Casa Uno',
      table: 'A0',
      date: '2027-01-28',
      time: '13:00',
    });
    expect(guest.en).toMatch(
      new RegExp(
        `^The booking at Casa Uno, table A0 on Thursday, January 28, 2027 at 1:00${PM}, is “Seated”: it cannot be changed to “Cancelled”\\.$`,
      ),
    );
    expect(guest.es).toMatch(
      new RegExp(
        `^La reserva en Casa Uno, mesa A0, el jueves, 28 de enero de 2027 a la 1:00${PM} tiene el estado «En mesa»: no se puede cambiar a «Cancelada»\\.$`,
      ),
    );
    // The host stand is told where it can go.
    const host = words('ILLEGAL_STATUS_CHANGE', { from: 'seated', to: 'cancelled', allowed: ['completed'] });
    expect(host.en).toBe('This booking is “Seated”: it cannot be changed to “Cancelled”. It can be changed to “Completed”.');
    expect(words('ILLEGAL_STATUS_CHANGE', { from: 'completed', to: 'cancelled', allowed: [] }).en).toMatch(/Its status is final\.$/);
  });
});

describe('too early to seat, with its day (D11)', () => {
  it('names the day of the start, and the day before when seating opens before midnight', () => {
    const ahead = words('ILLEGAL_STATUS_CHANGE', {
      from: 'confirmed',
      to: 'seated',
      date: '2027-01-27',
      startsAt: '13:00',
      seatableFrom: '12:00',
    });
    expect(ahead.en).toMatch(
      new RegExp(`^This booking starts on Wednesday, January 27, 2027 at 1:00${PM}: it can be seated from 12:00${PM}\\.$`),
    );
    expect(ahead.es).toMatch(
      new RegExp(`^Esta reserva empieza el miércoles, 27 de enero de 2027 a la 1:00${PM}: se puede sentar desde las 12:00${PM}\\.?$`),
    );
    const night = words('ILLEGAL_STATUS_CHANGE', {
      from: 'confirmed',
      to: 'seated',
      date: '2027-01-27',
      startsAt: '00:30',
      seatableFrom: '23:30',
      seatableFromDate: '2027-01-26',
    });
    expect(night.en).toMatch(new RegExp(`it can be seated from 11:30${PM} on Tuesday, January 26, 2027\\.$`));
    expect(night.es).toMatch(new RegExp(`se puede sentar desde las 11:30${PM} del martes, 26 de enero de 2027\\.$`));
  });
});
