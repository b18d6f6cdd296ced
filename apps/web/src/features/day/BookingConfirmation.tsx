import type { GuestBookingOutput } from '@tablebook/api/shared';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { paths } from '../../app/paths.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDay } from '../../lib/days.ts';
import { cancelLinkFor, cancelLinkState } from '../cancel/cancelLink.ts';
import { formatClockTime, localClockOf, localDayOf } from './slotTimes.ts';

interface BookingConfirmationProps {
  booking: GuestBookingOutput;
  restaurantName: string;
  /** The restaurant's zone, when the guest's device is in another: its times are said to be local to it. */
  timeZone?: string | undefined;
  onDismiss: () => void;
}

/**
 * The booking is made: the details, and the cancellation code the guest must keep (it is shown only
 * now, and it is all a cancellation needs), with a button that copies it. The reservation's id is not
 * shown: a guest never needs it. Focus moves to its heading: the dialog and the button that opened it
 * are gone, and a keyboard or screen-reader user must land on the answer, not at the top of the page.
 */
export function BookingConfirmation({ booking, restaurantName, timeZone, onDismiss }: BookingConfirmationProps) {
  const { t, locale } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const codeRef = useRef<HTMLParagraphElement>(null);
  const [copied, setCopied] = useState(false);
  /** Onto the clipboard; where the page may not write there (plain http), the code is selected for the guest to copy. */
  const copyCode = () => {
    const selectCode = () => codeRef.current && window.getSelection()?.selectAllChildren(codeRef.current);
    if (!navigator.clipboard) {
      selectCode();
      return;
    }
    navigator.clipboard.writeText(booking.cancellationCode).then(() => setCopied(true), selectCode);
  };
  useEffect(() => {
    headingRef.current?.focus({ preventScroll: true });
  }, []);
  // A booking by time is on the calendar day its turn starts (00:30 of Friday's night is Saturday).
  const day = formatDay(booking.time ? localDayOf(booking.startsAt) : booking.date, locale);
  return (
    <section className="confirmation" role="status" aria-labelledby="booking-confirmed">
      <h3 id="booking-confirmed" ref={headingRef} className="confirmation__title" tabIndex={-1}>
        {t.booking.confirmedTitle}
      </h3>
      {booking.time ? (
        // A booking by time: its local start and end, on the restaurant's clock.
        <p>
          {t.booking.confirmedBodyAt(
            booking.guestName,
            booking.table,
            restaurantName,
            day,
            formatClockTime(booking.time, locale),
            formatClockTime(localClockOf(booking.endsAt), locale),
            booking.partySize,
          )}
          {timeZone ? ` ${t.booking.localTime(timeZone)}` : null}
        </p>
      ) : (
        <p>{t.booking.confirmedBody(booking.guestName, booking.table, restaurantName, day, booking.partySize)}</p>
      )}
      <div className="confirmation__code">
        <p className="confirmation__code-label">{t.booking.codeLabel}</p>
        <p ref={codeRef} className="confirmation__code-value" data-testid="cancellation-code">
          {booking.cancellationCode}
        </p>
        <p className="confirmation__code-copy">
          <button type="button" className="button button--small" onClick={copyCode}>
            {t.booking.copyCode}
          </button>
          {/* Inside the confirmation's status region: read out when it appears. */}
          {copied ? <span className="confirmation__code-copied">{t.booking.codeCopied}</span> : null}
        </p>
        <p className="confirmation__code-hint">{t.booking.codeHint}</p>
      </div>
      <div className="confirmation__actions">
        <Link
          className="button button--ghost button--small"
          to={booking.time ? cancelLinkFor(booking) : paths.cancel(booking.restaurantId, booking.id)}
          // The code goes with the link in the tab's history, never in the address: the cancel page starts with it filled in.
          state={cancelLinkState(booking.cancellationCode)}
        >
          {t.booking.cancelLink}
        </Link>
        <button type="button" className="button button--small" onClick={onDismiss}>
          {t.booking.done}
        </button>
      </div>
    </section>
  );
}
