import { globalFlags, takesValue } from './flags.ts';
import { nearMiss } from './near-miss.ts';

/** The options that may come before a command: the global flags, and --version / -V (asked with no command). */
const LONG_OPTIONS = [...Object.keys(globalFlags), 'version'];
const SHORT_OPTIONS = ['-h', '-V'];

/**
 * The first option before the command that the tool does not know, said as parseArgs says one after a
 * command ("Unknown option '--bogus'"), with the option it likely meant: --versio → --version.
 * Values of global flags (`--url http://x`) are skipped; only the words before the first other word
 * (an unknown command) or a "--" are looked at.
 */
export function unknownGlobalOption(tokens: readonly string[]): string | undefined {
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as string;
    if (token === '--') return undefined;
    if (takesValue(token, globalFlags)) {
      index++;
      continue;
    }
    // A word: the (unknown) command, which is said first; what follows it is its own.
    if (!token.startsWith('-') || token === '-') return undefined;
    const name = token.startsWith('--') ? (token.slice(2).split('=')[0] as string) : undefined;
    if (name === undefined ? SHORT_OPTIONS.includes(token) : LONG_OPTIONS.includes(name)) continue;
    const meant = name === undefined ? undefined : nearMiss(name, LONG_OPTIONS);
    return `Unknown option '${token}'${meant === undefined ? '' : ` (did you mean --${meant}?)`}`;
  }
  return undefined;
}
