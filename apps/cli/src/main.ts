#!/usr/bin/env node
import { runCli } from './cli.ts';
import { readAllStdin, readStdinLine } from './terminal-input.ts';

// A reader that stops early (`tablebook cities | head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

// exitCode rather than exit(): pending output is written out before the process ends.
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrIsTTY: process.stderr.isTTY === true,
  stdinIsTTY: process.stdin.isTTY === true,
  readStdin: readAllStdin,
  readLine: readStdinLine,
  env: process.env,
});
