/**
 * `npm run bench`: one run, side by side, on this machine —
 * (a) ns per run of objective + gradient for every engine, in headless
 *     Chromium and in Node;
 * (b) the exact 4,500-start fit of the 240-run Chinchilla set: best
 *     WebAssembly build (with workers) against the TypeScript engine and
 *     against a plain C reference on one core (./reference.ts);
 * (c) the default fit; (d) the 4,000-resample bootstrap with workers;
 * (e) a <scaling-fit> from the built bundle, connected to fit drawn;
 * (l) page start: the longest main-thread tasks until a page's charts are drawn;
 * (f) the gzip -9 size of the built bundle and of its parts;
 * (g) the page's main thread while a <scaling-fit> fits and bootstraps, and a
 *     <scaling-calculator> slider step; (h) readRuns on 100,000 CSV rows;
 * (i) fast against exact on every fixture dataset and form (./certify.ts).
 * Ratios are what to read: absolute times drift on a shared machine.
 */

import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { findChrome } from '../scripts/chrome.mjs';
import { measureGrid, measureKernels, type GridRow, type KernelRow } from './measure.js';
import { measureBootstrap, measureDefaultFit, type BootstrapRow, type FastRow } from './fast.js';
import { measureRead } from './read.js';
import { certificationTable } from './certify.js';
import { measureReference } from './reference.js';
import { formatPageStart, measurePageStart } from './page-start.js';
import { wasmRelaxedSimd, wasmScalar, wasmSimd } from '../src/engine/generated/wasm-bytes.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const csv = readFileSync(new URL('../test/fixtures/data/chinchilla-svg-extracted.csv', import.meta.url), 'utf8');
const CHROME_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

async function inChromium() {
  const bundle = await build({ entryPoints: [`${repo}/bench/browser-entry.ts`], bundle: true, write: false, format: 'iife', target: 'es2022' });
  const browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_FLAGS });
  try {
    const page = await browser.newPage();
    await page.goto('about:blank');
    await page.addScriptTag({ content: bundle.outputFiles[0].text });
    const version = browser.version();
    const result = await page.evaluate((text) => (globalThis as any).scalingKitBench(text), csv);
    // The element, from the built single-file bundle, in a fresh page.
    const elementPage = await browser.newPage();
    await elementPage.goto('about:blank');
    await elementPage.addScriptTag({ content: readFileSync(`${repo}/dist/scaling-kit.min.js`, 'utf8') });
    const elementBundle = await build({ entryPoints: [`${repo}/bench/element.ts`], bundle: true, write: false, format: 'iife', globalName: 'elementBench', target: 'es2022' });
    await elementPage.addScriptTag({ content: elementBundle.outputFiles[0].text });
    const fitElement = await elementPage.evaluate((text) => (globalThis as any).elementBench.measureFitElement(text), csv);
    const mainThread = await elementPage.evaluate((text) => (globalThis as any).elementBench.measureMainThread(text), csv);
    const calculator = await elementPage.evaluate(() => (globalThis as any).elementBench.measureCalculator());
    const largeTable = await elementPage.evaluate(() => (globalThis as any).elementBench.measureLargeTable());
    const longLabel = await elementPage.evaluate(() => (globalThis as any).elementBench.measureLongLabel());
    const pageStart = await measurePageStart(browser, repo.replace(/\/$/, ''));
    return { ...result, fitElement, mainThread, calculator, largeTable, longLabel, pageStart, version } as {
      kernels: KernelRow[]; grid: GridRow[]; defaultFit: FastRow; bootstrap: BootstrapRow; threads: number; version: string;
      fitElement: { medianMs: number; minMs: number; points: number };
      mainThread: { longestMs: number; over50: number; totalMs: number };
      calculator: { medianMs: number; p90Ms: number; worstMs: number; updates: number };
      largeTable: { longestMs: number; over50: number; totalMs: number; rows: number };
      longLabel: { longestMs: number; over50: number; totalMs: number; stepMs: number; chars: number };
      pageStart: Awaited<ReturnType<typeof measurePageStart>>;
    };
  } finally {
    await browser.close();
  }
}

const f1 = (x: number | undefined) => (x === undefined ? '–' : x.toFixed(1));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const gz = (text: string | Uint8Array) => gzipSync(text, { level: 9 }).length;

const chrome = await inChromium();
const node = { kernels: measureKernels(csv), grid: await measureGrid(csv), defaultFit: measureDefaultFit(csv), bootstrap: await measureBootstrap(csv), read: measureRead() };
// The plain C reference on the same runs and starts, one core, after the Node grid (./reference.ts).
const reference = measureReference(csv);

console.log(`scaling-kit bench — Chromium ${chrome.version}, Node ${process.version}, ${chrome.threads} hardware threads\n`);
console.log('(a) objective + gradient, Chinchilla form, 240 runs: ns per run (median of 9 interleaved rounds)');
console.log('    engine          Chromium      Node');
const names = ['relaxed-simd', 'simd', 'scalar', 'js'] as const;
const ns = (rows: KernelRow[], name: string) => rows.find((r) => r.engine === name)?.nsPerPoint;
for (const name of names) console.log(`    ${name.padEnd(14)}${f1(ns(chrome.kernels, name)).padStart(10)}${f1(ns(node.kernels, name)).padStart(10)}`);
const bestRatio = (rows: KernelRow[]) => Math.min(...rows.filter((r) => r.engine !== 'js').map((r) => r.nsPerPoint)) / ns(rows, 'js')!;
console.log(`    best wasm / js${`${bestRatio(chrome.kernels).toFixed(2)}×`.padStart(10)}${`${bestRatio(node.kernels).toFixed(2)}×`.padStart(10)}\n`);

console.log('(b) exact fit: Hoffmann’s 4,500-row grid and 2 negative-exponent starts, 240 runs (scipy reference here: 167 s numerical gradients, 65 s analytic)');
const gridLine = (where: string, engine: string, workers: string, ms: number, objective: number, evaluations: string) =>
  `    ${where.padEnd(9)}${engine.padEnd(14)}${workers.padEnd(11)}${`${(ms / 1000).toFixed(2)} s`.padStart(9)}   objective ${objective.toPrecision(16)}   ${evaluations} evaluations`;
for (const [where, rows] of [['Chromium', chrome.grid], ['Node', node.grid]] as const) {
  for (const r of rows) console.log(gridLine(where, r.engine, `${r.workers} workers`, r.ms, r.objective, String(r.evaluations)));
  const [w, j] = rows;
  if (rows.length === 2) console.log(`    ${where.padEnd(9)}wasm / js wall-time ratio ${(w.ms / j.ms).toFixed(3)}×`);
}
if ('skipped' in reference) console.log(`    C reference skipped: ${reference.skipped}`);
else {
  // Same runs, same starts; scipy's default stopping per start, the best polished (bench/reference/chinchilla-grid.c).
  console.log(`${gridLine('C', `gcc ${reference.flags.split(' ')[0]}`, '1 core', reference.ms, reference.objective, String(reference.evaluations))}, best of 3`);
  for (const [where, rows] of [['Chromium', chrome.grid], ['Node', node.grid]] as const) {
    const w = rows[0];
    if (w.engine === 'js') continue;
    console.log(`    ${where.padEnd(9)}${w.engine} ${w.workers} workers / C reference wall-time ratio ${(w.ms / reference.ms).toFixed(2)}×${where === 'Node' ? '   (goal ≤ 0.5×)' : ''}`);
  }
}

console.log('\n(c) default (fast: variable projection + polish) fit, 240 runs, from parsed runs: median of 21 (C variable projection: 2.6 ms; scipy exact: 167 s)');
for (const [where, r] of [['Chromium', chrome.defaultFit], ['Node', node.defaultFit]] as const) {
  console.log(`    ${where.padEnd(9)}${r.engine.padEnd(14)}median ${r.medianMs.toFixed(2)} ms, best ${r.minMs.toFixed(2)} ms   objective ${r.objective.toPrecision(16)}   ${r.evaluations} evaluations`);
}
// What the goal allows: these evaluations at (a)'s speed, the objective and nothing else.
for (const [where, rows, r] of [['Chromium', chrome.kernels, chrome.defaultFit], ['Node', node.kernels, node.defaultFit]] as const) {
  const perRun = ns(rows, r.engine);
  if (perRun !== undefined) console.log(`    ${where.padEnd(9)}the objective alone: ${r.evaluations} evaluations × 240 runs × ${perRun.toFixed(1)} ns = ${((r.evaluations * 240 * perRun) / 1e6).toFixed(2)} ms   (goal ≤ 2 ms)`);
}
console.log('\n(d) bootstrap: 4,000 resamples, numpy draws, seed 42, refits from Hoffmann’s θ0 as Epoch’s (Python reference: 72.5 s CPU; C: 0.68–2.4 s one core)');
for (const [where, r] of [['Chromium', chrome.bootstrap], ['Node', node.bootstrap]] as const) {
  console.log(`    ${where.padEnd(9)}${r.engine.padEnd(14)}${`${r.workers} workers`.padEnd(11)}${`${(r.ms / 1000).toFixed(2)} s`.padStart(9)}   ${r.failed} of ${r.resamples} refits failed${where === 'Chromium' ? '   (goal ≤ 0.5 s)' : ''}`);
}
for (const [where, r] of [['Chromium', chrome.bootstrap], ['Node', node.bootstrap]] as const) {
  console.log(`    ${where.padEnd(9)}${r.engine.padEnd(14)}${`${r.workers} workers`.padEnd(11)}${`${(r.msFromEstimate / 1000).toFixed(2)} s`.padStart(9)}   refits from the estimate (the default)`);
}
// The refits alone in one thread: two workers cannot do them in less than half of this.
for (const [where, r] of [['Chromium', chrome.bootstrap], ['Node', node.bootstrap]] as const) {
  const { engine, ms, evaluations } = r.refitsAlone;
  console.log(`    ${where.padEnd(9)}${engine.padEnd(14)}the same refits alone, one thread: ${(ms / 1000).toFixed(2)} s for ${evaluations} evaluations (${(evaluations / r.resamples).toFixed(1)} per refit); on 2 workers at best ${(ms / 2000).toFixed(2)} s`);
}

console.log('\n(e) <scaling-fit> from dist/scaling-kit.min.js, 245-run Chinchilla CSV inline, drop-highest 5: connected → fit drawn (median of 7)');
console.log(`    Chromium  median ${chrome.fitElement.medianMs.toFixed(1)} ms, best ${chrome.fitElement.minMs.toFixed(1)} ms, ${chrome.fitElement.points} points drawn`);

console.log('\n(f) bundle, gzip -9');
if (existsSync(`${repo}/dist/scaling-kit.min.js`)) {
  // Bytes, not a string: the WebAssembly byte strings are two bytes each in UTF-8.
  const min = readFileSync(`${repo}/dist/scaling-kit.min.js`);
  console.log(`    dist/scaling-kit.min.js  ${kb(min.length)} minified, ${kb(gz(min))} gzipped`);
  console.log(`    of which the three wasm builds (byte strings, gzipped apart): ${kb(gz(wasmRelaxedSimd) + gz(wasmSimd) + gz(wasmScalar))}`);
} else {
  console.log('    dist/scaling-kit.min.js missing: run npm run build');
}

const { mainThread: mt, calculator: calc } = chrome;
console.log('\n(g) page main thread, elements from dist/scaling-kit.min.js');
console.log(`    <scaling-fit> connected, fitted, 1,000-resample bootstrap drawn in ${(mt.totalMs / 1000).toFixed(2)} s: ${mt.over50 === 0 ? 'no task over 50 ms' : `longest task ${mt.longestMs.toFixed(0)} ms, ${mt.over50} task${mt.over50 === 1 ? '' : 's'} over 50 ms`}`);
console.log(`    <scaling-calculator> slider step (3 laws + inference-aware split, table and chart): median ${calc.medianMs.toFixed(2)} ms, 90th percentile ${calc.p90Ms.toFixed(2)} ms, worst ${calc.worstMs.toFixed(2)} ms (${calc.updates} updates)`);

console.log('\n(h) readRuns, Node');
console.log(`    ${node.read.rows.toLocaleString('en')} rows (semicolon-separated, BOM, CRLF): median ${node.read.medianMs.toFixed(0)} ms of ${node.read.repeats}, ${(node.read.rows / node.read.medianMs / 1000).toFixed(2)} M rows/s`);

console.log('\n(i) global optimum: fast (default) against exact on every fixture dataset and form, Node with workers');
for (const line of await certificationTable()) console.log(line);

// (j) peak memory of the CLI on a CSV at the default row limit (./memory.ts).
const { measureCliMemory, formatMemory } = await import('./memory.js');
console.log(`\n${formatMemory(measureCliMemory())}`);

// (k) the page's main thread on large inputs, elements from dist/scaling-kit.min.js (./element.ts).
const { largeTable: lt, longLabel: ll } = chrome;
console.log('\n(k) page main thread on large inputs, elements from dist/scaling-kit.min.js');
console.log(`    <scaling-fit>, ${lt.rows.toLocaleString('en')} runs in an inline CSV, fitted, drawn and tabled in ${(lt.totalMs / 1000).toFixed(2)} s: longest task ${lt.longestMs.toFixed(0)} ms, ${lt.over50} over 50 ms`);
console.log(`    <scaling-curve>, a ${ll.chars.toLocaleString('en')}-character law label, drawn and cursor moved in ${(ll.totalMs / 1000).toFixed(2)} s: longest task ${ll.longestMs.toFixed(0)} ms, ${ll.over50} over 50 ms; slowest cursor step ${ll.stepMs.toFixed(0)} ms`);

// (l) the page's main thread from navigation to every chart drawn (./page-start.ts).
console.log(`\n${formatPageStart(chrome.pageStart).join('\n')}`);
