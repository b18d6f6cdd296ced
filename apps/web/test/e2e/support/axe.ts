import axe from 'axe-core';
import type { AxeResults, Result, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * The rules the issue holds the app to: WCAG 2.0 and 2.1, levels A and AA (axe's tags for them), and two
 * of axe's best-practice rules about a page's structure, because the issue counts "the 404 page without a
 * main heading" among its axe findings: every page has a level-one heading and one main landmark.
 */
const RUN_OPTIONS = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  rules: { 'page-has-heading-one': { enabled: true }, 'landmark-one-main': { enabled: true } },
  // Only the failures come back over the wire: passes and inapplicable rules are most of the result's size.
  resultTypes: ['violations'],
} satisfies RunOptions;

type WindowWithAxe = Window & { axe?: typeof axe };

/**
 * axe-core's own source, evaluated in the page through the DevTools protocol: not a <script> tag, which
 * the server's Content-Security-Policy (no inline scripts) would refuse, and no browser download. Once per
 * document; a navigation gives the page a new one, so every run checks first.
 */
async function injectAxe(page: Page) {
  const present = await page.evaluate(() => typeof (window as WindowWithAxe).axe?.run === 'function');
  if (present) return;
  await page.evaluate(axe.source);
  // The app's ::before and ::after are decorations beside or around text (a table tile's chairs, a legend's
  // swatch, a phone table's column name), never a background behind it; axe would otherwise leave every
  // element that has one unmeasured ("incomplete"), the floor's tiles among them.
  await page.evaluate(() => {
    const engine = (window as WindowWithAxe).axe as typeof axe & { _audit: { checks: Record<string, { options: object }> } };
    // configure replaces a check's options: its defaults (the ratios, what counts as large text) are kept.
    const defaults = engine._audit.checks['color-contrast']!.options;
    engine.configure({ checks: [{ id: 'color-contrast', options: { ...defaults, ignorePseudo: true } }] });
  });
}

/**
 * Runs axe with every striped (repeating gradient) background painted in its stop of least contrast with the
 * element's text, then puts the stripes back. axe cannot measure text over a gradient and calls it
 * "incomplete", not a violation, which is how a taken table's seat text passed at 3.5:1 on its darker stripe.
 */
async function runAxeOnWorstStripes(options: RunOptions): Promise<AxeResults> {
  const channels = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
  const luminance = (css: string) => {
    const [r = 0, g = 0, b = 0] = channels(css).map((value) => {
      const c = value / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a: string, b: string) => {
    const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return (light + 0.05) / (dark + 0.05);
  };
  const restore: (() => void)[] = [];
  for (const element of document.querySelectorAll<HTMLElement>('body *')) {
    const style = getComputedStyle(element);
    if (!style.backgroundImage.includes('repeating-')) continue;
    // Translucent stops only tint what is behind them; the opaque ones are what text can sit on.
    const stops = (style.backgroundImage.match(/rgba?\([^)]*\)/g) ?? []).filter((stop) => (channels(stop)[3] ?? 1) === 1);
    if (stops.length === 0) continue;
    const worst = stops.reduce((a, b) => (contrast(b, style.color) < contrast(a, style.color) ? b : a));
    const { backgroundImage, backgroundColor } = element.style;
    element.style.backgroundImage = 'none';
    element.style.backgroundColor = worst;
    restore.push(() => {
      element.style.backgroundImage = backgroundImage;
      element.style.backgroundColor = backgroundColor;
    });
  }
  try {
    return await (window as WindowWithAxe).axe!.run(document, options);
  } finally {
    for (const undo of restore) undo();
  }
}

/** One rule's violation in a page: which rule, on how many elements, and a description a person can act on. */
export interface AxeViolation {
  rule: string;
  elements: number;
  /** The rule, its impact and what it asks, then each element's selector and what is wrong with it. */
  description: string;
}

const violationOf = (violation: Result): AxeViolation => ({
  rule: violation.id,
  elements: violation.nodes.length,
  description: [
    `${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help}`,
    ...violation.nodes.map((node) => `  ${node.target.join(' ')}: ${(node.failureSummary ?? '').replace(/\s*\n\s*/g, ' ')}`),
  ].join('\n'),
});

/**
 * Fails, naming every violation (rule, impact, elements), when axe-core finds any WCAG 2.1 A/AA violation
 * (or a page without its level-one heading or main landmark) in the page's current state; `label` says
 * which state it was. Soft, so one state's failures do not hide the next state's (the test still fails).
 * Returns what it found, for a test that reports counts.
 *
 *     await expectNoAxeViolations(page, 'timeline, en, 1280x800');
 */
export async function expectNoAxeViolations(page: Page, label: string): Promise<AxeViolation[]> {
  await injectAxe(page);
  const results = await page.evaluate(runAxeOnWorstStripes, RUN_OPTIONS as RunOptions);
  const violations = results.violations.map(violationOf);
  expect
    .soft(
      violations.map((violation) => violation.description),
      `axe-core (WCAG 2.1 A/AA) on ${label}`,
    )
    .toEqual([]);
  return violations;
}

/**
 * Text under `selector` whose contrast with its background, at its background's worst stripe, is below
 * `minimum`: for what axe does not measure, such as the floor's taken tiles (aria-disabled, so exempt
 * from axe's rule, yet their seats and "Taken" are what a guest reads). Each as "text: ratio".
 */
export function lowContrastText(page: Page, selector: string, minimum = 4.5): Promise<string[]> {
  return page.evaluate(
    ({ selector, minimum }) => {
      const channels = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
      const opaque = (css: string) => (channels(css)[3] ?? 1) === 1;
      const luminance = (css: string) => {
        const [r = 0, g = 0, b = 0] = channels(css).map((value) => {
          const c = value / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const contrast = (a: string, b: string) => {
        const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
        return (light + 0.05) / (dark + 0.05);
      };
      /** The colours text can sit on: the nearest opaque background, every opaque stop of its stripes. */
      const backgroundsOf = (element: Element | null): string[] => {
        for (let at = element; at; at = at.parentElement) {
          const style = getComputedStyle(at);
          const stops = (style.backgroundImage.match(/rgba?\([^)]*\)/g) ?? []).filter(opaque);
          const colours = [...stops, ...(opaque(style.backgroundColor) ? [style.backgroundColor] : [])];
          if (colours.length > 0) return colours;
        }
        return ['rgb(255, 255, 255)'];
      };
      const texts = [...document.querySelectorAll(selector)].flatMap((root) => [root, ...root.querySelectorAll('*')]);
      return texts
        .filter((element) => [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== ''))
        .filter((element) => !element.closest('.visually-hidden, [hidden]'))
        .map((element) => {
          const colour = getComputedStyle(element).color;
          const ratio = Math.min(...backgroundsOf(element).map((background) => contrast(colour, background)));
          return { text: element.textContent!.trim(), ratio };
        })
        .filter(({ ratio }) => ratio < minimum)
        .map(({ text, ratio }) => `${text}: ${ratio.toFixed(2)}`);
    },
    { selector, minimum },
  );
}
