/**
 * Shared pieces of the tests of the built artefacts (test/dist/*.test.ts):
 * where the repo and dist/ are, headless Chromium through playwright-core
 * (the machine's own Chromium, never a downloaded one), and the page checks
 * they run. `npm test` builds first; run alone with `npm run build && npm run test:dist`.
 * Page code goes to Chromium as functions (Playwright evaluates strings with eval, which the
 * CSP tests' policies refuse); `preparePage` gives pages the no-op `__name` that tsx's
 * transpiled functions may call.
 */

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const repo = fileURLToPath(new URL('../..', import.meta.url));
export const IIFE = `${repo}dist/scaling-kit.min.js`;

/** Fails with one clear line when the bundles were not built. */
export function requireBuild(): void {
  for (const f of ['dist/scaling-kit.min.js', 'dist/esm/index.js', 'dist/cli.js', 'dist/custom-elements.json']) {
    if (!existsSync(`${repo}${f}`)) throw new Error(`${f} is missing: run \`npm run build\` first (npm test does)`);
  }
}

/** A script module of ours (no type declarations: .mjs), imported by path. */
export async function importScript<T>(relative: string): Promise<T> {
  const url: string = new URL(`../../${relative}`, import.meta.url).href;
  return (await import(url)) as T;
}

// Root needs --no-sandbox; the rest stop Chromium reaching for a closed network or GPU (toolchain.md).
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Headless Chromium at scripts/chrome.mjs's path; file:// pages may start Blob workers as usual. */
export async function launchChromium(): Promise<Browser> {
  const { findChrome } = await importScript<{ findChrome(): string }>('scripts/chrome.mjs');
  return chromium.launch({ executablePath: findChrome(), args: FLAGS });
}

/** Every request a page makes, by URL, from the first one on. */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

/** Console messages of a page, as "type: text". */
export function recordConsole(page: Page): string[] {
  const lines: string[] = [];
  page.on('console', (m) => lines.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => lines.push(`pageerror: ${e.message}`));
  return lines;
}

/** Every page gets tsx's `__name` helper as a no-op, before its own scripts. */
export async function preparePage(page: Page): Promise<void> {
  await page.addInitScript('window.__name = window.__name || ((f) => f);');
}

/**
 * Collects Content-Security-Policy violations from the start of every document (an init
 * script runs before the page's own, and is not subject to its policy).
 */
export async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(`
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || ''));
    });
  `);
}

export const violations = (page: Page): Promise<string[]> => page.evaluate(() => (window as { __violations?: string[] }).__violations ?? []);

/** What a test needs to know of one <scaling-*> element. */
export interface ElementState { tag: string; defined: boolean; drew: boolean; error: string; hasResult: boolean | null }

/** The state of every <scaling-*> element of a page (runs in the page). */
function elementStates(): ElementState[] {
  return Array.from(document.querySelectorAll('*')).filter((el) => el.localName.startsWith('scaling-')).map((el) => ({
    tag: el.localName,
    defined: !!customElements.get(el.localName),
    drew: !!el.shadowRoot?.querySelector('svg, table'),
    // Error boxes only: the warnings a fit gives about itself are alerts too, and belong on the page.
    error: Array.from(el.shadowRoot?.querySelectorAll('.error[role="alert"]') ?? [], (a) => a.textContent?.trim() ?? '').filter(Boolean).join(' | '),
    hasResult: 'result' in el ? (el as { result?: unknown }).result !== undefined : null,
  }));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until every <scaling-*> element has drawn (an SVG or a table, and its `result` when
 * it computes one) or shows an error. Polls with function evaluations: Playwright evaluates
 * strings with eval, which a page's CSP refuses.
 */
export async function settleElements(page: Page, timeoutMs = 60_000): Promise<ElementState[]> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const states = await page.evaluate(elementStates);
    if (states.length && states.every((e) => e.defined && (e.error || (e.drew && e.hasResult !== false)))) return states;
    if (Date.now() > end) throw new Error(`elements not drawn in ${timeoutMs / 1000} s: ${JSON.stringify(states)}`);
    await sleep(200);
  }
}

/** Waits until the IIFE has defined window.ScalingKit. */
export async function waitForBundle(page: Page, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await page.evaluate(() => typeof (window as { ScalingKit?: unknown }).ScalingKit === 'object'))) {
    if (Date.now() > end) throw new Error('window.ScalingKit never appeared');
    await sleep(100);
  }
}

/** A fit through window.ScalingKit in the page: the fields a test compares. */
export interface PageFit { engine: string; workers: number; status: string; diagnostics: string[]; objective: number; params: Record<string, number>; progress: number[][] }

/** Runs `ScalingKit.fit(demo runs, options)` in the page (the IIFE's global API), recording progress. */
export const fitInPage = (page: Page, options: Record<string, unknown>): Promise<PageFit> => page.evaluate(async (o) => {
  const kit = (window as unknown as { ScalingKit: typeof import('../../src/bundle.js') }).ScalingKit;
  const progress: number[][] = [];
  const r = await kit.fit(kit.demoRuns(), { ...o, onProgress: (d: number, t: number) => progress.push([d, t]) });
  return { engine: r.engine, workers: r.workers, status: r.status, diagnostics: r.diagnostics.map((d) => d.code), objective: r.objective, params: r.params as unknown as Record<string, number>, progress };
}, options);
