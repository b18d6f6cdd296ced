/** Where a run of the command line reads its environment and input and writes its output; tests pass their own. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stderr is a terminal: progress is drawn in place there. */
  stderrIsTTY: boolean;
  /** Whether stdin is a terminal: with stderr one too, a person is there to answer a question. */
  stdinIsTTY: boolean;
  /** All of standard input, as bytes (`import -`): its encoding is read like a file's. */
  readStdin(): Promise<Uint8Array>;
  /** The next line typed on standard input, without its line end; undefined at the end of the input. */
  readLine(): Promise<string | undefined>;
  env: Readonly<Record<string, string | undefined>>;
}
