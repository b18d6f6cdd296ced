#!/usr/bin/env node
// Entry point of `npm start`, `npm test`, `npm run bench` and `npm run dev` on a machine that has
// only Node.js and npm: installs the pinned pnpm into ./.tools when it is missing, installs the
// workspace, then runs the matching workspace script with pnpm.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const pnpmVersion = manifest.packageManager.replace(/^pnpm@/, '');
const task = process.argv[2];
const tasks = { start: 'serve:built', test: 'test:all', bench: 'bench:run', dev: 'dev:all' };

if (!tasks[task]) {
  console.error(`usage: node scripts/bootstrap.mjs ${Object.keys(tasks).join('|')}`);
  process.exit(2);
}
const [major, minor] = process.versions.node.split('.').map(Number);
// package.json's engines: 20.19+, 22.12+ or 24+ (the lines that load ES modules with require()).
if (major < 20 || (major === 20 && minor < 19) || major === 21 || (major === 22 && minor < 12) || major === 23) {
  console.error(`Tablebook needs Node.js 24 (recommended), 22.12 or newer, or 20.19 or newer; this is ${process.versions.node}.`);
  process.exit(1);
}

const localPrefix = join(root, '.tools', 'pnpm');
const localBin = process.platform === 'win32' ? localPrefix : join(localPrefix, 'bin');
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' };

function pnpmVersionOn(path) {
  const result = spawnSync('pnpm', ['--version'], { env: { ...env, PATH: path }, encoding: 'utf8', shell: process.platform === 'win32' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env, cwd: root, shell: process.platform === 'win32', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

// Prefer ./.tools/pnpm, then a global pnpm of the pinned version, else install the pinned one locally.
const pathWithLocal = `${localBin}${delimiter}${env.PATH ?? ''}`;
if (existsSync(localBin) && pnpmVersionOn(pathWithLocal) === pnpmVersion) {
  env.PATH = pathWithLocal;
} else if (pnpmVersionOn(env.PATH ?? '') !== pnpmVersion) {
  console.log(`Installing pnpm ${pnpmVersion} into .tools/pnpm ...`);
  const status = run('npm', [
    'install',
    '--global',
    '--save-exact',
    '--no-fund',
    '--no-audit',
    '--prefix',
    localPrefix,
    `pnpm@${pnpmVersion}`,
  ]);
  if (status !== 0) process.exit(status);
  env.PATH = pathWithLocal;
}

const installStatus = run('pnpm', ['install', '--frozen-lockfile']);
if (installStatus !== 0) process.exit(installStatus);
process.exit(run('pnpm', ['run', tasks[task], ...process.argv.slice(3)]));
