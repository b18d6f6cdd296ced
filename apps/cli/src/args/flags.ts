import { parseArgs } from 'node:util';
import { UsageError } from '../errors.ts';
import { nearMiss } from './near-miss.ts';

interface FlagSpec {
  readonly type: 'string' | 'boolean';
  readonly description: string;
  readonly short?: string;
  /** Placeholder shown in help after the flag: `--date YYYY-MM-DD`. */
  readonly valueName?: string;
  readonly required?: boolean;
}

export type FlagSpecs = Readonly<Record<string, FlagSpec>>;

type FlagValue<S extends FlagSpec> = S['type'] extends 'boolean' ? boolean : string;

/** Parsed values: a required flag is always there (requireFlags checks), any other may be undefined. */
export type FlagValues<F extends FlagSpecs> = {
  readonly [K in keyof F]: F[K] extends { readonly required: true } ? FlagValue<F[K]> : FlagValue<F[K]> | undefined;
};

type AllRequired<F extends FlagSpecs> = { readonly [K in keyof F]: F[K] & { readonly required: true } };

/** Accepted by every command. */
export const globalFlags = {
  url: {
    type: 'string',
    valueName: 'URL',
    description: 'server URL (default: $TABLEBOOK_URL, else http://127.0.0.1:5000)',
  },
  token: { type: 'string', valueName: 'TOKEN', description: 'admin token (default: $TABLEBOOK_TOKEN)' },
  json: { type: 'boolean', description: "print the API's data as JSON, for scripts (and errors as JSON on stderr)" },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
} as const satisfies FlagSpecs;

export type GlobalFlags = typeof globalFlags;

/** The same flags, each marked required (a create needs what an update may leave out). */
export function requireAll<F extends FlagSpecs>(flags: F): AllRequired<F> {
  return Object.fromEntries(Object.entries(flags).map(([name, spec]) => [name, { ...spec, required: true }])) as AllRequired<F>;
}

export function takesValue(token: string, flags: FlagSpecs): boolean {
  if (!token.startsWith('--') || token.includes('=')) return false;
  return flags[token.slice(2)]?.type === 'string';
}

export interface ParsedLine<F extends FlagSpecs> {
  positionals: string[];
  flags: FlagValues<F>;
}

/**
 * The tokens with every value that starts with "-" joined to its flag. parseArgs refuses "--flag -5" as
 * ambiguous (it cannot tell a value from a forgotten one); a negative number is a value, since no flag
 * is named by a digit, and is left for the flag's own check to judge. Anything else starting with "-"
 * after a flag that takes a value is a usage error saying how to give such a value.
 */
function joinDashValues(tokens: readonly string[], flags: FlagSpecs): string[] {
  const joined: string[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as string;
    if (token === '--') return [...joined, ...tokens.slice(index)];
    const next = tokens[index + 1];
    if (!takesValue(token, flags) || next === undefined || !next.startsWith('-')) {
      joined.push(token);
    } else if (/^-\d/.test(next)) {
      joined.push(`${token}=${next}`);
      index++;
    } else {
      throw new UsageError(`${token} needs a value, not "${next}" (a value that starts with "-" is written ${token}=VALUE)`);
    }
  }
  return joined;
}

/** For parseArgs's "Unknown option '--dats'", the hint " (did you mean --date?)" when one is near. */
function meantOption(message: string, names: readonly string[]): string {
  const unknown = /^Unknown option '--([^'=]+)/.exec(message)?.[1];
  const meant = unknown === undefined ? undefined : nearMiss(unknown, names);
  return meant === undefined ? '' : ` (did you mean --${meant}?)`;
}

/**
 * Parses the words after the command name with node's parseArgs, keeping only the first sentence of
 * its messages ("Unknown option '--x'") so a usage error stays one line. Required flags are not yet
 * checked (the values' types say they are there): requireFlags does, after the caller has checked what
 * it must say first (a missing argument before a missing flag).
 */
export function readFlags<F extends FlagSpecs>(tokens: readonly string[], flags: F): ParsedLine<F> {
  const options = Object.fromEntries(
    Object.entries(flags).map(([name, spec]) => [name, spec.short ? { type: spec.type, short: spec.short } : { type: spec.type }]),
  );
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: joinDashValues(tokens, flags), options, strict: true, allowPositionals: true });
  } catch (error) {
    const message = error instanceof Error ? (error.message.split(/\.\s/)[0] ?? error.message) : String(error);
    throw new UsageError(`${message.replace(/\.$/, '')}${meantOption(message, Object.keys(flags))}`);
  }
  return { positionals: parsed.positionals, flags: parsed.values as FlagValues<F> };
}

/** A usage error naming every required flag the line lacks. */
export function requireFlags<F extends FlagSpecs>(flags: F, line: ParsedLine<F>): void {
  const missing = Object.entries(flags).filter(([name, spec]) => spec.required && line.flags[name] === undefined);
  if (missing.length > 0) throw new UsageError(`missing ${missing.map(([name]) => `--${name}`).join(', ')}`);
}

/** A whole number of at least 0, from a flag's text. */
export function parseCount(flag: string, text: string): number {
  if (!/^\d{1,9}$/.test(text.trim())) throw new UsageError(`--${flag} must be a whole number (0 or more), not "${text}"`);
  return Number(text.trim());
}
