import { createInterface } from 'node:readline';

/** All of the process's standard input, as bytes. */
export async function readAllStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * One line of the process's standard input. Read without readline's terminal mode, so the terminal
 * stays as the person knows it: it echoes and edits the line itself, and Ctrl-C interrupts as usual.
 */
export function readStdinLine(): Promise<string | undefined> {
  return new Promise((resolve) => {
    const lines = createInterface({ input: process.stdin, terminal: false });
    let answered = false;
    lines.once('line', (line) => {
      answered = true;
      resolve(line);
      lines.close();
    });
    lines.once('close', () => {
      if (!answered) resolve(undefined);
    });
  });
}
