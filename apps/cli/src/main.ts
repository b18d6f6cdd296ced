#!/usr/bin/env node
import { jsonErrorsWanted, runCli } from './cli.ts';
import { ExitCode } from './exit-codes.ts';
import { outputFailureText } from './output-failure.ts';
import { readAllStdin, readStdinLine } from './terminal-input.ts';

const argv = process.argv.slice(2);

// A reader that stops early (`tablebook cities | head`) is not an error worth a message. Any other
// failure to write (a full disk, a closed terminal) is said in one line and exits 1: without these
// handlers Node would print the error's stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? ExitCode.success);
  // stderr may still be writable; if it is not, its own handler ends the process.
  process.stderr.write(outputFailureText(error, jsonErrorsWanted(argv)), () => process.exit(ExitCode.refusedOrInvalid));
});
process.stderr.on('error', (error: NodeJS.ErrnoException) => {
  // Nowhere is left to say it: the exit code does.
  process.exit(error.code === 'EPIPE' ? (process.exitCode ?? ExitCode.success) : ExitCode.refusedOrInvalid);
});

// exitCode rather than exit(): pending output is written out before the process ends.
process.exitCode = await runCli(argv, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrIsTTY: process.stderr.isTTY === true,
  stdinIsTTY: process.stdin.isTTY === true,
  readStdin: readAllStdin,
  readLine: readStdinLine,
  env: process.env,
});
