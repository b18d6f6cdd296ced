import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.ts';
import { systemErrorWords } from '../output-failure.ts';
import type { CliIO } from '../io.ts';
import { decodeText } from './encoding.ts';

/** The file name that means standard input, as for cat, tar or psql. */
const STANDARD_INPUT = '-';

/** What a person is told for the usual reasons a file cannot be read; any other in the system's words, with its code. */
const UNREADABLE: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a directory, not a file',
  EACCES: 'permission denied (this user may not read it)',
  EPERM: 'permission denied (this user may not read it)',
  ENOTDIR: 'a part of the path is not a directory',
};

export const whyUnreadable = (error: NodeJS.ErrnoException): string =>
  UNREADABLE[error.code ?? ''] ?? (error.code === undefined ? error.message : `${error.code} (${systemErrorWords(error)})`);

async function readBytes(file: string, io: CliIO): Promise<Uint8Array> {
  if (file === STANDARD_INPUT) return io.readStdin();
  try {
    return await readFile(file);
  } catch (error) {
    throw new InputError(`cannot read ${file}: ${whyUnreadable(error as NodeJS.ErrnoException)}`);
  }
}

/** The text of the file to import ("-": standard input), in `encoding` or the one its bytes show. */
export async function readImportText(file: string, io: CliIO, encoding: string | undefined): Promise<string> {
  return decodeText(await readBytes(file, io), encoding);
}
