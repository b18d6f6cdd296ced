import { describe, expect, it } from 'vitest';
import { dictionaries } from '../src/i18n/dictionary.ts';

describe("the guest's words for a time", () => {
  const { en, es } = dictionaries;

  it('marks a start after midnight as the timeline does', () => {
    expect(en.day.timed.nextDay('12:30 AM')).toBe('12:30 AM (after midnight)');
    expect(es.day.timed.nextDay('12:30 a. m.')).toBe('12:30 a. m. (después de medianoche)');
  });

  it('says "a la" for one o’clock in Spanish, "a las" otherwise', () => {
    expect(es.day.timed.bookPicked('1:30 a. m.')).toBe('Reservar a la 1:30 a. m.');
    expect(es.day.timed.bookPicked('12:30 a. m.')).toBe('Reservar a las 12:30 a. m.');
    expect(es.day.timed.goneTitle('1:00 p. m.')).toBe('La 1:00 p. m. ya no está libre: elija otra hora.');
    expect(es.cancel.doneAt('A1', 'sábado, 5 de diciembre de 2026', '10:00 p. m.')).toBe(
      'Su reserva de la mesa A1 para el sábado, 5 de diciembre de 2026 a las 10:00 p. m. quedó cancelada.',
    );
  });

  it('tells a day not yet open for booking when it opens', () => {
    expect(en.day.timed.notYetOpen(1, 'Friday, December 4, 2026')).toBe(
      'Bookings open 1 day ahead: this day can be booked from Friday, December 4, 2026.',
    );
    expect(es.day.timed.slotState.notYetOpen).toBe('Aún no abre');
    expect(es.day.timed.slotState.noLonger).toBe('Ya no');
  });

  it('says a start whose interval has no covers left (PACING_LIMIT) is full at that time, not that day', () => {
    expect([en.day.timed.slotState.PACING_LIMIT, es.day.timed.slotState.PACING_LIMIT]).toEqual(['Time full', 'Hora llena']);
  });
});
