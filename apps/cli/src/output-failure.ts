import { errorOutput } from './output/error-report.ts';

/**
 * What a system error says, without its code and call: Node writes "ENOSPC: no space left on device,
 * write", and a person reads "no space left on device".
 */
export function systemErrorWords(error: NodeJS.ErrnoException): string {
  const words = error.message.replace(/^[A-Z0-9_]+: /, '').replace(/, \w+(?: '.*')?$/, '');
  return words === '' ? error.message : words;
}

/**
 * What stderr says when stdout (or stderr) cannot be written, a full disk or a closed terminal: one
 * line, or with --json the error object (INTERNAL_ERROR: a fault of the tool's surroundings, not of
 * the command line nor of the API's answer). Never the stack trace Node prints for an unhandled error.
 */
export function outputFailureText(error: NodeJS.ErrnoException, json: boolean): string {
  const message = `cannot write the output: ${error.code ?? 'error'} (${systemErrorWords(error)})`;
  // The JSON report is the one every other failure gets; the line is said plainly, not as "unexpected".
  return json ? errorOutput(new Error(message), '', true) : `tablebook: ${message}\n`;
}
