import { describe, expect, it } from 'vitest';
import { splitCommandLine } from '../src/args/dispatch.ts';
import { type FlagSpecs, readFlags, requireFlags } from '../src/args/flags.ts';

/** What the command line does: read the flags, then require the required ones. */
function parseFlags<F extends FlagSpecs>(tokens: readonly string[], flags: F) {
  const line = readFlags(tokens, flags);
  requireFlags(flags, line);
  return line;
}
import { formatTables, parseTables } from '../src/args/tables.ts';
import { commands } from '../src/commands/index.ts';
import { UsageError } from '../src/errors.ts';
import { runInProcess } from './support/run-cli.ts';

describe('splitCommandLine', () => {
  it('finds the command words, letting global flags come first', () => {
    const line = splitCommandLine(['--url', 'http://x', '--json', 'restaurants', 'update', 'La Mar', '--name', 'B'], commands);
    expect(line.command?.path).toEqual(['restaurants', 'update']);
    expect(line.rest).toEqual(['--url', 'http://x', '--json', 'La Mar', '--name', 'B']);
  });

  it('stops at a group or an unknown word', () => {
    expect(splitCommandLine(['restaurants'], commands)).toMatchObject({ command: undefined, words: ['restaurants'], rest: [] });
    expect(splitCommandLine(['restaurant', 'list'], commands)).toMatchObject({
      command: undefined,
      words: [],
      rest: ['restaurant', 'list'],
    });
  });
});

describe('readFlags and requireFlags', () => {
  const flags = {
    date: { type: 'string', description: 'd', required: true },
    table: { type: 'string', description: 't', required: true },
    json: { type: 'boolean', description: 'j' },
  } as const;

  it('returns positionals and typed values', () => {
    expect(parseFlags(['La Mar', '--date=2030-01-01', '--table', 'A1', '--json'], flags)).toEqual({
      positionals: ['La Mar'],
      flags: { date: '2030-01-01', table: 'A1', json: true },
    });
  });

  it('turns parse problems into one-line usage errors', () => {
    expect(() => parseFlags(['--json'], flags)).toThrow('missing --date, --table');
    expect(() => parseFlags(['--date'], flags)).toThrow("Option '--date <value>' argument missing");
    expect(() => parseFlags(['--dates', 'x'], flags)).toThrow("Unknown option '--dates' (did you mean --date?)");
  });

  it('takes a negative number as a value, for its flag to judge, and says how to give another value starting with "-"', () => {
    expect(parseFlags(['--date', '-5', '--table', 'A1'], flags).flags).toEqual({ date: '-5', table: 'A1' });
    expect(() => parseFlags(['--date', '--json', '--table', 'A1'], flags)).toThrow(
      '--date needs a value, not "--json" (a value that starts with "-" is written --date=VALUE)',
    );
    expect(parseFlags(['--date=-x', '--table', 'A1'], flags).flags.date).toBe('-x');
  });
});

describe('runCli', () => {
  it('ignores the "--" a package script passes through before the command', async () => {
    const run = await runInProcess(['--', 'cities', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: tablebook cities');
  });

  it('prints the version after global flags, not reading their values as a command', async () => {
    const version = (await runInProcess(['--version'])).stdout;
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    for (const line of [
      ['--url', 'http://x', '--version'],
      ['--token', 'secret', '--json', '-V'],
      ['--url=http://x', '--version'],
    ]) {
      expect(await runInProcess(line)).toEqual({ code: 0, stdout: version, stderr: '' });
    }
    // A word that is not a flag's value is still an unknown command.
    const unknown = await runInProcess(['--url', 'http://x', 'nothing', '--version']);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toContain('unknown command "nothing"');
  });
});

describe('help', () => {
  it('is printed for every command without reaching any server', async () => {
    for (const command of commands) {
      const run = await runInProcess([...command.path, '--help'], { env: { TABLEBOOK_URL: 'http://127.0.0.1:9' } });
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`Usage: tablebook ${command.usage}`);
      for (const flag of Object.keys(command.flags)) expect(run.stdout).toContain(`--${flag}`);
    }
  });
});

describe('parseTables and formatTables', () => {
  it('reads LABEL:SEATS pairs (labels upper-cased) and writes them back the same way', () => {
    const tables = parseTables(' a0:4, A1 : 2,T:8');
    expect(tables).toEqual([
      { label: 'A0', seats: 4 },
      { label: 'A1', seats: 2 },
      { label: 'T', seats: 8 },
    ]);
    expect(formatTables(tables)).toBe('A0:4,A1:2,T:8');
  });

  it.each(['A0', 'A0:', 'A0:4,,A1:2', 'A0:four'])('refuses %j as a usage error', (text) => {
    expect(() => parseTables(text)).toThrow(UsageError);
  });
});

describe('a missing argument', () => {
  it('is said before a missing flag: tablebook book lacks its restaurant first', async () => {
    const run = await runInProcess(['book']);
    expect(run).toEqual({ code: 2, stdout: '', stderr: "tablebook: missing <restaurant> (see 'tablebook book --help')\n" });
    expect((await runInProcess(['book', 'La Mar'])).stderr).toContain('missing --date');
  });
});

describe('an unknown option before the command', () => {
  it('is a usage error naming it, with the option it likely meant, not "missing command"', async () => {
    const said = async (...args: string[]) => {
      const run = await runInProcess(args);
      expect(run).toMatchObject({ code: 2, stdout: '' });
      return run.stderr;
    };
    expect(await said('--bogus')).toBe("tablebook: Unknown option '--bogus' (see 'tablebook --help')\n");
    expect(await said('--versio')).toContain("Unknown option '--versio' (did you mean --version?)");
    expect(await said('--url', 'http://x', '--jsn', 'cities')).toContain("Unknown option '--jsn' (did you mean --json?)");
    expect(await said('-x')).toContain("Unknown option '-x'");
    expect(await said('restaurants', '--colour')).toContain("Unknown option '--colour'");
    // The unknown command is the first thing wrong; a flag's value is no option.
    expect(await said('nothing', '--bogus')).toContain('unknown command "nothing"');
    expect(await said('--token', '--x')).toContain('missing command');
  });
});

describe('a token that no HTTP header can carry', () => {
  it('is a usage error before any request, from --token or TABLEBOOK_TOKEN', async () => {
    // Nothing listens on port 9: a request sent would be exit 3, NETWORK_ERROR.
    const env = { TABLEBOOK_URL: 'http://127.0.0.1:9' };
    const flag = await runInProcess(['cities', '--token', 'a\nb'], { env });
    expect(flag).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "tablebook: the token (--token) holds a line break, which an Authorization header cannot carry: give the token alone, as it was issued (see 'tablebook cities --help')\n",
    });
    const fromEnv = await runInProcess(['cities'], { env: { ...env, TABLEBOOK_TOKEN: 'secret\t2' } });
    expect(fromEnv.code).toBe(2);
    expect(fromEnv.stderr).toContain('the token in TABLEBOOK_TOKEN holds a control character');
    expect((await runInProcess(['cities', '--token', 'clé'], { env })).stderr).toContain('a character that is not ASCII');
  });
});
