/**
 * Issue 16, "Fast": the guest's first load on a throttled phone. The built app is served by the real
 * server (in-memory PGlite) and loaded in headless Chromium throttled through the DevTools protocol as
 * the issue asks: "562.5 ms latency, 180 KB/s down, CPU x4". It checks that "the guest's Find page
 * [is] usable (the city field takes input and results have rendered) in under 4 s" and that "the first
 * load's JavaScript [is] under 200 KiB compressed", counting the bytes Chromium actually received for
 * every script of the first load, headers included. A second visit takes the hashed assets from the
 * browser's cache without asking the server, and revalidates index.html.
 *
 * The page's first queries must go once, in the batch index.html's inline script sends while the
 * JavaScript is still on its way (apps/web/src/api/earlyCalls.ts), so that the first render is the
 * usable page; each load prints its waterfall (when each request was sent and finished).
 *
 * Measured with this file on the 2-core development machine (each run prints its figures), 12
 * restaurants: before issue 16 (JS and CSS uncompressed, max-age=0, every page in the first load)
 * first paint 5.7 s, usable 6.8-6.9 s, 652 KiB of JS. With precompressed brotli, the host pages lazy
 * and the API's JSON compressed: usable 3.5-4.0 s (median of three; 3.96 s at load average 5), first
 * paint 2.8-3.1 s, 176 KiB of JS in 6 files, the API's round trip only after React's first render.
 * With the early start, the day and cancel pages lazy and zod out of the first load: usable 2.5-2.9 s
 * (medians while other helpers' test runs held the load average at 6-10), first paint (now the
 * usable page itself) 2.7-3.3 s, 143 KiB of JS in 4 files; a second visit 1.5-1.8 s. What remains is
 * the transfer (the last script's byte at about 2.2 s: 0.6 s for the HTML, 0.56 s of latency, 0.95 s
 * for 160 KB at 180 KB/s) and the app's start at CPU x4 (0.4-0.7 s to evaluate and render, then
 * style and layout before the paint).
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, shouldRunBrowserSuite } from './support/chromium.ts';
import { startAppServer, type AppServer } from '../support/appServer.ts';

const ADMIN_TOKEN = 'perf-admin-token';

/**
 * DevTools' "Fast 3G" (the issue's figures): 562.5 ms added to every request, 180 KB/s down (taken
 * as 180,000 bytes a second, the smaller reading of "KB"), 84,375 bytes a second up, and a CPU four
 * times slower than this machine's.
 */
const THROTTLED_NETWORK = { offline: false, latency: 562.5, downloadThroughput: 180_000, uploadThroughput: 84_375 };
const CPU_SLOWDOWN = 4;

const USABLE_WITHIN_MS = 4_000;
const FIRST_LOAD_JS_LIMIT_BYTES = 200 * 1024;

/** Enough restaurants to fill the results with cards, fewer than a page, so every one must render. */
const RESTAURANTS = [
  'Andrés Carne de Res',
  'Casa Sabor',
  'Donde Fidel',
  'El Cielo',
  'Harry Sasson',
  'La Cevichería',
  'Leo Cocina',
  'Mini-Mal',
  'Osaka Bogotá',
  'Prudencia',
  'Restaurante Club Colombia',
  'Salvo Patria',
];

interface Transfer {
  url: string;
  type: string;
  status: number;
  /** The Content-Encoding the server answered with, if any. */
  encoding: string | undefined;
  cacheControl: string | undefined;
  /** Bytes received from the network, headers included; 0 when the browser's cache answered. */
  bytes: number;
  fromCache: boolean;
  /** The request's headers as sent (a revalidation carries If-None-Match). */
  sent: Record<string, string>;
  /** The status the server sent (304 to a revalidation, which the page sees as the cached 200). */
  wireStatus: number | undefined;
  /** Which navigation of the page sent it (1 for the first), and when it was sent and its last byte */
  /** arrived, in ms since that navigation's request. */
  visit: number;
  startedMs: number;
  finishedMs: number | undefined;
}

/** Every response the page received, as Chromium's network domain reports it. */
async function recordTransfers(cdp: CDPSession) {
  const transfers = new Map<string, Transfer>();
  // Announced before the response itself.
  const servedFromCache = new Set<string>();
  const sentHeaders = new Map<string, Record<string, string>>();
  const wireStatus = new Map<string, number>();
  // CDP timestamps are seconds on one clock: each request's start, and the page's first request's.
  const sentAt = new Map<string, { timestamp: number; visit: number }>();
  let visit = 0;
  let visitStartedAt = 0;
  const sinceVisit = (timestamp: number) => Math.round((timestamp - visitStartedAt) * 1000);
  cdp.on('Network.requestWillBeSent', ({ requestId, timestamp, type }) => {
    if (type === 'Document') {
      visit += 1;
      visitStartedAt = timestamp;
    }
    sentAt.set(requestId, { timestamp, visit });
  });
  cdp.on('Network.requestServedFromCache', ({ requestId }) => servedFromCache.add(requestId));
  cdp.on('Network.requestWillBeSentExtraInfo', ({ requestId, headers }) => sentHeaders.set(requestId, headers as Record<string, string>));
  cdp.on('Network.responseReceivedExtraInfo', ({ requestId, statusCode }) => wireStatus.set(requestId, statusCode));
  cdp.on('Network.responseReceived', ({ requestId, type, response }) => {
    const header = (name: string) =>
      Object.entries(response.headers).find(([key]) => key.toLowerCase() === name)?.[1] as string | undefined;
    transfers.set(requestId, {
      url: response.url,
      type,
      status: response.status,
      encoding: header('content-encoding'),
      cacheControl: header('cache-control'),
      bytes: 0,
      fromCache: servedFromCache.has(requestId) || Boolean(response.fromDiskCache || response.fromPrefetchCache),
      sent: sentHeaders.get(requestId) ?? {},
      wireStatus: wireStatus.get(requestId),
      visit: sentAt.get(requestId)?.visit ?? visit,
      startedMs: sinceVisit(sentAt.get(requestId)?.timestamp ?? visitStartedAt),
      finishedMs: undefined,
    });
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength, timestamp }) => {
    const known = transfers.get(requestId);
    if (!known) return;
    known.bytes = encodedDataLength;
    known.finishedMs = sinceVisit(timestamp);
    // The raw headers may come after the response itself.
    known.wireStatus ??= wireStatus.get(requestId);
  });
  await cdp.send('Network.enable');
  return () => [...transfers.values()];
}

/**
 * Installed before the page's own scripts: resolves with the time since navigation started at which
 * the city field was first enabled (it waits for the cities) while every restaurant's name had
 * rendered in the results. A MutationObserver sees the first frame it holds in, with no polling.
 */
function watchForUsable({ cityLabel, names }: { cityLabel: string; names: string[] }) {
  const isUsable = () => {
    const label = [...document.querySelectorAll('label')].find((candidate) => candidate.textContent?.trim() === cityLabel);
    const city = label?.control;
    const main = document.querySelector('main');
    return Boolean(city && !(city as HTMLInputElement).disabled && main && names.every((name) => main.textContent?.includes(name)));
  };
  (window as unknown as { usableAt: Promise<number> }).usableAt = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!isUsable()) return;
      observer.disconnect();
      resolve(performance.now());
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

/**
 * The phone: a fresh context (an empty cache) at 390x844, throttled. Not openPage's context: its
 * request routing turns Chromium's HTTP cache off, and the second visit is about that cache. The
 * restaurants' photos (https://example.com, not reachable here) are blocked by the browser instead.
 */
async function openThrottledPage(browser: Browser, baseUrl: string) {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'en-US',
    timezoneId: 'America/Bogota',
    viewport: { width: 390, height: 844 },
  });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) problems.push(message.text());
  });
  const cdp = await context.newCDPSession(page);
  const transfers = await recordTransfers(cdp);
  await cdp.send('Network.setBlockedURLs', { urls: ['https://*'] });
  await cdp.send('Network.emulateNetworkConditions', THROTTLED_NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return { context, page, problems, transfers };
}

/** How long a throttled load may take before the test says so, rather than waiting out its own timeout. */
const GIVE_UP_MS = 30_000;

/** The time since navigation started at which the page became usable (watchForUsable). */
const usableAt = (page: Page) =>
  page.evaluate(
    (giveUpMs) =>
      Promise.race([
        (window as unknown as { usableAt: Promise<number> }).usableAt,
        new Promise<never>((_, reject) =>
          setTimeout(
            () => reject(new Error(`not usable within ${giveUpMs} ms: ${document.querySelector('main')?.textContent?.slice(0, 300)}`)),
            giveUpMs,
          ),
        ),
      ]),
    GIVE_UP_MS,
  );

/**
 * First contentful paint, waited for: when the first render is already the usable page, the paint
 * comes a frame after the DOM that watchForUsable sees, so the entry may not exist yet.
 */
const firstPaintAt = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((entries, observer) => {
          const paint = entries.getEntriesByName('first-contentful-paint')[0];
          if (!paint) return;
          observer.disconnect();
          resolve(paint.startTime);
        }).observe({ type: 'paint', buffered: true });
      }),
  );

/** The Find page's first queries (the city list, the results' first page), in whatever batch they went. */
const isFirstQuery = (transfer: Transfer) => /(^|[,/])(city\.list|guest\.restaurants)(,|$)/.test(new URL(transfer.url).pathname);

/**
 * The page's first queries: the Find page's list and cities asked before its live stream opened. Once
 * the stream has opened, the list answered before then (the early answer) is read again once, to catch a
 * booking made in between (features/find/liveResults.ts, "live gap"): that read is not a first query,
 * and comes whenever the stream's first answer arrives, within the measured load or after it.
 */
function firstQueriesOf(transfers: Transfer[]) {
  const streamAt = transfers.find((transfer) => new URL(transfer.url).pathname.includes('guest.onDayChange'))?.startedMs;
  const queries = transfers.filter(isFirstQuery);
  const before = streamAt === undefined ? queries : queries.filter((query) => query.startedMs < streamAt);
  const after = queries.filter((query) => !before.includes(query));
  return { first: before, reread: after.map((query) => new URL(query.url).pathname) };
}

/** One line per request of interest: when it was sent and finished, its size, its path. */
const waterfall = (transfers: Transfer[]) =>
  transfers
    .filter((transfer) => transfer.url.startsWith('http://'))
    .map((transfer) => {
      const { pathname, search } = new URL(transfer.url);
      const what = `${pathname}${search}`.slice(0, 70);
      return `  ${String(transfer.startedMs).padStart(5)} -> ${String(transfer.finishedMs ?? '…').padStart(5)} ms ${kib(transfer.bytes).padStart(9)} ${what}`;
    })
    .join('\n');

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const isScript = (transfer: Transfer) => transfer.type === 'Script' || new URL(transfer.url).pathname.endsWith('.js');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

type ThrottledPage = Awaited<ReturnType<typeof openThrottledPage>>;
interface FirstLoad extends ThrottledPage {
  usableMs: number;
  firstPaintMs: number;
  /** What had been received when the page became usable: the first load itself. */
  untilUsable: Transfer[];
}

describe.skipIf(!shouldRunBrowserSuite())("the guest's first load, throttled like a phone on Fast 3G", () => {
  let server: AppServer;
  let browser: Browser;
  /** The last first load's phone, kept open for the second visit. */
  let phone: FirstLoad | undefined;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer({ webApp: true, adminTokens: [ADMIN_TOKEN] }), launchChromium()]);
    const cities = await Promise.all(['Bogotá', 'Medellín', 'Cartagena'].map((search) => server.api.city.list.query({ search })));
    const cityIds = cities.map((found) => found[0]!.id);
    for (const [index, name] of RESTAURANTS.entries()) {
      await server.api.restaurant.create.mutate({
        name,
        address: `Calle ${10 + index} # 5-51`,
        description: 'Cocina de mercado, platos de temporada y una carta de vinos colombianos.',
        photoUrl: `https://example.com/photos/${index}.jpg`,
        cityId: cityIds[index % cityIds.length]!,
      });
    }
  });

  afterAll(async () => {
    await phone?.context.close();
    await browser?.close();
    await server?.stop();
  });

  /** Find a table opened on a phone that has never seen it, until it is usable and its city field has worked. */
  async function firstLoad(): Promise<FirstLoad> {
    const opened = await openThrottledPage(browser, server.url);
    const { page } = opened;
    await page.addInitScript(watchForUsable, { cityLabel: 'City', names: RESTAURANTS });
    await page.goto('/', { waitUntil: 'commit', timeout: 30_000 });
    const usableMs = await usableAt(page);
    const untilUsable = opened.transfers();
    const firstPaintMs = await firstPaintAt(page);
    // Usable means it: the city field takes what is typed and offers the matching city.
    await page.getByRole('combobox', { name: 'City' }).fill('Medell');
    await page.getByRole('option', { name: 'Medellín', exact: true }).waitFor();
    await page.waitForLoadState('load');
    return { ...opened, usableMs, firstPaintMs, untilUsable };
  }

  it('is usable in under 4 s, with under 200 KiB of compressed JavaScript, every asset compressed', { timeout: 180_000 }, async () => {
    // The median of three first loads, each in a fresh context: other test files share this machine's
    // two cores, and one load slowed by them should not decide alone. Every load is printed.
    const loads: FirstLoad[] = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      if (phone) await phone.context.close();
      const load = await firstLoad();
      phone = load;
      loads.push(load);
      // The first load's scripts: those the page became usable with. After it, once the browser is
      // idle, the day page's code is fetched ahead (app/router.tsx), printed on its own.
      const scripts = load.untilUsable.filter(isScript);
      const later = load.transfers().filter((transfer) => isScript(transfer) && !scripts.some((script) => script.url === transfer.url));
      const styles = load.untilUsable.filter((transfer) => transfer.type === 'Stylesheet');
      const scriptBytes = scripts.reduce((sum, script) => sum + script.bytes, 0);
      console.info(
        [
          `Find page, throttled, load ${attempt + 1}: first paint ${Math.round(load.firstPaintMs)} ms, usable ${Math.round(load.usableMs)} ms`,
          `first-load JavaScript ${kib(scriptBytes)} in ${scripts.length} files (${scripts.map((s) => `${new URL(s.url).pathname} ${s.encoding ?? 'identity'} ${kib(s.bytes)}`).join(', ')})`,
          `CSS ${kib(styles.reduce((sum, style) => sum + style.bytes, 0))} (${styles.map((s) => s.encoding ?? 'identity').join(', ')})`,
          `after it, fetched ahead: ${kib(later.reduce((sum, script) => sum + script.bytes, 0))} in ${later.length} files`,
          waterfall(load.transfers()),
        ].join('\n'),
      );

      expect(scripts.length).toBeGreaterThan(0);
      expect(scriptBytes).toBeLessThan(FIRST_LOAD_JS_LIMIT_BYTES);
      // None of the host pages' code is fetched for a guest, not even ahead.
      expect(
        load
          .transfers()
          .filter(isScript)
          .map((script) => new URL(script.url).pathname)
          .join(' '),
      ).not.toMatch(/Manage|Reservations|Timeline|Settings/);
      for (const asset of [...scripts, ...later, ...styles]) {
        expect(asset.encoding, asset.url).toMatch(/^(br|gzip)$/);
        expect(asset.cacheControl, asset.url).toBe('public, max-age=31536000, immutable');
      }
      expect(load.problems).toEqual([]);
      // The page's first queries went once, in the batch index.html's inline script sent while the
      // JavaScript was still arriving (apps/web/src/api/earlyCalls.ts), and the page used its answers.
      const { first: firstQueries, reread } = firstQueriesOf(load.transfers());
      expect(firstQueries.map((query) => new URL(query.url).pathname)).toEqual(['/trpc/city.list,guest.restaurants']);
      // At most the list once more, after the stream opened (none when its answer came after the measure).
      expect(reread.length).toBeLessThanOrEqual(1);
      expect(reread.every((path) => path === '/trpc/guest.restaurants')).toBe(true);
      expect(firstQueries[0]!.startedMs).toBeLessThan(Math.min(...scripts.map((script) => script.finishedMs ?? Number.POSITIVE_INFINITY)));
    }
    const usable = median(loads.map((load) => load.usableMs));
    console.info(
      `Find page, throttled: median usable ${Math.round(usable)} ms, median first paint ${Math.round(median(loads.map((load) => load.firstPaintMs)))} ms`,
    );
    expect(usable).toBeLessThan(USABLE_WITHIN_MS);
  });

  it('comes back with the hashed assets from the cache and index.html revalidated', async () => {
    if (!phone) throw new Error('the first load did not run');
    const { page, transfers } = phone;
    const firstVisit = transfers();
    await page.goto('/', { waitUntil: 'commit', timeout: 30_000 });
    const usableMs = await usableAt(page);
    await page.waitForLoadState('load');
    const again = transfers().filter((transfer) => transfer.visit === 2);
    const document = again.find((transfer) => transfer.type === 'Document');
    console.info(
      `Find page again, throttled: usable ${Math.round(usableMs)} ms; index.html ${document?.wireStatus}, ${document?.bytes} bytes\n${waterfall(again)}`,
    );

    expect(document?.cacheControl).toBe('no-cache');
    // Revalidated: asked with its ETag, answered 304 Not Modified.
    expect(document?.sent['If-None-Match'] ?? document?.sent['if-none-match']).toBeTruthy();
    expect(document?.wireStatus).toBe(304);
    // Immutable: every asset the first visit received in full, the browser does not even ask for again,
    // so no byte of it crosses the network; the first load's scripts and CSS are all among them. (The
    // day page's code, fetched ahead once the first visit was idle, may not have arrived by then.)
    const received = new Set(firstVisit.filter((transfer) => transfer.finishedMs !== undefined).map((transfer) => transfer.url));
    const assets = again.filter((transfer) => new URL(transfer.url).pathname.startsWith('/assets/') && received.has(transfer.url));
    const firstLoadAssets = phone.untilUsable.filter((transfer) => new URL(transfer.url).pathname.startsWith('/assets/'));
    expect(firstLoadAssets.length).toBeGreaterThan(0);
    expect(assets.map((asset) => asset.url)).toEqual(expect.arrayContaining(firstLoadAssets.map((asset) => asset.url)));
    for (const asset of assets)
      expect({ url: asset.url, fromCache: asset.fromCache, bytes: asset.bytes }).toEqual({ url: asset.url, fromCache: true, bytes: 0 });
    expect(usableMs).toBeLessThan(USABLE_WITHIN_MS);
    expect(phone.problems).toEqual([]);
    // The scripts come from the cache before the early call's answer: the page waits for that call
    // rather than asking again.
    const { first, reread } = firstQueriesOf(again);
    expect(first.map((query) => new URL(query.url).pathname)).toEqual(['/trpc/city.list,guest.restaurants']);
    expect(reread.length).toBeLessThanOrEqual(1);
    expect(reread.every((path) => path === '/trpc/guest.restaurants')).toBe(true);
  });
});
