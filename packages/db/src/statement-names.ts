/**
 * Names for server-side prepared statements. An unnamed statement is parsed and planned on every
 * execution; for the booking path's larger statements (the day's load, the outbox and the event in one
 * CTE) planning was about 40% of the database's CPU per booking (bench/.scratch measurements in the
 * issue 19 note). A statement sent with a name is parsed once per connection and its plan can be reused.
 *
 * Names are handed out per distinct statement text, shared by every connection; past `MAX_NAMED`
 * distinct texts, further ones run unnamed, so neither this map nor any connection's set of prepared
 * statements grows without bound if some statement's text varies with its input.
 */
const MAX_NAMED = 1000;
const names = new Map<string, string>();

function statementName(text: string): string | undefined {
  const known = names.get(text);
  if (known !== undefined || names.size >= MAX_NAMED) return known;
  const name = `tb${names.size + 1}`;
  names.set(text, name);
  return name;
}

interface QueryConfigLike {
  text: string;
  values?: unknown[];
  name?: string;
}

/**
 * The query as node-postgres receives it, named when it has parameters (a statement without any is sent
 * with the simple protocol, and BEGIN/COMMIT need no plan).
 */
export function withStatementName(config: unknown, values: unknown): unknown {
  if (typeof config === 'string') {
    if (!Array.isArray(values) || values.length === 0) return config;
    const name = statementName(config);
    return name ? { text: config, values, name } : config;
  }
  if (config === null || typeof config !== 'object') return config;
  const query = config as QueryConfigLike;
  if (typeof query.text !== 'string' || query.name || !Array.isArray(query.values ?? values)) return config;
  if ((query.values ?? (values as unknown[])).length === 0) return config;
  const name = statementName(query.text);
  return name ? { ...query, name } : config;
}
