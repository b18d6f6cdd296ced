import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { whyUnreadable } from '../src/import/source.ts';
import { runInProcess } from './support/run-cli.ts';

const systemError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('a file to import that cannot be read', () => {
  it('is said in words, the path first: a directory, a missing file (exit 1, before any request)', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'tablebook-import-'));
    // Nothing listens on port 9: had a request been sent, the exit code would be 3.
    const env = { TABLEBOOK_URL: 'http://127.0.0.1:9' };
    expect(await runInProcess(['import', directory], { env })).toEqual({
      code: 1,
      stdout: '',
      stderr: `tablebook: cannot read ${directory}: it is a directory, not a file\n`,
    });
    const missing = join(directory, 'none.csv');
    expect((await runInProcess(['import', missing], { env })).stderr).toBe(`tablebook: cannot read ${missing}: no such file\n`);
  });

  it('names permission and other system errors in words', () => {
    expect(whyUnreadable(systemError('EACCES', "EACCES: permission denied, open '/x'"))).toBe(
      'permission denied (this user may not read it)',
    );
    expect(whyUnreadable(systemError('EIO', 'EIO: i/o error, read'))).toBe('EIO (i/o error)');
  });
});
