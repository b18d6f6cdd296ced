import { UsageError } from './errors.ts';
import type { FlagValues, GlobalFlags } from './args/flags.ts';

const DEFAULT_URL = 'http://127.0.0.1:5000';

export interface ServerSettings {
  url: string;
  token: string | undefined;
}

/**
 * A token fit to be sent in an Authorization header: HTTP refuses line breaks and other control
 * characters there, and fetch would fail with a confusing "invalid header value" as if the server were
 * unreachable. Often a token read from a file, its line end kept, or two pasted lines.
 */
function checkToken(token: string, named: string): void {
  const fault = /[\r\n]/.test(token)
    ? 'a line break'
    : /\p{Cc}/u.test(token)
      ? 'a control character'
      : /[^\u0020-\u007e]/.test(token)
        ? 'a character that is not ASCII'
        : undefined;
  if (fault !== undefined)
    throw new UsageError(`${named} holds ${fault}, which an Authorization header cannot carry: give the token alone, as it was issued`);
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
  if (token !== undefined) checkToken(token, flags.token !== undefined ? 'the token (--token)' : 'the token in TABLEBOOK_TOKEN');
  return { url, token };
}
