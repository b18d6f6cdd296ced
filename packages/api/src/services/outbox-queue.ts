import { type SQL, sql } from 'drizzle-orm';
import type { ReservationOutput } from '../schemas/reservation.ts';
import type { reservationEventTypes } from '../schemas/events.ts';

import type { WebhookEventType } from '@tablebook/db/statuses';

/** What a change tells the outbox beyond its event: the stored row's version and the guest's side of it. */
export interface OutboxChange {
  type: (typeof reservationEventTypes)[number];
  reservation: ReservationOutput;
  /** The row's version after the change (the database bumps it on every update). */
  version: number;
  /** The guest's language for e-mail (null: es-CO). */
  language: string | null;
  /** Whether the guest is told of an update that is no move (a new party size or turn): an e-mail `change`. */
  guestVisible?: boolean;
  /** Whether the reminders are planned again: a booking, a new start or a new address. */
  replanReminders?: boolean;
}

/** The e-mail a change sends its guest, if any. */
function guestKind(change: OutboxChange): 'confirmation' | 'change' | 'cancellation' | null {
  if (change.type === 'created') return 'confirmation';
  if (change.type === 'cancelled') return 'cancellation';
  if (change.type === 'moved' || change.guestVisible) return 'change';
  return null;
}

/** Webhook rows keep a kind too (the outbox key): a status change or an edit is a `change`. */
const webhookKind = { created: 'confirmation', updated: 'change', moved: 'change', cancelled: 'cancellation' } as const;

/**
 * Queues what a change must tell (issue 17), in the change's own transaction: the guest's e-mail (when
 * the booking has an address), the reminders of a timed booking (its restaurant's `reminders`, those
 * still ahead), one delivery per webhook endpoint subscribed to the event, and pending reminders
 * dropped when the start, the address or the status moved on. A replay of the same version queues
 * nothing (outbox_messages_once). These are common table expressions (`restaurant`, `dropped`,
 * `planned`, `queued`) for the statement that records the change's event, so both are one round trip.
 */
export function outboxQueueing(change: OutboxChange): SQL {
  const { reservation } = change;
  const eventType: WebhookEventType = `reservation.${change.type}`;
  const kind = guestKind(change);
  const live = reservation.status === 'confirmed';
  const plan = live && reservation.time !== null && (change.replanReminders ?? change.type === 'created');
  const dropReminders = change.type !== 'created' && (plan || !live || change.replanReminders === true);
  const language = change.language === 'en' ? 'en' : 'es-CO';
  return sql`
    restaurant as (
      select id, name, address, time_zone, reminders from restaurants where id = ${reservation.restaurantId}
    ), dropped as (
      update outbox_messages
         set status = 'dropped', updated_at = now(), last_error = 'the reservation changed before its reminder'
       where reservation_id = ${reservation.id} and kind = 'reminder' and status = 'pending'
         and version < ${change.version} and ${dropReminders}
    ), planned (kind, channel, endpoint_id, reminder_minutes, event_type, recipient, due_at) as (
      select ${kind}::text, 'email', null::uuid, 0, null::text, ${reservation.guestEmail}::text, now()
       where ${kind}::text is not null and ${reservation.guestEmail}::text is not null
      union all
      select 'reminder', 'email', null::uuid, minutes, null::text, ${reservation.guestEmail}::text,
             ${reservation.startsAt}::timestamptz - make_interval(mins => minutes)
        from restaurant, jsonb_array_elements_text(restaurant.reminders) as m(value), lateral (select m.value::int as minutes) r
       where ${plan} and ${reservation.guestEmail}::text is not null
         and ${reservation.startsAt}::timestamptz - make_interval(mins => minutes) > now()
      union all
      select ${webhookKind[change.type]}, 'webhook', e.id, 0, ${eventType}, null::text, now()
        from webhook_endpoints e
       where e.events @> '["*"]'::jsonb or e.events @> ${JSON.stringify([eventType])}::jsonb
    ), queued as (
    insert into outbox_messages
      (reservation_id, restaurant_id, kind, channel, endpoint_id, version, reminder_minutes, event_type, recipient, language, payload, due_at)
    select ${reservation.id}, ${reservation.restaurantId}, p.kind, p.channel, p.endpoint_id, ${change.version}, p.reminder_minutes,
           p.event_type, p.recipient, ${language},
           jsonb_build_object(
             'reservation', ${JSON.stringify(reservation)}::jsonb,
             'restaurant', jsonb_build_object('id', restaurant.id, 'name', restaurant.name, 'address', restaurant.address, 'timeZone', restaurant.time_zone),
             'occurredAt', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
           ),
           p.due_at
      from planned p, restaurant
    on conflict on constraint outbox_messages_once do nothing
    )`;
}
