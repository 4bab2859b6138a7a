// One file per element (dist/elements/scaling-<name>.min.js), as a blogger uses one: the file
// copied alone into an empty folder beside a page that uses its element, opened from disk
// (file://) in headless Chromium with the network off. Each draws, asks for nothing but the two
// files, defines its own tag and no other (and no global), and does not grow past its ceiling.
// Two element files and the all-in-one file on one page work together: each tag is defined once,
// by whichever file came first, and nothing complains.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext } from 'playwright-core';
import { IIFE, importScript, launchChromium, preparePage, recordConsole, recordRequests, repo, requireBuild, settleElements } from './helpers.js';

interface ElementSize { name: string; file: string; minified: number; gzip: number; budget: number }
const sizes = await importScript<{ elementSizes(): ElementSize[]; ELEMENT_BUDGETS_KB: Record<string, number> }>('scripts/build-sizes.mjs');

/**
 * Where each file stands now (gzip -9, KB); growth past it fails (lower it as a file shrinks).
 * Above issue #16's budgets (40 KB; fit and task 65 KB): the build prints each file against its
 * budget, and scripts/size-floor.mjs what the code alone weighs with every string emptied. The fit
 * and task files rose 1.2 KB with the bootstrap's scaled refits (105.7 → 106.9, 106.6 → 107.7).
 */
const CEILING_KB: Record<string, number> = { curve: 49.5, landscape: 42.5, isoflop: 50, calculator: 50, fit: 107.5, task: 108.5 };

const csv = (name: string) => readFileSync(join(repo, 'demo', 'data', name), 'utf8').trim();
const inline = (name: string) => `<script type="text/csv">\n${csv(name)}\n</script>`;

/** Each element as an author writes it with attributes and inline data only. */
const MARKUP: Record<string, string> = {
  curve: '<scaling-curve preset="hoffmann2022,besiroglu2024" x="N"></scaling-curve>',
  landscape: '<scaling-landscape law="besiroglu2024"></scaling-landscape>',
  isoflop: `<scaling-isoflop>${inline('isoflop.csv')}</scaling-isoflop>`,
  calculator: '<scaling-calculator laws="besiroglu2024,hoffmann2022"></scaling-calculator>',
  fit: `<scaling-fit>${inline('embed.csv')}</scaling-fit>`,
  task: `<scaling-task form="overtrained" loss="squared" holdout="2" columns="loss=loss_c4_val,metric=err_avg17">${inline('gadre2024-rpj-fit-set.csv')}</scaling-task>`,
};
const NAMES = Object.keys(MARKUP);

const page = (scripts: string[], body: string, lang = 'en') =>
  `<!doctype html>\n<html lang="${lang}"><meta charset="utf-8"><title>one element</title>\n${scripts.map((s) => `<script src="${s}"></script>`).join('\n')}\n${body}\n</html>`;

let browser: Browser;
let context: BrowserContext;
const folders: string[] = [];

before(async () => {
  requireBuild();
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 800, height: 900 } });
  await context.setOffline(true);
  await context.route(/^https?:/, (route) => route.abort('internetdisconnected'));
});

after(async () => {
  await browser?.close();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder holding `files` (paths under dist/, copied flat) and index.html. */
function folder(files: string[], html: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'scaling-kit-element-'));
  folders.push(dir);
  for (const f of files) copyFileSync(join(repo, f), join(dir, f.slice(f.lastIndexOf('/') + 1)));
  writeFileSync(join(dir, 'index.html'), html);
  return dir;
}

const local = (url: string) => url.startsWith('file:') || url.startsWith('blob:') || url.startsWith('data:');
const fileName = (f: string) => f.slice(f.lastIndexOf('/') + 1);

test('the build writes one file per element, each reported against its budget', () => {
  const rows = sizes.elementSizes();
  assert.deepEqual(rows.map((r) => r.name).sort(), [...NAMES].sort());
  for (const r of rows) {
    const bytes = readFileSync(join(repo, r.file));
    assert.equal(r.gzip, gzipSync(bytes, { level: 9 }).length);
    assert.equal(r.budget, sizes.ELEMENT_BUDGETS_KB[r.name]);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], `${r.file} starts with a UTF-8 byte-order mark`);
  }
});

for (const name of NAMES) {
  test(`dist/elements/scaling-${name}.min.js does not grow past ${CEILING_KB[name]} KB gzipped`, () => {
    const row = sizes.elementSizes().find((r) => r.name === name)!;
    assert.ok(row.gzip / 1024 <= CEILING_KB[name], `${(row.gzip / 1024).toFixed(1)} KB gzipped`);
  });

  for (const lang of ['en', 'zh']) {
    test(`scaling-${name}.min.js copied alone beside a page draws <scaling-${name}> from disk, offline (${lang})`, async () => {
      const file = `dist/elements/scaling-${name}.min.js`;
      const dir = folder([file], page([fileName(file)], MARKUP[name], lang));
      const tab = await context.newPage();
      await preparePage(tab);
      const requests = recordRequests(tab);
      const messages = recordConsole(tab);
      await tab.goto(pathToFileURL(join(dir, 'index.html')).href);
      const [state] = await settleElements(tab, 90_000);
      assert.equal(state.tag, `scaling-${name}`);
      assert.equal(state.error, '', `the element shows an error: ${state.error}`);
      assert.equal(state.drew, true);
      const defined = await tab.evaluate((names) => ({
        tags: names.filter((n) => customElements.get(`scaling-${n}`)),
        global: 'ScalingKit' in window,
      }), NAMES);
      assert.deepEqual(defined, { tags: [name], global: false }, 'only its own tag, and no global');
      const words = await tab.evaluate((tag) => document.querySelector(tag)?.shadowRoot?.textContent ?? '', `scaling-${name}`);
      assert.equal(/[\u4e00-\u9fff]/.test(words), lang === 'zh', `${lang === 'zh' ? 'Chinese' : 'English'} words: ${words.slice(0, 80)}`);
      if (name === 'fit' || name === 'task') {
        const engine = await tab.evaluate(() => (document.querySelector('scaling-fit, scaling-task') as HTMLElement & { result?: { engine?: string; lossFit?: { engine: string } } }).result);
        assert.notEqual(engine?.engine ?? engine?.lossFit?.engine, 'js', 'WebAssembly runs from the element file');
      }
      assert.deepEqual(requests.filter((u) => !local(u)), [], 'network requests');
      assert.deepEqual(requests.filter((u) => u.startsWith('file:')).map(fileName), ['index.html', fileName(file)]);
      assert.deepEqual(messages.filter((m) => m.startsWith('error') || m.startsWith('pageerror')), []);
      await tab.close();
    });
  }
}

test("an element's file carries the words, in both languages, of the errors its code can raise, and no others", async () => {
  const curve = readFileSync(join(repo, 'dist/elements/scaling-curve.min.js'), 'utf8');
  const fit = readFileSync(join(repo, 'dist/elements/scaling-fit.min.js'), 'utf8');
  // A law's own errors (src/i18n/error-words/law.ts), in English and Chinese, are in both files.
  for (const text of [curve, fit]) for (const words of ['expected one of N, D, C', '应为 N、D、C 之一']) assert.ok(text.includes(words), words);
  // The fitter's (fit.ts) are in the fit's file only; the isoFLOP analysis's (isoflop.ts) in the isoFLOP chart's only.
  const isoflopFile = readFileSync(join(repo, 'dist/elements/scaling-isoflop.min.js'), 'utf8');
  for (const words of ['beyond double precision (θ', '超出双精度范围（θ']) {
    assert.ok(fit.includes(words), `fit: ${words}`);
    assert.ok(!curve.includes(words) && !isoflopFile.includes(words), `curve, isoflop: ${words}`);
  }
  for (const words of ['isoFLOP analysis needs at least', 'isoFLOP 分析至少需要']) {
    assert.ok(isoflopFile.includes(words), `isoflop: ${words}`);
    assert.ok(!curve.includes(words) && !fit.includes(words), `curve, fit: ${words}`);
  }
  // And a Chinese page shows a law's error in Chinese from the curve's file alone.
  const law = JSON.stringify({ form: 'nope', params: {} }).replace(/"/g, '&quot;');
  const dir = folder(['dist/elements/scaling-curve.min.js'], page(['scaling-curve.min.js'], `<scaling-curve law="${law}"></scaling-curve>`, 'zh'));
  const tab = await context.newPage();
  await preparePage(tab);
  await tab.goto(pathToFileURL(join(dir, 'index.html')).href);
  const [state] = await settleElements(tab, 30_000);
  assert.match(state.error, /law\.form 无效：应为 chinchilla, .* 之一，实际为 nope/);
  await tab.close();
});

test('two element files and the all-in-one file on one page: every tag defined once, every element drawn, nothing logged', async () => {
  const files = ['dist/elements/scaling-curve.min.js', 'dist/elements/scaling-fit.min.js', IIFE.slice(repo.length)];
  const body = [MARKUP.curve, MARKUP.fit, MARKUP.landscape, MARKUP.curve.replace('x="N"', 'x="C"')].join('\n');
  const dir = folder(files, page(files.map(fileName), body));
  const tab = await context.newPage();
  await preparePage(tab);
  const messages = recordConsole(tab);
  await tab.goto(pathToFileURL(join(dir, 'index.html')).href);
  const states = await settleElements(tab, 90_000);
  assert.deepEqual(states.map((s) => s.tag), ['scaling-curve', 'scaling-fit', 'scaling-landscape', 'scaling-curve']);
  for (const s of states) {
    assert.equal(s.error, '', `<${s.tag}> shows an error: ${s.error}`);
    assert.equal(s.drew, true, `<${s.tag}> drew nothing`);
  }
  assert.deepEqual(messages.filter((m) => m.startsWith('error') || m.startsWith('warn') || m.startsWith('pageerror')), []);
  await tab.close();
});

test('the fit and task files on one page share one pool of workers (one per core), not one pool each', async () => {
  const files = ['dist/elements/scaling-fit.min.js', 'dist/elements/scaling-task.min.js'];
  // An exact fit (4,500 starts) and a task with its chained intervals (200 resamples): both run on workers.
  const task = MARKUP.task.replace('<scaling-task ', '<scaling-task auto-intervals bootstrap="200" ');
  const dir = folder(files, page(files.map(fileName), [MARKUP.fit.replace('<scaling-fit>', '<scaling-fit strategy="exact">'), task].join('\n')));
  const tab = await context.newPage();
  await preparePage(tab);
  // Count the workers the page starts, from before its scripts run.
  await tab.addInitScript(`{
    const Real = window.Worker;
    window.__workersStarted = 0;
    window.Worker = class extends Real { constructor(...args) { super(...args); window.__workersStarted++; } };
  }`);
  await tab.goto(pathToFileURL(join(dir, 'index.html')).href);
  const states = await settleElements(tab, 90_000);
  for (const s of states) assert.equal(s.error, '', `<${s.tag}> shows an error: ${s.error}`);
  await tab.waitForFunction(() => (document.querySelector('scaling-task') as HTMLElement & { intervals?: unknown }).intervals !== undefined, undefined, { timeout: 90_000 });
  const seen = await tab.evaluate(() => ({
    started: (window as unknown as { __workersStarted: number }).__workersStarted,
    cores: navigator.hardwareConcurrency,
    pools: Object.getOwnPropertySymbols(window).filter((s) => s.description?.startsWith('scaling-kit.workers.')).length,
    fitWorkers: (document.querySelector('scaling-fit') as HTMLElement & { result: { workers: number } }).result.workers,
  }));
  assert.ok(seen.fitWorkers > 0, 'the fit ran on workers');
  assert.ok(seen.started >= 1 && seen.started <= seen.cores, `${seen.started} workers started on ${seen.cores} cores`);
  assert.equal(seen.pools, 1, 'one pool for the page');
  await tab.close();
});
