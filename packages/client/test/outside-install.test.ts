import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, dayFromNow, useTablebookServer } from './support/fixtures.ts';
import { assertBuilt, packageRoot } from './support/node-process.ts';
import { BAD_SCRIPTS, BAD_TSCONFIG, BROWSER_SCRIPT, BROWSER_TSCONFIG, GOOD_SCRIPT, GOOD_TSCONFIG } from './support/outside-scripts.ts';

// The package as an outsider gets it: packed (pnpm pack applies publishConfig, as pnpm publish does),
// installed with npm into a folder outside the workspace with TypeScript 5.9 and 7 (under an npm
// alias: both packages name their binary `tsc`), then a script typechecked, compiled and run on the
// Node that runs this suite, against the real server. dist/ comes from the build (turbo builds first).

interface Run {
  code: number | string;
  output: string;
}

/** The environment of someone else's shell: none of pnpm's variables from the run around this suite. */
const outsiderEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(npm_|pnpm_)/i.test(name)));

function run(command: string, args: readonly string[], cwd: string, timeoutMs = 120_000): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, [...args], { cwd, env: outsiderEnv, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (error.code ?? (error.killed ? 'timed out' : -1)) : 0;
      resolve({ code, output: `${stdout}${stderr}`.trim() });
    });
  });
}

/** What the outside install printed, for the summary at the end of the file. */
const record: string[] = [];
const note = (what: string, result: Run) => record.push(`$ ${what} (exit ${result.code})${result.output ? `\n${result.output}` : ''}`);

const TS5 = ['node_modules/typescript/bin/tsc'];
const TS7 = ['node_modules/ts7/bin/tsc'];

describe('@tablebook/client installed from its tarball outside the workspace', () => {
  const server = useTablebookServer();
  let folder = '';
  let tarball = '';

  /** The good script through both compilers, once: TypeScript 5.9 also writes out/good.js. */
  let goodChecks: Promise<[Run, Run]> | undefined;
  const checkGood = () => {
    goodChecks ??= Promise.all([
      run(process.execPath, [...TS5, '-p', 'tsconfig.json', '--pretty', 'false'], folder),
      run(process.execPath, [...TS7, '-p', 'tsconfig.json', '--pretty', 'false', '--noEmit'], folder),
    ]).then(([ts5, ts7]) => {
      note('tsc 5.9.3 -p tsconfig.json', ts5);
      note('tsc 7.0.2 -p tsconfig.json --noEmit', ts7);
      return [ts5, ts7];
    });
    return goodChecks;
  };

  /**
   * The browser script, type checks only, with TypeScript 7 alone: the libs it needs are the same for
   * 5.9 (checked by hand: 0 errors with them, the same three TS2304 without), whose run would add about
   * 4 s of CPU to each test run for nothing TypeScript 7's does not show.
   */
  let browserCheck: Promise<Run> | undefined;
  const checkBrowser = () => {
    browserCheck ??= run(process.execPath, [...TS7, '-p', 'tsconfig.browser.json', '--pretty', 'false'], folder).then((check) => {
      note('tsc 7.0.2 -p tsconfig.browser.json', check);
      return check;
    });
    return browserCheck;
  };

  beforeAll(async () => {
    assertBuilt();
    folder = mkdtempSync(join(tmpdir(), 'tablebook-client-outside-'));
    const packed = await run('pnpm', ['pack', '--pack-destination', folder], packageRoot);
    note('pnpm pack', { ...packed, output: packed.output.split('\n').slice(-1).join('') });
    expect(packed.code, packed.output).toBe(0);
    const [file] = readdirSync(folder).filter((name) => name.endsWith('.tgz'));
    expect(file, 'pnpm pack wrote no tarball').toBeDefined();
    tarball = join(folder, file ?? '');

    writeFileSync(
      join(folder, 'package.json'),
      JSON.stringify({
        name: 'tablebook-outside-install',
        private: true,
        type: 'module',
        dependencies: { '@tablebook/client': `file:./${file}` },
        devDependencies: { '@types/node': '20.19.43', typescript: '5.9.3', ts7: 'npm:typescript@7.0.2' },
      }),
    );
    writeFileSync(join(folder, 'good.ts'), GOOD_SCRIPT);
    writeFileSync(join(folder, 'tsconfig.json'), JSON.stringify(GOOD_TSCONFIG));
    writeFileSync(join(folder, 'browser.ts'), BROWSER_SCRIPT);
    writeFileSync(join(folder, 'tsconfig.browser.json'), JSON.stringify(BROWSER_TSCONFIG));
    for (const script of BAD_SCRIPTS) writeFileSync(join(folder, script.file), script.source);
    writeFileSync(join(folder, 'tsconfig.bad.json'), JSON.stringify(BAD_TSCONFIG));

    const installed = await run('npm', ['install', '--no-audit', '--no-fund'], folder, 180_000);
    note('npm install', installed);
    expect(installed.code, installed.output).toBe(0);
    // Started now (the good script's are read by two tests): the slowest step (TypeScript 5.9 reads every declaration) overlaps the first test.
    void checkGood();
    void checkBrowser();
  }, 240_000);

  afterAll(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
    console.log(`What the outside install printed:\n${record.join('\n')}`);
  });

  it('is a tarball publint and arethetypeswrong (esm-only) find no problems with', async () => {
    const [lint, types] = await Promise.all([
      run('pnpm', ['exec', 'publint', 'run', '--strict', tarball], packageRoot),
      run('pnpm', ['exec', 'attw', tarball, '--profile', 'esm-only', '--format', 'ascii', '--no-emoji', '--no-color'], packageRoot),
    ]);
    note('publint run --strict', lint);
    note('attw --profile esm-only', {
      ...types,
      output: types.output
        .split('\n')
        .filter((line) => /^(node|bundler)/.test(line))
        .join('\n'),
    });
    expect(lint, lint.output).toMatchObject({ code: 0, output: expect.stringContaining('All good!') });
    expect(types.code, types.output).toBe(0);
  });

  it('typechecks a script with skipLibCheck false, strict and NodeNext, with TypeScript 5.9 and 7', async () => {
    const [ts5, ts7] = await checkGood();
    expect(ts5).toEqual({ code: 0, output: '' });
    expect(ts7).toEqual({ code: 0, output: '' });
  });

  it('typechecks a browser script with the same settings and no Node types (types []), with TypeScript 7', async () => {
    expect(await checkBrowser()).toEqual({ code: 0, output: '' });
  });

  it('refuses a misspelt procedure, a wrong input type and a wrong reason, with TypeScript 5.9 and 7', async () => {
    const checks = await Promise.all(
      [TS5, TS7].map((tsc) => run(process.execPath, [...tsc, '-p', 'tsconfig.bad.json', '--pretty', 'false'], folder)),
    );
    for (const [index, check] of checks.entries()) {
      note(`tsc ${index === 0 ? '5.9.3' : '7.0.2'} -p tsconfig.bad.json`, check);
      expect(check.code, check.output).not.toBe(0);
      const errors = check.output.split('\n').filter((line) => line.includes(': error TS'));
      expect(errors, check.output).toHaveLength(BAD_SCRIPTS.length);
      for (const script of BAD_SCRIPTS) {
        const error = errors.find((line) => line.startsWith(`${script.file}(`));
        expect(error, `${script.file}:\n${check.output}`).toContain(`error ${script.code}:`);
        expect(error).toMatch(script.message);
      }
    }
  });

  it(`runs the compiled script on this Node (${process.version}) against a live server`, async () => {
    const [compiled] = await checkGood();
    expect(compiled.code, `out/good.js was not written:\n${compiled.output}`).toBe(0);
    const date = dayFromNow(2);
    const ran = await run(process.execPath, ['out/good.js', server().url, ADMIN_TOKEN, date], folder, 30_000);
    note(`node ${process.version} out/good.js`, ran);
    expect(ran.code, ran.output).toBe(0);
    const lines = ran.output.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'query: Leticia, Amazonas',
      `booking: table A1 on ${date}`,
      'refusal: TABLE_ALREADY_BOOKED (HTTP 409, refused)',
    ]);
    expect(lines[3]).toMatch(/^live: created table B2 \(event \d+, \d+ places left\)$/);
    expect(lines).toHaveLength(4);
  });
});
