import { takesBody, type RestOperation } from '@tablebook/api';
import { errorResponses, requestIdHeader } from './errors.ts';
import { acceptsEmptyString, jsonSchemaOf, queryParameterSchema, withoutQueryMarkers, type JsonSchema } from './json-schema.ts';

const HEADER_DESCRIPTIONS: Record<string, string> = {
  'Idempotency-Key':
    'Makes a retry safe: the same key and request replay the first answer (kept at least 24 hours); the same key with another request is 422 IDEMPOTENCY_KEY_REUSED.',
  'Last-Event-ID': 'Resume: every stored event after this id (kept 24 hours) is sent first, once. EventSource sends it on reconnect.',
};

const successEnvelope = (data: JsonSchema): JsonSchema => ({
  type: 'object',
  required: ['status', 'message', 'data'],
  properties: { status: { type: 'string', const: 'success' }, message: { type: 'string' }, data },
});

interface Fields {
  properties: Record<string, JsonSchema>;
  required: Set<string>;
}

function inputFields(operation: RestOperation): Fields {
  const schema = operation.input ? jsonSchemaOf(operation.input, 'input') : {};
  return {
    properties: (schema['properties'] ?? {}) as Record<string, JsonSchema>,
    required: new Set((schema['required'] ?? []) as string[]),
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
function parameters(operation: RestOperation, fields: Fields, bodyFields: Set<string>) {
  const { contract } = operation;
  const pathNames = [...contract.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);
  const fieldOf = (name: string) => contract.pathFields?.[name] ?? name;
  const headerFields = new Map(Object.entries(contract.headers ?? {}));
  const taken = new Set([...pathNames.map(fieldOf), ...headerFields.values()]);
  const path = pathNames.map((name) => ({
    name,
    in: 'path',
    required: true,
    description: `The ${ownerOf(contract.path, name)}'s id.`,
    schema: fields.properties[fieldOf(name)] ?? { type: 'string' },
  }));
  const headers = [...headerFields].map(([name, field]) => ({
    name,
    in: 'header',
    required: false,
    description: HEADER_DESCRIPTIONS[name] ?? name,
    schema: queryParameterSchema(fields.properties[field] ?? { type: 'string' }),
  }));
  const query = takesBody(contract)
    ? []
    : Object.entries(fields.properties)
        .filter(([name]) => !taken.has(name))
        .map(([name, field]) => ({ name, emptyIsAbsent: acceptsEmptyString(field), schema: queryParameterSchema(field) }))
        .map(({ name, emptyIsAbsent, schema: { description, ...schema } }) => ({
          name,
          in: 'query',
          required: fields.required.has(name),
          description: `${typeof description === 'string' ? description : name}${emptyIsAbsent ? ' An empty value counts as not given.' : ''}`,
          schema,
          ...(contract.example.request?.[name] !== undefined ? { example: contract.example.request[name] } : {}),
        }));
  for (const name of Object.keys(fields.properties)) if (!taken.has(name)) bodyFields.add(name);
  return [...path, ...query, ...headers];
}

function requestBody(operation: RestOperation, fields: Fields, bodyFields: Set<string>) {
  if (!takesBody(operation.contract)) return {};
  const properties = Object.fromEntries(Object.entries(fields.properties).filter(([name]) => bodyFields.has(name)));
  const required = [...fields.required].filter((name) => bodyFields.has(name));
  return {
    requestBody: {
      required: required.length > 0,
      description: required.length > 0 ? 'A JSON object.' : 'Optional: no body (or an empty one) is the same as {}.',
      content: {
        'application/json': {
          schema: { type: 'object', properties, ...(required.length > 0 ? { required } : {}) },
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
      content: {
        'application/json': {
          schema: successEnvelope(data),
          example: { status: 'success', message: contract.successMessage, data: contract.example.response },
        },
      },
    },
  };
}

/** One operation of the document, entirely from the procedure's contract, schemas and reasons. */
export function operationObject(operation: RestOperation): Record<string, unknown> {
  const { contract } = operation;
  const fields = inputFields(operation);
  const bodyFields = new Set<string>();
  const params = parameters(operation, fields, bodyFields);
  return withoutQueryMarkers({
    operationId: contract.operationId ?? operation.procedure.replace(/\./g, '-'),
    tags: [contract.tag],
    summary: contract.summary,
    description: contract.description ?? contract.summary,
    security: operation.access === 'admin' ? [{ Authorization: [] }] : [],
    ...(params.length > 0 ? { parameters: params } : {}),
    ...requestBody(operation, fields, bodyFields),
    responses: { ...successResponse(operation), ...errorResponses(operation.reasons) },
  }) as Record<string, unknown>;
}
