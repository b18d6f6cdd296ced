import { takesBody, type RestOperation } from '@tablebook/api';
import { errorResponses, requestIdHeader, successContent } from './errors.ts';
import { acceptsEmptyString, jsonSchemaOf, queryParameterSchema, withoutQueryMarkers, type JsonSchema } from './json-schema.ts';

const HEADER_DESCRIPTIONS: Record<string, string> = {
  'Idempotency-Key':
    'Makes a retry safe: the same key and request replay the first answer (kept at least 24 hours); the same key with another request is 422 IDEMPOTENCY_KEY_REUSED.',
  'Last-Event-ID': 'Resume: every stored event after this id (kept 24 hours) is sent first, once. EventSource sends it on reconnect.',
};

interface Fields {
  properties: Record<string, JsonSchema>;
  required: Set<string>;
  /** Fields that travel in the path or a header; the rest go in the query or the body. */
  elsewhere: Set<string>;
  /** "At least one of these": branches that each require some field (an input's meta, for what a refinement checks). */
  anyOf: JsonSchema[] | undefined;
}

const pathNamesOf = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);

function inputFields(operation: RestOperation): Fields {
  const { contract } = operation;
  const schema = operation.input ? jsonSchemaOf(operation.input, 'input') : {};
  return {
    properties: (schema['properties'] ?? {}) as Record<string, JsonSchema>,
    required: new Set((schema['required'] ?? []) as string[]),
    elsewhere: new Set([
      ...pathNamesOf(contract.path).map((name) => contract.pathFields?.[name] ?? name),
      ...Object.values(contract.headers ?? {}),
    ]),
    anyOf: Array.isArray(schema['anyOf']) ? (schema['anyOf'] as JsonSchema[]) : undefined,
  };
}

/** What a path parameter identifies: `{reservationId}` a reservation, `/restaurants/{id}` a restaurant. */
function ownerOf(path: string, name: string): string {
  if (name !== 'id') return name.replace(/Id$/, '');
  const segments = path.split('/');
  const previous = segments[segments.indexOf(`{${name}}`) - 1] ?? 'resource';
  return previous.replace(/s$/, '');
}

/** The path, query and header parameters: each input field where it travels, with its bounds. */
function parameters(operation: RestOperation, fields: Fields) {
  const { contract } = operation;
  const fieldOf = (name: string) => contract.pathFields?.[name] ?? name;
  const path = pathNamesOf(contract.path).map((name) => ({
    name,
    in: 'path',
    required: true,
    description: `The ${ownerOf(contract.path, name)}'s id.`,
    schema: fields.properties[fieldOf(name)] ?? { type: 'string' },
  }));
  const headers = Object.entries(contract.headers ?? {}).map(([name, field]) => ({
    name,
    in: 'header',
    required: false,
    description: HEADER_DESCRIPTIONS[name] ?? name,
    schema: queryParameterSchema(fields.properties[field] ?? { type: 'string' }),
  }));
  const query = takesBody(contract)
    ? []
    : Object.entries(fields.properties)
        .filter(([name]) => !fields.elsewhere.has(name))
        .map(([name, field]) => ({ name, emptyIsAbsent: acceptsEmptyString(field), schema: queryParameterSchema(field) }))
        .map(({ name, emptyIsAbsent, schema: { description, ...schema } }) => ({
          name,
          in: 'query',
          required: fields.required.has(name),
          description: `${typeof description === 'string' ? description : name}${emptyIsAbsent ? ' An empty value counts as not given.' : ''}`,
          schema,
          ...(contract.example.request?.[name] !== undefined ? { example: contract.example.request[name] } : {}),
        }));
  return [...path, ...query, ...headers];
}

function requestBody(operation: RestOperation, fields: Fields) {
  if (!takesBody(operation.contract)) return {};
  const properties = Object.fromEntries(Object.entries(fields.properties).filter(([name]) => !fields.elsewhere.has(name)));
  const required = [...fields.required].filter((name) => !fields.elsewhere.has(name));
  const needsSome = required.length > 0 || fields.anyOf !== undefined;
  return {
    requestBody: {
      required: needsSome,
      description: needsSome ? 'A JSON object.' : 'Optional: no body (or an empty one) is the same as {}.',
      content: {
        'application/json': {
          schema: {
            type: 'object',
            properties,
            ...(required.length > 0 ? { required } : {}),
            ...(fields.anyOf ? { anyOf: fields.anyOf } : {}),
          },
          example: operation.contract.example.request ?? {},
        },
      },
    },
  };
}

function successResponse(operation: RestOperation) {
  const { contract } = operation;
  const status = String(contract.successStatus ?? 200);
  if (contract.stream) {
    const data = JSON.stringify(contract.example.response);
    return {
      [status]: {
        description: `The stream: each change is \`event: ${contract.stream.event}\`, \`id: <event id>\`, \`data: <JSON>\`; a \`: ping\` comment every 15 s keeps it open.`,
        headers: requestIdHeader,
        content: {
          'text/event-stream': {
            schema: { type: 'string', description: 'Server-sent events; each data line is one JSON event (x-event-data-schema).' },
            example: `retry: 2000\n: connected\n\nevent: ${contract.stream.event}\nid: 42\ndata: ${data}\n\n: ping\n\n`,
          },
        },
        'x-event-data-schema': jsonSchemaOf(contract.stream.item, 'output'),
      },
    };
  }
  const data = operation.output ? jsonSchemaOf(operation.output, 'output') : {};
  return {
    [status]: {
      description: contract.successMessage,
      headers: requestIdHeader,
      content: successContent(data, contract.successMessage, contract.example.response),
    },
  };
}

/** One operation of the document, entirely from the procedure's contract, schemas and reasons. */
export function operationObject(operation: RestOperation): Record<string, unknown> {
  const { contract } = operation;
  const fields = inputFields(operation);
  const params = parameters(operation, fields);
  return withoutQueryMarkers({
    operationId: contract.operationId ?? operation.procedure.replace(/\./g, '-'),
    tags: [contract.tag],
    summary: contract.summary,
    description: contract.description ?? contract.summary,
    security: operation.access === 'admin' ? [{ Authorization: [] }] : [],
    ...(params.length > 0 ? { parameters: params } : {}),
    ...requestBody(operation, fields),
    responses: { ...successResponse(operation), ...errorResponses(operation.reasons) },
  }) as Record<string, unknown>;
}
