/**
 * The one renderer of the API's refusals: a problem's reason and details (and each issue's code and
 * parameters) into words in the page's language, with days written for the reader (Intl), times on
 * the restaurant's clock and the restaurant's own name. It never reads the server's English message,
 * and what it writes holds no id and no ISO date (apps/web/test/refusals.test.ts walks every reason
 * and issue code of the catalog in both languages).
 */
import { isErrorReason, type IssueDetail } from '@tablebook/api/shared';
import type { ApiProblem } from '../api/problems.ts';
import { formatDay } from '../lib/days.ts';
import { LOCALE_OF, type Language } from './language.ts';
import { en, es, FIELD_NAMES, type FieldName, type Formats, type RefusalWords } from './refusalWords.ts';

export const refusalWords: Record<Language, RefusalWords> = { en, es };

/** A refusal in words: one sentence, and a line per offending field (INVALID_INPUT). */
export interface ProblemWords {
  detail: string;
  issues: string[];
}

const CLOCK = /^(\d{2}):(\d{2})$/;
const isFieldName = (name: string): name is FieldName => (FIELD_NAMES as readonly string[]).includes(name);
const capitalized = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);
/** A time written "p. m." ending a sentence gives "p. m..": one full stop is enough. */
const tidy = (text: string) => text.replace(/\.\.(?=\s|$)/g, '.');

const formatsCache = new Map<Language, Formats>();

/** Days, times, counts and lists in `language`; a time is the restaurant's local clock, so it is formatted as UTC. */
function formatsFor(language: Language): Formats {
  const cached = formatsCache.get(language);
  if (cached) return cached;
  const locale = LOCALE_OF[language];
  const words = refusalWords[language];
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
  const clock = (value: string) => {
    const match = CLOCK.exec(value);
    return match ? time.format(Date.UTC(2000, 0, 1, Number(match[1]), Number(match[2]))) : value;
  };
  // Spanish says "a la 1:00" and "a las 7:00".
  const article = (value: string) => (/^1\D/.test(clock(value)) ? 'la' : 'las');
  const formats: Formats = {
    day: (date) => {
      try {
        return formatDay(date, locale);
      } catch {
        return date;
      }
    },
    clock,
    at: (value) => (language === 'es' ? `a ${article(value)} ${clock(value)}` : `at ${clock(value)}`),
    span: (from, to) => (language === 'es' ? `de ${clock(from)} a ${clock(to)}` : `from ${clock(from)} to ${clock(to)}`),
    count: (value) => value.toLocaleString(locale),
    list: (items, type = 'and') => new Intl.ListFormat(locale, { type: type === 'and' ? 'conjunction' : 'disjunction' }).format(items),
    field: (name) => (isFieldName(name) ? words.fields[name] : words.someField).toLocaleLowerCase(locale),
  };
  formatsCache.set(language, formats);
  return formats;
}

/** Where an issue is, for people: "Tables › entry 4 › Seats"; empty for the whole input. */
export function issueField(path: string, language: Language): string {
  const words = refusalWords[language];
  const parts = path
    .split('.')
    .filter((segment) => segment !== '')
    .map((segment) =>
      /^\d+$/.test(segment) ? words.entry(Number(segment) + 1) : isFieldName(segment) ? words.fields[segment] : words.someField,
    );
  return parts.join(' › ');
}

/**
 * An issue in words. Beside its own input (`withField: false`) it says only what is wrong ("At most
 * 20"); in a list (`withField: true`) it names its field first ("People: at most 20").
 */
export function describeIssue(issue: IssueDetail, language: Language, options: { withField: boolean }): string {
  const words = refusalWords[language];
  const say = words.issues[issue.code] as (issue: IssueDetail, format: Formats) => string;
  const text = say(issue, formatsFor(language));
  const field = options.withField ? issueField(issue.path, language) : '';
  return tidy(field ? words.issueLine(field, text) : capitalized(text));
}

/** The bookings a new layout leaves without their table, in words: a lead saying the way out, and one line per booking. */
export interface LayoutBookingsWords {
  lead: string;
  items: string[];
}

/**
 * The table_booked issues among `issues` (TABLE_HAS_RESERVATIONS: one per booking that a removed or
 * shrunk table holds) as a list under a lead sentence, rather than sentences glued together; none
 * when there are no such issues.
 */
export function describeLayoutBookings(issues: readonly IssueDetail[], language: Language): LayoutBookingsWords | undefined {
  const booked = issues.filter((issue) => issue.code === 'table_booked');
  if (booked.length === 0) return undefined;
  return {
    lead: refusalWords[language].layoutBookings(booked.length),
    items: booked.map((issue) => describeIssue(issue, language, { withField: false })),
  };
}

/** A problem in words: from its reason and details, or the reason's plain words when it has no details. */
export function describeProblem(problem: ApiProblem, language: Language): ProblemWords {
  const words = refusalWords[language];
  if (problem.reason === 'NETWORK') return { detail: words.network, issues: [] };
  if (!isErrorReason(problem.reason)) return { detail: words.unknown, issues: [] };
  const entry = words.reasons[problem.reason] as { plain: string; detail?: (details: unknown, format: Formats) => string };
  // A rate limit without details (an older server) still has its Retry-After header to say how long.
  const details =
    problem.details ??
    (problem.reason === 'RATE_LIMITED' && problem.retryAfterSeconds !== undefined
      ? { what: 'requests', retryAfterSeconds: problem.retryAfterSeconds }
      : undefined);
  const detail = tidy(entry.detail && details ? entry.detail(details, formatsFor(language)) : entry.plain);
  // A refusal's details already name what its issues would (the tables a layout drops): issues are listed for invalid input, or when there are no details.
  const listed = problem.reason === 'INVALID_INPUT' || !problem.details ? problem.issues : [];
  const issues = [...new Set(listed.map((issue) => describeIssue(issue, language, { withField: true })))];
  return { detail, issues };
}

/**
 * Why a day's times inside the restaurant's minimum notice cannot be booked (their reason is
 * OUTSIDE_BOOKING_WINDOW, still to come: the catalog's `tooSoon`), in `language`.
 */
export function describeSlotsTooSoon(restaurantName: string, minAdvanceMinutes: number, language: Language): string {
  return tidy(refusalWords[language].slotsTooSoon({ restaurantName, minAdvanceMinutes }, formatsFor(language)));
}
