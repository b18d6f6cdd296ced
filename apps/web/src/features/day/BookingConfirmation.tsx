import type { GuestBookingOutput } from '@tablebook/api/shared';
import { Link } from 'react-router';
import { paths } from '../../app/paths.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDay } from '../../lib/days.ts';

interface BookingConfirmationProps {
  booking: GuestBookingOutput;
  restaurantName: string;
  onDismiss: () => void;
}

/** The booking is made: the details, and the cancellation code the guest must keep (it is shown only now). */
export function BookingConfirmation({ booking, restaurantName, onDismiss }: BookingConfirmationProps) {
  const { t, locale } = useI18n();
  return (
    <section className="confirmation" role="status" aria-labelledby="booking-confirmed">
      <h3 id="booking-confirmed" className="confirmation__title">
        {t.booking.confirmedTitle}
      </h3>
      <p>{t.booking.confirmedBody(booking.guestName, booking.table, restaurantName, formatDay(booking.date, locale), booking.partySize)}</p>
      <div className="confirmation__code">
        <p className="confirmation__code-label">{t.booking.codeLabel}</p>
        <p className="confirmation__code-value" data-testid="cancellation-code">
          {booking.cancellationCode}
        </p>
        <p className="confirmation__code-hint">{t.booking.codeHint}</p>
      </div>
      <dl className="confirmation__facts">
        <dt>{t.booking.reservationNumber}</dt>
        <dd>
          <code>{booking.id}</code>
        </dd>
      </dl>
      <div className="confirmation__actions">
        <Link className="button button--ghost button--small" to={paths.cancel(booking.restaurantId, booking.id)}>
          {t.booking.cancelLink}
        </Link>
        <button type="button" className="button button--small" onClick={onDismiss}>
          {t.booking.done}
        </button>
      </div>
    </section>
  );
}
