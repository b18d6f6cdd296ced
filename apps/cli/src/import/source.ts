import { readFile } from 'node:fs/promises';
import { InputError } from '../errors.ts';
import type { CliIO } from '../io.ts';
import { decodeText } from './encoding.ts';

/** The file name that means standard input, as for cat, tar or psql. */
const STANDARD_INPUT = '-';

async function readBytes(file: string, io: CliIO): Promise<Uint8Array> {
  if (file === STANDARD_INPUT) return io.readStdin();
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : (code ?? String(error))}`);
  }
}

/** The text of the file to import ("-": standard input), in `encoding` or the one its bytes show. */
export async function readImportText(file: string, io: CliIO, encoding: string | undefined): Promise<string> {
  return decodeText(await readBytes(file, io), encoding);
}
