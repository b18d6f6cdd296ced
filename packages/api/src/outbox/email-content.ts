/**
 * The e-mail a guest receives (issue 17): confirmation, change, cancellation and reminder, in es-CO or
 * en, as a subject, a plain-text body and an HTML body with the same content. Pure: everything comes
 * from the outbox row (its payload as queueOutbox stored it) and the cancel link the sender signed.
 *
 * Times are the restaurant's local clock, 24-hour ("19:30"), in both languages; the date is the
 * calendar day the table is held from (a turn starting at 00:30 is on the next day, not the service
 * day). Whole-day bookings give the date and say the table is held all day. Every value from the
 * database is escaped in the HTML: a name with markup comes out as text.
 */
import type { ReservationOutput } from '../schemas/reservation.ts';
import { formatClock, localDateTimeOf, weekdayOf, type Weekday } from '../rules/zoned-time.ts';

export type EmailKind = 'confirmation' | 'change' | 'cancellation' | 'reminder';
type EmailLanguage = 'es-CO' | 'en';

/** outbox_messages.payload, as queueOutbox writes it. */
export interface EmailPayload {
  reservation: ReservationOutput;
  restaurant: { id: string; name: string; address: string | null; timeZone: string };
  occurredAt?: string;
}

export interface EmailInput {
  kind: EmailKind;
  language: EmailLanguage | string | null;
  payload: EmailPayload;
  /** A reminder's minutes left until the start when it is sent (the sender computes them then); 0 for other kinds. */
  reminderMinutes: number;
}

export interface EmailLinks {
  /** The guest's cancel link (PUBLIC_URL + /cancel?token=...); null: none offered. Never shown in a cancellation. */
  cancelUrl: string | null;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** A moment of the restaurant's clock: its calendar day and 24-hour time. */
interface LocalMoment {
  date: string;
  time: string;
}

interface Words {
  weekdays: Record<Weekday, string>;
  months: readonly string[];
  longDate(date: string): string;
  /** "a las 19:30" / "at 19:30". */
  at(time: string): string;
  subject: Record<EmailKind, (restaurant: string, when: string) => string>;
  greeting(name: string | null): string;
  intro: Record<EmailKind, (restaurant: string, ahead: string | null) => string>;
  labels: { restaurant: string; address: string; date: string; time: string; party: string; table: string };
  party(size: number): string;
  allDay: string;
  /** "19:30 a 21:30", the end with its own day when it falls on the next one. */
  range(start: string, end: string, endDate: string | null): string;
  duration(minutes: number): string;
  cancelPrompt: string;
  cancelButton: string;
  cancelledHint: string;
  signature: string;
  footer: string;
}

const SPANISH_MONTHS = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
];
const ENGLISH_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function dateParts(date: string) {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/** "1 hora", "2 horas y 30 minutos", "1 día": how long ahead a reminder is. */
function spellDuration(minutes: number, units: { day: [string, string]; hour: [string, string]; minute: [string, string] }, and: string) {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts: string[] = [];
  const unit = (count: number, [one, many]: [string, string]) => `${count} ${count === 1 ? one : many}`;
  // A whole number of hours is said in hours up to two days ("24 horas", "36 horas"); beyond that in days and hours.
  if (minutes >= 2880) {
    parts.push(unit(days, units.day));
    if (hours) parts.push(unit(hours, units.hour));
  } else if (minutes >= 60) parts.push(unit(Math.floor(minutes / 60), units.hour));
  if (rest) parts.push(unit(rest, units.minute));
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} ${and} ${parts.at(-1)}` : (parts[0] ?? unit(0, units.minute));
}

const spanish: Words = {
  weekdays: { mon: 'lunes', tue: 'martes', wed: 'miércoles', thu: 'jueves', fri: 'viernes', sat: 'sábado', sun: 'domingo' },
  months: SPANISH_MONTHS,
  longDate(date) {
    const { year, month, day } = dateParts(date);
    return `${this.weekdays[weekdayOf(date)]} ${day} de ${this.months[month - 1]} de ${year}`;
  },
  at: (time) => `${time.startsWith('01:') ? 'a la' : 'a las'} ${time}`,
  subject: {
    confirmation: (restaurant, when) => `Reserva confirmada en ${restaurant}: ${when}`,
    change: (restaurant, when) => `Su reserva en ${restaurant} cambió: ${when}`,
    cancellation: (restaurant, when) => `Reserva cancelada en ${restaurant}: ${when}`,
    reminder: (restaurant, when) => `Recordatorio: su reserva en ${restaurant}, ${when}`,
  },
  greeting: (name) => (name ? `Hola, ${name}:` : 'Hola:'),
  intro: {
    confirmation: (restaurant) => `Su reserva en ${restaurant} está confirmada.`,
    change: (restaurant) => `Su reserva en ${restaurant} cambió. Estos son sus datos actuales:`,
    cancellation: (restaurant) => `Su reserva en ${restaurant} quedó cancelada.`,
    reminder: (restaurant, ahead) =>
      ahead ? `Le recordamos su reserva en ${restaurant}, dentro de ${ahead}.` : `Le recordamos su reserva en ${restaurant}.`,
  },
  labels: { restaurant: 'Restaurante', address: 'Dirección', date: 'Fecha', time: 'Hora', party: 'Personas', table: 'Mesa' },
  party: (size) => (size === 1 ? '1 persona' : `${size} personas`),
  allDay: 'La mesa es suya todo el día.',
  range: (start, end, endDate) => `de ${start} a ${end}${endDate ? ` del ${endDate}` : ''}`,
  duration: (minutes) => spellDuration(minutes, { day: ['día', 'días'], hour: ['hora', 'horas'], minute: ['minuto', 'minutos'] }, 'y'),
  cancelPrompt: 'Si no puede venir, cancele su reserva con este enlace (no necesita el código de cancelación):',
  cancelButton: 'Cancelar la reserva',
  cancelledHint: 'Si no fue usted quien la canceló, o quiere reservar de nuevo, comuníquese con el restaurante.',
  signature: 'Gracias por reservar con nosotros.',
  footer: 'Este correo lo envió Tablebook por encargo del restaurante.',
};

const english: Words = {
  weekdays: { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' },
  months: ENGLISH_MONTHS,
  longDate(date) {
    const { year, month, day } = dateParts(date);
    return `${this.weekdays[weekdayOf(date)]}, ${day} ${this.months[month - 1]} ${year}`;
  },
  at: (time) => `at ${time}`,
  subject: {
    confirmation: (restaurant, when) => `Reservation confirmed at ${restaurant}: ${when}`,
    change: (restaurant, when) => `Your reservation at ${restaurant} has changed: ${when}`,
    cancellation: (restaurant, when) => `Reservation cancelled at ${restaurant}: ${when}`,
    reminder: (restaurant, when) => `Reminder: your reservation at ${restaurant}, ${when}`,
  },
  greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
  intro: {
    confirmation: (restaurant) => `Your reservation at ${restaurant} is confirmed.`,
    change: (restaurant) => `Your reservation at ${restaurant} has changed. These are its current details:`,
    cancellation: (restaurant) => `Your reservation at ${restaurant} has been cancelled.`,
    reminder: (restaurant, ahead) =>
      ahead ? `A reminder of your reservation at ${restaurant}, in ${ahead}.` : `A reminder of your reservation at ${restaurant}.`,
  },
  labels: { restaurant: 'Restaurant', address: 'Address', date: 'Date', time: 'Time', party: 'Party', table: 'Table' },
  party: (size) => (size === 1 ? '1 person' : `${size} people`),
  allDay: 'The table is held for you all day.',
  range: (start, end, endDate) => `${start} to ${end}${endDate ? ` on ${endDate}` : ''}`,
  duration: (minutes) => spellDuration(minutes, { day: ['day', 'days'], hour: ['hour', 'hours'], minute: ['minute', 'minutes'] }, 'and'),
  cancelPrompt: 'If you cannot come, cancel your reservation with this link (no cancellation code needed):',
  cancelButton: 'Cancel the reservation',
  cancelledHint: 'If you did not cancel it, or want to book again, please contact the restaurant.',
  signature: 'Thank you for booking with us.',
  footer: 'This e-mail was sent by Tablebook on behalf of the restaurant.',
};

const WORDS: Record<EmailLanguage, Words> = { 'es-CO': spanish, en: english };

/** The language an outbox row names, es-CO unless it is en. */
const emailLanguage = (language: string | null | undefined): EmailLanguage => (language === 'en' ? 'en' : 'es-CO');

/** Text for the HTML body: markup characters and quotes as entities. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** One line for a header: no line breaks or control characters from a stored name can reach the Subject. */
const oneLine = (text: string) =>
  text
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The restaurant's clock at an instant written as formatZoned does ("YYYY-MM-DDTHH:MM:SS±HH:MM"). */
function momentOf(zoned: string, timeZone: string): LocalMoment {
  const local = localDateTimeOf(Date.parse(zoned), timeZone);
  return { date: local.date, time: formatClock(local.minutes) };
}

interface Facts {
  words: Words;
  restaurant: string;
  address: string | null;
  guestName: string | null;
  /** The long date the table is held from. */
  date: string;
  /** Null for a whole-day booking. */
  start: string | null;
  range: string | null;
  party: string;
  table: string;
  ahead: string | null;
  cancelUrl: string | null;
}

function factsOf(input: EmailInput, links: EmailLinks): Facts {
  const words = WORDS[emailLanguage(input.language)];
  const { reservation, restaurant } = input.payload;
  const timed = reservation.time !== null;
  let date = words.longDate(reservation.date);
  let start: string | null = null;
  let range: string | null = null;
  if (timed) {
    const from = momentOf(reservation.startsAt, restaurant.timeZone);
    const until = momentOf(reservation.endsAt, restaurant.timeZone);
    date = words.longDate(from.date);
    start = from.time;
    range = words.range(from.time, until.time, until.date === from.date ? null : words.longDate(until.date));
  }
  const ahead = input.kind === 'reminder' && timed && input.reminderMinutes > 0 ? words.duration(input.reminderMinutes) : null;
  return {
    words,
    restaurant: oneLine(restaurant.name),
    address: restaurant.address ? restaurant.address.trim() || null : null,
    guestName: reservation.guestName ? oneLine(reservation.guestName) || null : null,
    date,
    start,
    range,
    party: words.party(reservation.partySize),
    table: reservation.table,
    ahead,
    cancelUrl: input.kind === 'cancellation' ? null : links.cancelUrl,
  };
}

/** The detail rows, label and value, in the order both bodies show them. */
function detailRows(facts: Facts): [string, string][] {
  const { labels } = facts.words;
  const rows: [string, string][] = [[labels.restaurant, facts.restaurant]];
  if (facts.address) rows.push([labels.address, facts.address]);
  rows.push([labels.date, facts.date]);
  rows.push([labels.time, facts.range ?? facts.words.allDay]);
  rows.push([labels.party, facts.party]);
  rows.push([labels.table, facts.table]);
  return rows;
}

function renderText(input: EmailInput, facts: Facts): string {
  const { words } = facts;
  const rows = detailRows(facts);
  const lines = [words.greeting(facts.guestName), '', words.intro[input.kind](facts.restaurant, facts.ahead), ''];
  for (const [label, value] of rows) lines.push(`${label}: ${value}`);
  lines.push('');
  if (facts.cancelUrl) lines.push(words.cancelPrompt, facts.cancelUrl, '');
  if (input.kind === 'cancellation') lines.push(words.cancelledHint, '');
  else lines.push(words.signature, '');
  lines.push('-- ', words.footer);
  return `${lines.join('\n')}\n`;
}

const FONT = "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

function renderHtml(input: EmailInput, facts: Facts, subject: string): string {
  const { words } = facts;
  const e = escapeHtml;
  const accent = input.kind === 'cancellation' ? '#9b1c1c' : '#1d4ed8';
  const rows = detailRows(facts)
    .map(
      ([label, value]) =>
        `<tr><th align="left" valign="top" style="padding:6px 16px 6px 0;color:#555;font-weight:600;white-space:nowrap">${e(label)}</th>` +
        `<td style="padding:6px 0;color:#111">${e(value)}</td></tr>`,
    )
    .join('\n');
  const cancel = facts.cancelUrl
    ? `<p style="margin:24px 0 8px">${e(words.cancelPrompt)}</p>
<p style="margin:0 0 8px"><a href="${e(facts.cancelUrl)}" style="display:inline-block;padding:10px 18px;border-radius:6px;background:#9b1c1c;color:#fff;text-decoration:none;font-weight:600">${e(words.cancelButton)}</a></p>
<p style="margin:0;font-size:12px;color:#666;word-break:break-all"><a href="${e(facts.cancelUrl)}" style="color:#666">${e(facts.cancelUrl)}</a></p>`
    : '';
  const closing = input.kind === 'cancellation' ? words.cancelledHint : words.signature;
  const lang = emailLanguage(input.language) === 'en' ? 'en' : 'es';
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(subject)}</title>
</head>
<body style="margin:0;padding:0;background:#f4f4f5;${FONT}">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f4f5;padding:24px 12px">
<tr><td align="center">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#fff;border-radius:8px;border-top:4px solid ${accent};${FONT};font-size:15px;line-height:1.5;color:#111">
<tr><td style="padding:24px 28px">
<h1 style="margin:0 0 16px;font-size:20px;line-height:1.3;color:${accent}">${e(facts.restaurant)}</h1>
<p style="margin:0 0 8px">${e(words.greeting(facts.guestName))}</p>
<p style="margin:0 0 16px">${e(words.intro[input.kind](facts.restaurant, facts.ahead))}</p>
<table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:collapse;font-size:15px">
${rows}
</table>
${cancel}
<p style="margin:24px 0 0">${e(closing)}</p>
</td></tr>
<tr><td style="padding:12px 28px 20px;font-size:12px;color:#777;border-top:1px solid #eee">${e(words.footer)}</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}

/** The guest's e-mail for an outbox row: subject, plain text and HTML with the same facts. */
export function renderEmail(input: EmailInput, links: EmailLinks): RenderedEmail {
  const facts = factsOf(input, links);
  const when = facts.start ? `${facts.date} ${facts.words.at(facts.start)}` : facts.date;
  const subject = oneLine(facts.words.subject[input.kind](facts.restaurant, when));
  return { subject, text: renderText(input, facts), html: renderHtml(input, facts, subject) };
}
