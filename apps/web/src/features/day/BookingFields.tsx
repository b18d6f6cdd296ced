import { useId } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { TextField } from '../../ui/TextField.tsx';
import type { BookingErrors, BookingFormValues } from './bookingForm.ts';

interface BookingFieldsProps {
  values: BookingFormValues;
  errors: BookingErrors;
  /** The chosen table's seats; none when the party size was chosen before (a booking by time). */
  seats?: number | undefined;
  onChange: (changes: Partial<BookingFormValues>) => void;
}

/** The guest's details: a name, a phone or an e-mail, how many people (unless chosen already), and optional notes. */
export function BookingFields({ values, errors, seats, onChange }: BookingFieldsProps) {
  const { t } = useI18n();
  const partyId = useId();
  const partyHintId = useId();
  const partyErrorId = useId();
  return (
    <div className="booking-fields">
      <TextField
        label={t.booking.fields.guestName}
        name="guestName"
        value={values.guestName}
        error={errors.guestName}
        autoComplete="name"
        onChange={(guestName) => onChange({ guestName })}
      />
      <TextField
        label={t.booking.fields.guestPhone}
        name="guestPhone"
        type="tel"
        inputMode="tel"
        value={values.guestPhone}
        error={errors.guestPhone}
        hint={t.booking.contactHint}
        autoComplete="tel"
        placeholder="+57 300 123 4567"
        onChange={(guestPhone) => onChange({ guestPhone })}
      />
      <TextField
        label={t.booking.fields.guestEmail}
        name="guestEmail"
        type="email"
        inputMode="email"
        value={values.guestEmail}
        error={errors.guestEmail}
        autoComplete="email"
        onChange={(guestEmail) => onChange({ guestEmail })}
      />
      {seats !== undefined ? (
        <div className="field">
          <label htmlFor={partyId} className="field__label">
            {t.booking.fields.partySize}
          </label>
          <input
            id={partyId}
            className="input input--short"
            type="number"
            inputMode="numeric"
            min={1}
            max={seats}
            step={1}
            value={values.partySize}
            aria-invalid={errors.partySize ? true : undefined}
            aria-describedby={[partyHintId, errors.partySize ? partyErrorId : ''].filter(Boolean).join(' ')}
            onChange={(event) => onChange({ partySize: event.target.value })}
          />
          <p id={partyHintId} className="field__hint">
            {t.booking.seatsHint(seats)}
          </p>
          {errors.partySize ? (
            <p id={partyErrorId} className="field__error">
              {errors.partySize}
            </p>
          ) : null}
        </div>
      ) : null}
      <TextField
        label={t.booking.fields.notes}
        name="notes"
        value={values.notes}
        error={errors.notes}
        multiline
        hint={t.booking.notesHint}
        onChange={(notes) => onChange({ notes })}
      />
    </div>
  );
}
