/**
 * The one place the tests get the OpenAPI document from. When the document moves (to
 * apps/server/src/openapi/document.ts), only this import changes.
 */
import { buildOpenApiDocument } from '../../src/openapi/document.ts';

/** The document as plain JSON (OpenAPI 3.1.x, local `#/...` $refs only). */
export type OpenApiDocument = {
  openapi: string;
  servers?: { url: string }[];
  paths?: Record<string, Record<string, unknown>>;
  components?: Record<string, unknown>;
  [key: string]: unknown;
};

let cached: OpenApiDocument | undefined;

/** Built once per process; a deep, plain-JSON copy, so nothing the tests do can change the server's own. */
export function openApiDocument(): OpenApiDocument {
  cached ??= JSON.parse(JSON.stringify(buildOpenApiDocument())) as OpenApiDocument;
  return cached;
}
