import { createHash } from 'node:crypto';

/**
 * index.html's inline scripts, as Content-Security-Policy sources: `'sha256-<base64>'` of each one's
 * text, exactly as written between its tags. The web app's build puts one there (the early start of
 * the Find page's API calls, apps/web/vite-plugins/earlyStart.ts); `script-src 'self'` alone would
 * block it. Scripts with a src are the policy's 'self' already.
 */
export function inlineScriptSources(html: string): string[] {
  const sources: string[] = [];
  for (const [, attributes = '', text = ''] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (/\bsrc\s*=/i.test(attributes) || text.trim() === '') continue;
    sources.push(`'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`);
  }
  return sources;
}

/**
 * The policy with these sources added to script-src. Without a script-src, scripts follow default-src,
 * so the new script-src starts from it; with neither, scripts are not restricted and nothing is added.
 */
export function withScriptSources(policy: string, sources: readonly string[]): string {
  if (sources.length === 0) return policy;
  const directives = policy
    .split(';')
    .map((directive) => directive.trim())
    .filter(Boolean);
  const nameOf = (directive: string) => directive.split(/\s+/)[0]?.toLowerCase();
  const scriptSrc = directives.findIndex((directive) => nameOf(directive) === 'script-src');
  if (scriptSrc >= 0) {
    directives[scriptSrc] = `${directives[scriptSrc]} ${sources.join(' ')}`;
    return directives.join(';');
  }
  const defaultSrc = directives.find((directive) => nameOf(directive) === 'default-src');
  if (!defaultSrc) return policy;
  return [...directives, `script-src ${defaultSrc.split(/\s+/).slice(1).join(' ')} ${sources.join(' ')}`].join(';');
}
