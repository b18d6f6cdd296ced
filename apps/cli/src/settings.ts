import { UsageError } from './errors.ts';
import type { FlagValues, GlobalFlags } from './args/flags.ts';

const DEFAULT_URL = 'http://127.0.0.1:5000';

export interface ServerSettings {
  url: string;
  token: string | undefined;
}

/** The server to talk to: flags first, then TABLEBOOK_URL / TABLEBOOK_TOKEN, then the default URL. */
export function serverSettings(flags: FlagValues<GlobalFlags>, env: Readonly<Record<string, string | undefined>>): ServerSettings {
  const url = flags.url ?? (env['TABLEBOOK_URL'] || DEFAULT_URL);
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw new UsageError(`the server URL must be an http(s) URL, not "${url}"`);
  }
  const token = flags.token ?? (env['TABLEBOOK_TOKEN'] || undefined);
  return { url, token };
}
