import { z } from 'zod';

/** PostgreSQL `integer` bounds: a larger number must be refused as input, not overflow into a 500. */
export const PG_INT_MAX = 2_147_483_647;

// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is the character this finds (PostgreSQL text cannot hold it)
const NUL_CHARACTER = /\u0000/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text PostgreSQL can store as sent: no NUL character and no unpaired UTF-16 surrogate. */
export const isStorableText = (value: string) => !NUL_CHARACTER.test(value) && !LONE_SURROGATE.test(value);

/** A trimmed text field with length bounds and a message that names the field. */
export function boundedText(field: string, min: number, max: number) {
  return z
    .string({ error: `${field} must be a string` })
    .trim()
    .min(min, min === 1 ? `${field} must not be empty` : `${field} must be at least ${min} characters`)
    .max(max, `${field} must be at most ${max} characters`)
    .refine(isStorableText, {
      error: `${field} contains characters that cannot be stored (NUL or an unpaired surrogate)`,
      params: { code: 'unstorable_text' },
    });
}

/** An integer taken exactly as sent: `true`, `null` or `"3"` in a JSON body is refused, not coerced. */
export function exactInt(field: string, min: number, max: number) {
  return z
    .int({ error: `${field} must be an integer` })
    .min(min, `${field} must be at least ${min}`)
    .max(max, `${field} must be at most ${max}`);
}

/**
 * How a query parameter looks on the wire, for the OpenAPI document: the schema of a field that also
 * takes a decimal string describes only the string's meaning (an integer and its bounds).
 */
export const QUERY_SCHEMA_KEY = 'x-query-schema';

/** An integer query parameter: a number from tRPC, a decimal string from a query string. */
export function queryInt(field: string, min: number, max: number) {
  return z
    .union(
      [
        z.number(),
        z
          .string()
          .trim()
          .regex(/^[+-]?\d{1,16}$/, `${field} must be an integer`)
          .transform(Number),
      ],
      { error: `${field} must be an integer` },
    )
    .pipe(
      z
        .int({ error: `${field} must be an integer` })
        .min(min, `${field} must be at least ${min}`)
        .max(max, `${field} must be at most ${max}`),
    )
    .meta({ [QUERY_SCHEMA_KEY]: { type: 'integer', minimum: min, maximum: max } });
}

/** A calendar day, `YYYY-MM-DD`, that exists (no February 30th) and that PostgreSQL accepts. */
export const calendarDate = z.iso
  .date({ error: 'date must be a calendar day written YYYY-MM-DD' })
  .refine((value) => !value.startsWith('0000'), {
    error: 'date must be a calendar day written YYYY-MM-DD',
    params: { code: 'invalid_format', format: 'date' },
  });

/** Any 8-4-4-4-12 hexadecimal id: PostgreSQL's uuid type takes it, so a well-formed unknown id is a 404. */
export const entityId = (field: string) => z.guid({ error: `${field} must be a UUID` });

/** An absolute http or https URL. */
export const httpUrl = (field: string, max: number) =>
  z
    .string({ error: `${field} must be a string` })
    .trim()
    .max(max, `${field} must be at most ${max} characters`)
    .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.hostname, error: `${field} must be an http or https URL` }))
    .refine(isStorableText, { error: `${field} contains characters that cannot be stored`, params: { code: 'unstorable_text' } });

/** Empty query values (`?cityId=`) mean "not given". */
export function optionalQuery<T extends z.ZodType>(schema: T) {
  return z
    .union([z.literal('').transform(() => undefined), schema], {
      // Report why the value itself failed, not that it also is not the empty string.
      error: (issue) => (issue.code === 'invalid_union' ? issue.errors.at(-1)?.[0]?.message : undefined),
    })
    .optional();
}
