import type { CliIO } from './io.ts';

/** Whether a person is there to answer a question: a terminal to type on (stdin) and to read it on (stderr). */
export const canAsk = (io: CliIO) => io.stdinIsTTY && io.stderrIsTTY;

/**
 * Asks on stderr (stdout stays the command's output, --json's document), and is true only for "y" or
 * "yes" in any case: anything else, an empty line or the end of the input (Ctrl-D) is a no.
 */
export async function confirm(io: CliIO, question: string): Promise<boolean> {
  io.stderr(`${question} [y/N] `);
  const answer = await io.readLine();
  // Ctrl-D leaves the cursor after the question: the next line starts on a line of its own.
  if (answer === undefined) io.stderr('\n');
  return /^y(es)?$/i.test(answer?.trim() ?? '');
}
