import { describe, expect, it } from 'vitest';
import { emptyBookingForm, validateBooking } from '../src/features/day/bookingForm.ts';
import { dictionaries } from '../src/i18n/dictionary.ts';

const target = { restaurantId: '8b1f7f0e-0000-4000-8000-000000000001', table: 'A0', date: '2030-01-02', seats: 4 };
const en = dictionaries.en.booking.validation;

describe('the booking form, checked with the API schema', () => {
  it('needs a name and a phone or an e-mail', () => {
    expect(validateBooking(emptyBookingForm, target, en)).toEqual({
      ok: false,
      errors: { guestName: 'Enter your name', guestPhone: 'Enter a phone or an e-mail' },
    });
  });

  it('passes a valid booking on, trimmed, without empty optional fields', () => {
    const result = validateBooking({ ...emptyBookingForm, guestName: ' Ana ', guestPhone: '+57 300 123 4567', partySize: '3' }, target, en);
    expect(result).toEqual({
      ok: true,
      input: { ...target, seats: undefined, guestName: 'Ana', guestPhone: '+57 300 123 4567', partySize: 3 },
    });
  });

  it('words a bad phone or e-mail, and a party larger than the table', () => {
    const result = validateBooking(
      { ...emptyBookingForm, guestName: 'Ana', guestPhone: '12', guestEmail: 'ana@', partySize: '5' },
      target,
      dictionaries.es.booking.validation,
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        guestPhone: 'Escriba un teléfono como +57 300 123 4567',
        guestEmail: 'Escriba un correo como ana@ejemplo.com',
        partySize: 'Entre 1 y 4 personas en esta mesa',
      },
    });
  });
});
