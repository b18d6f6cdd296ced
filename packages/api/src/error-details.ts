/**
 * The vocabulary the error catalog declares each reason's `details` (and each issue code's
 * parameters) in: a field is text, a number, a flag, a local day, a local clock time or a list of
 * them. From one declaration come the TypeScript type the throw sites fill in, the JSON Schema of the
 * OpenAPI document (apps/server/src/openapi/errors.ts) and the check a client runs before trusting
 * what it received (`matchesFields`). Dates and times are the restaurant's local ones, so a reader
 * can format them in any language without knowing the zone.
 *
 * Browser-safe: no imports.
 */

interface FieldBase {
  description: string;
  /** Absent when the throw site cannot know it (e.g. the database's own refusal). */
  optional?: true;
}

export type Field =
  | (FieldBase & { kind: 'text'; values?: readonly string[] })
  | (FieldBase & { kind: 'integer' | 'number' | 'flag' })
  /** A calendar day, YYYY-MM-DD, in the restaurant's calendar. */
  | (FieldBase & { kind: 'day' })
  /** A local time of day, HH:MM, on the restaurant's clock. */
  | (FieldBase & { kind: 'clock' })
  | (FieldBase & { kind: 'texts' })
  /** A list of scalars (the options of a field: `[15, 30, 60]`). */
  | (FieldBase & { kind: 'values' })
  | (FieldBase & { kind: 'list'; items: Fields });

export type Fields = Readonly<Record<string, Field>>;

export const text = (description: string) => ({ kind: 'text', description }) as const;
export const oneOf = <const V extends readonly string[]>(values: V, description: string) =>
  ({ kind: 'text', values, description }) as const;
export const integer = (description: string) => ({ kind: 'integer', description }) as const;
export const number = (description: string) => ({ kind: 'number', description }) as const;
export const flag = (description: string) => ({ kind: 'flag', description }) as const;
export const day = (description: string) => ({ kind: 'day', description }) as const;
export const clock = (description: string) => ({ kind: 'clock', description }) as const;
export const texts = (description: string) => ({ kind: 'texts', description }) as const;
export const values = (description: string) => ({ kind: 'values', description }) as const;
export const list = <const I extends Fields>(items: I, description: string) => ({ kind: 'list', items, description }) as const;
export const optional = <const F extends Field>(field: F) => ({ ...field, optional: true }) as F & { optional: true };

type ValueOf<F extends Field> = F extends { kind: 'text'; values: readonly (infer V)[] }
  ? V
  : F extends { kind: 'text' | 'day' | 'clock' }
    ? string
    : F extends { kind: 'integer' | 'number' }
      ? number
      : F extends { kind: 'flag' }
        ? boolean
        : F extends { kind: 'texts' }
          ? string[]
          : F extends { kind: 'values' }
            ? (string | number | boolean | null)[]
            : F extends { kind: 'list'; items: infer I extends Fields }
              ? DetailsOf<I>[]
              : never;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The object a declaration describes: its optional fields may be left out. */
export type DetailsOf<S extends Fields> = Simplify<
  { -readonly [K in keyof S as S[K] extends { optional: true } ? never : K]: ValueOf<S[K]> } & {
    -readonly [K in keyof S as S[K] extends { optional: true } ? K : never]?: ValueOf<S[K]>;
  }
>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK = /^\d{2}:\d{2}$/;
const isScalar = (value: unknown) => value === null || ['string', 'number', 'boolean'].includes(typeof value);

function matchesField(field: Field, value: unknown): boolean {
  switch (field.kind) {
    case 'text':
      return typeof value === 'string' && (!field.values || field.values.includes(value));
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'flag':
      return typeof value === 'boolean';
    case 'day':
      return typeof value === 'string' && DAY.test(value);
    case 'clock':
      return typeof value === 'string' && CLOCK.test(value);
    case 'texts':
      return Array.isArray(value) && value.every((item) => typeof item === 'string');
    case 'values':
      return Array.isArray(value) && value.every(isScalar);
    case 'list':
      return Array.isArray(value) && value.every((item) => matchesFields(field.items, item));
  }
}

/**
 * Whether `value` is what `fields` declares: every required field present and of its kind, every
 * given optional one of its kind (other keys are allowed: a newer server may add fields).
 */
export function matchesFields(fields: Fields, value: unknown): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  return Object.entries(fields).every(([name, field]) =>
    record[name] === undefined ? field.optional === true : matchesField(field, record[name]),
  );
}

const isRecord = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

/**
 * The keys of `value` that `fields` does not declare, dotted (`reservations.0.id` for a list item's):
 * empty when nothing is sent beyond the declaration. The server's own tests hold every refusal to this,
 * where a client's `matchesFields` lets a newer server's extra field through.
 */
export function undeclaredKeys(fields: Fields, value: unknown, prefix = ''): string[] {
  if (!isRecord(value)) return [];
  return Object.entries(value).flatMap(([name, item]) => {
    const field = fields[name];
    if (!field) return [`${prefix}${name}`];
    if (field.kind !== 'list' || !Array.isArray(item)) return [];
    return item.flatMap((entry, index) => undeclaredKeys(field.items, entry, `${prefix}${name}.${index}.`));
  });
}

/**
 * `value` with only the keys `fields` declares (list items likewise), and none left undefined: what a
 * refusal may send. The catalog's promise ("never more than the message says, and no ids") is kept
 * here once, whatever a throw site spreads into its details.
 */
export function declaredOnly<T>(fields: Fields, value: T): T {
  if (!isRecord(value)) return value;
  const kept = Object.entries(value).flatMap(([name, item]): [string, unknown][] => {
    const field = fields[name];
    if (!field || item === undefined) return [];
    if (field.kind === 'list' && Array.isArray(item)) return [[name, item.map((entry) => declaredOnly(field.items, entry))]];
    return [[name, item]];
  });
  return Object.fromEntries(kept) as T;
}
