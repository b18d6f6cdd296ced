import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium: browser downloads do not work here, so the system browser is driven instead. */
const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Flags for a quiet, sandbox-free headless run that talks to nothing but the test server. */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const chromiumAvailable = () => existsSync(CHROMIUM_PATH);

/**
 * Whether the browser suite runs. Without Chromium it is skipped with a loud warning, except under
 * CI=true, where a missing browser must fail the run (the suite then throws in its first test).
 */
export function shouldRunBrowserSuite(): boolean {
  if (chromiumAvailable()) return true;
  if (process.env['CI'] === 'true') return true;
  console.warn(
    [
      '',
      '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
      `!! No Chromium at ${CHROMIUM_PATH}: the web app's browser tests are SKIPPED.`,
      '!! Install it with `apt-get install chromium` (or set CHROMIUM_PATH).',
      '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
      '',
    ].join('\n'),
  );
  return false;
}

/**
 * Headless Chromium. `launch` gives it a fresh temporary profile (`--user-data-dir` under the
 * system temp directory) that Playwright deletes on close; passing that flag ourselves is refused.
 */
export async function launchChromium(): Promise<Browser> {
  if (!chromiumAvailable()) throw new Error(`Chromium is required for the browser tests but ${CHROMIUM_PATH} does not exist`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS, timeout: 30_000 });
}
