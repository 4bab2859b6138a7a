/**
 * The main thread from a page's start to its first drawn chart (#16): a page
 * with one <scaling-curve> loading dist/scaling-kit.min.js, the same page
 * loading the curve's own file, and the demo article. Every task over 50 ms is caught by the Long Tasks API, observed
 * from an inline script that runs before the bundle is fetched (buffered, so
 * nothing before the observer is missed). Pages are served from memory by
 * Playwright's routing (no server, no network): the repository's files under
 * http://bench.invalid/.
 */

import { readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Browser } from 'playwright-core';

const ORIGIN = 'http://bench.invalid';
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.csv': 'text/csv', '.json': 'application/json', '.svg': 'image/svg+xml' };

const OBSERVER = `<script>window.__longTasks = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });</script>`;

export interface PageStart { longestMs: number; over50: number; drawnMs: number; elements: number }
/** The median of LOADS loads of a page (by its longest task), and the longest task over all of them. */
export interface PageLoads extends PageStart { worstMs: number; loads: number }

/** Loads of each page: one load's longest task moves by tens of ms on a shared 2-core machine. */
const LOADS = 3;

/** Whether every scaling-* element on the page has drawn an SVG chart, a table or its input form. */
const allDrawn = () => {
  const els = Array.from(document.querySelectorAll('*')).filter((e) => e.localName.startsWith('scaling-'));
  return els.length > 0 && els.every((e) => !!e.shadowRoot?.querySelector('svg.chart, table, [part~="data-input"], [role="alert"]'));
};

async function measure(browser: Browser, repo: string, path: string, html?: string): Promise<PageStart> {
  const page = await browser.newPage();
  try {
    await page.route(`${ORIGIN}/**`, (route) => {
      const url = new URL(route.request().url());
      if (html && url.pathname === path) return route.fulfill({ contentType: 'text/html', body: html });
      const file = join(repo, decodeURIComponent(url.pathname));
      // Outside the repository, missing, or a folder: not found (a folder would make readFileSync throw).
      if (!file.startsWith(repo) || !statSync(file, { throwIfNoEntry: false })?.isFile()) return route.fulfill({ status: 404, body: '' });
      let body: string | Buffer = readFileSync(file);
      // The observer goes in first, before any script of the page runs.
      if (extname(file) === '.html') body = body.toString('utf8').replace(/<head>/i, `<head>${OBSERVER}`);
      return route.fulfill({ contentType: TYPES[extname(file)] ?? 'application/octet-stream', body });
    });
    await page.goto(`${ORIGIN}${path}`);
    await page.waitForFunction(allDrawn, undefined, { timeout: 60_000, polling: 50 });
    const drawnMs = await page.evaluate(() => performance.now());
    await page.waitForTimeout(200); // long-task entries arrive asynchronously
    const tasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
    const elements = await page.evaluate(() => Array.from(document.querySelectorAll('*')).filter((e) => e.localName.startsWith('scaling-')).length);
    return { longestMs: tasks.reduce((m, t) => Math.max(m, t), 0), over50: tasks.length, drawnMs, elements };
  } finally {
    await page.close();
  }
}

export interface PageStarts { curve: PageLoads; curveFile: PageLoads; article: PageLoads }

/**
 * One <scaling-curve> loading the single file, the same loading its own element file
 * (dist/elements/scaling-curve.min.js), and the English article: the main thread from
 * navigation to every chart drawn.
 */
export async function measurePageStart(browser: Browser, repo: string): Promise<PageStarts> {
  const one = (script: string) => `<!doctype html><html><head>${OBSERVER}<meta charset="utf-8"></head><body>
<scaling-curve preset="hoffmann2022,besiroglu2024" x="C"></scaling-curve>
<script src="${script}"></script></body></html>`;
  const loads = async (path: string, html?: string): Promise<PageLoads> => {
    const all: PageStart[] = [];
    for (let k = 0; k < LOADS; k++) all.push(await measure(browser, repo, path, html));
    all.sort((a, b) => a.longestMs - b.longestMs);
    return { ...all[Math.floor(LOADS / 2)], worstMs: all[LOADS - 1].longestMs, loads: LOADS };
  };
  const curve = await loads('/bench-one-curve.html', one('/dist/scaling-kit.min.js'));
  const curveFile = await loads('/bench-one-curve-file.html', one('/dist/elements/scaling-curve.min.js'));
  const article = await loads('/demo/index.html');
  return { curve, curveFile, article };
}

/** The bench's lines for it. */
export function formatPageStart(r: PageStarts): string[] {
  const line = (what: string, p: PageLoads) =>
    `    ${what}: every chart drawn at ${p.drawnMs.toFixed(0)} ms; ${p.over50 === 0 ? 'no task over 50 ms' : `longest task ${p.longestMs.toFixed(0)} ms, ${p.over50} over 50 ms`} (goal: none over 50 ms); ${p.worstMs === 0 ? `none over 50 ms in any of ${p.loads} loads` : `longest task in ${p.loads} loads ${p.worstMs.toFixed(0)} ms`}`;
  return [
    `(l) page start: the main thread from navigation until every element has drawn (Long Tasks API), the median of ${LOADS} loads`,
    line('one <scaling-curve>, from dist/scaling-kit.min.js', r.curve),
    line('one <scaling-curve>, from dist/elements/scaling-curve.min.js', r.curveFile),
    line(`demo article, from dist/scaling-kit.min.js (${r.article.elements} elements)`, r.article),
  ];
}
