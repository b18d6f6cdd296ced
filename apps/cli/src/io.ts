/** Where a run of the command line reads its environment and writes its output; tests pass their own. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stderr is a terminal: progress is drawn in place there. */
  stderrIsTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
}
