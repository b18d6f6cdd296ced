import { QUERY_SCHEMA_KEY } from '@tablebook/api/schemas';
import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

/** Marks, while zod writes the schema, where it wrote a `never`; replaced before the schema leaves jsonSchemaOf. */
const NEVER_MARKER = 'x-tablebook-never';

/** A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), as the caller sends it or as the server answers it. */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema._zod.def.type === 'never') (jsonSchema as JsonSchema)[NEVER_MARKER] = true;
    },
  }) as JsonSchema;
  return withFalseForNever(json) as JsonSchema;
}

/**
 * zod writes `never` (a guest's durationMinutes: the server answers it with a 400 naming the field) as
 * `{not: {}}`, which generators ignore (openapi-typescript types it `unknown`, an invitation to send
 * it); JSON Schema's `false` says the same, and they type it `never` (Swagger UI shows "never").
 */
function withFalseForNever(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withFalseForNever);
  if (!schema || typeof schema !== 'object') return schema;
  if ((schema as JsonSchema)[NEVER_MARKER] === true) return false;
  return Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, withFalseForNever(value)]));
}

const isEmptyStringBranch = (branch: JsonSchema) => branch['const'] === '';
const isNullBranch = (branch: JsonSchema) => branch['type'] === 'null';

/** The field takes `''` as "not given" (`optionalQuery`). */
export const acceptsEmptyString = (schema: JsonSchema): boolean =>
  Array.isArray(schema['anyOf']) && (schema['anyOf'] as JsonSchema[]).some(isEmptyStringBranch);

/**
 * A query parameter as it travels: a value is always text, an empty one counts as absent and null
 * cannot be written, so `'' | X`, `X | null` and "a number, or its decimal text" are described as X.
 */
export function queryParameterSchema(schema: JsonSchema): JsonSchema {
  const { description, ...rest } = schema;
  const described = (inner: JsonSchema): JsonSchema => (description === undefined ? inner : { ...inner, description });
  const wire = rest[QUERY_SCHEMA_KEY];
  if (wire && typeof wire === 'object') return described(wire as JsonSchema);
  const branches = rest['anyOf'];
  if (Array.isArray(branches)) {
    const kept = (branches as JsonSchema[]).filter((branch) => !isEmptyStringBranch(branch) && !isNullBranch(branch));
    if (kept.length === 1 && kept[0]) return described(queryParameterSchema(kept[0]));
  }
  return schema;
}

/** Drops the marker the api leaves for query parameters, wherever it is. */
export function withoutQueryMarkers(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutQueryMarkers);
  if (!schema || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema as JsonSchema)
      .filter(([key]) => key !== QUERY_SCHEMA_KEY)
      .map(([key, value]) => [key, withoutQueryMarkers(value)]),
  );
}
