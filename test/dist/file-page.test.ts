// The single file, as a blogger uses it: dist/scaling-kit.min.js and demo/embed.html copied
// into an empty folder and opened from disk (file://) in headless Chromium with the network
// off. The page shows a fitted chart (a screenshot is left in build/test-dist/ to look at);
// a page with all five elements draws every one; the minified bundle's Blob-URL workers fit
// (WasmKernel and workerMain survive minification); and nothing is requested but the two
// local files (blob: workers are not network).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext } from 'playwright-core';
import { IIFE, fitInPage, launchChromium, preparePage, recordConsole, recordRequests, repo, requireBuild, settleElements, waitForBundle } from './helpers.js';

const SCREENSHOT = join(repo, 'build', 'test-dist', 'embed-file.png');
const csv = (name: string) => readFileSync(join(repo, 'demo', 'data', name), 'utf8').trim();

/** A page using every element, the way an author writes one (inline data, attributes only). */
const ALL_ELEMENTS = `<!doctype html>
<html lang="en"><meta charset="utf-8"><title>every element</title>
<script src="scaling-kit.min.js"></script>
<scaling-curve preset="hoffmann2022,besiroglu2024" x="N"></scaling-curve>
<scaling-landscape law="besiroglu2024"></scaling-landscape>
<scaling-calculator laws="besiroglu2024,hoffmann2022"></scaling-calculator>
<scaling-isoflop><script type="text/csv">\n${csv('isoflop.csv')}\n</script></scaling-isoflop>
<scaling-fit strategy="exact"><script type="text/csv">\n${csv('embed.csv')}\n</script></scaling-fit>
<scaling-task form="overtrained" loss="squared" holdout="2" columns="loss=loss_c4_val,metric=err_avg17"><script type="text/csv">\n${csv('gadre2024-rpj-fit-set.csv')}\n</script></scaling-task>
</html>`;

let dir: string;
let browser: Browser;
let context: BrowserContext;

before(async () => {
  requireBuild();
  dir = mkdtempSync(join(tmpdir(), 'scaling-kit-file-'));
  copyFileSync(IIFE, join(dir, 'scaling-kit.min.js'));
  // demo/embed.html points at ../dist/ inside the repo; next to the bundle it names the file alone.
  const embed = readFileSync(join(repo, 'demo', 'embed.html'), 'utf8');
  assert.equal(embed.match(/<script\b[^>]*\bsrc=/g)?.length, 1, 'embed.html loads exactly one script');
  writeFileSync(join(dir, 'embed.html'), embed.replace('src="../dist/scaling-kit.min.js"', 'src="scaling-kit.min.js"'));
  writeFileSync(join(dir, 'all.html'), ALL_ELEMENTS);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 900, height: 900 } });
  await context.setOffline(true);
  // Belt and braces: any http(s) request would fail rather than leave the machine.
  await context.route(/^https?:/, (route) => route.abort('internetdisconnected'));
});

after(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const local = (url: string) => url.startsWith('file:') || url.startsWith('blob:') || url.startsWith('data:');

test('demo/embed.html beside the bundle, from disk and offline, shows a fitted chart and requests nothing', async () => {
  const page = await context.newPage();
  await preparePage(page);
  const requests = recordRequests(page);
  const messages = recordConsole(page);
  await page.goto(pathToFileURL(join(dir, 'embed.html')).href);
  const [fitEl] = await settleElements(page);
  assert.equal(fitEl.tag, 'scaling-fit');
  assert.equal(fitEl.error, '', `the element shows an error: ${fitEl.error}`);
  assert.equal(fitEl.drew, true);
  const chart = await page.evaluate(() => {
    const el = document.querySelector('scaling-fit') as HTMLElement & { result: { converged: boolean; runs: number; engine: string } };
    const svg = el.shadowRoot!.querySelector('svg')!;
    return {
      converged: el.result.converged, runs: el.result.runs, engine: el.result.engine,
      points: svg.querySelectorAll('[part~="points"] > *').length,
      lines: Array.from(svg.querySelectorAll('[part~="line"] path')).filter((p) => (p.getAttribute('d') ?? '').length > 20).length,
      width: svg.getBoundingClientRect().width,
    };
  });
  assert.equal(chart.runs, 30);
  assert.equal(chart.converged, true);
  assert.notEqual(chart.engine, 'js', 'WebAssembly runs from file://');
  assert.ok(chart.lines >= 1, 'a fitted curve is drawn');
  assert.equal(chart.points, 30, 'every run is drawn');
  assert.ok(chart.width > 300, 'the chart has a size');
  mkdirSync(join(repo, 'build', 'test-dist'), { recursive: true });
  await page.screenshot({ path: SCREENSHOT, fullPage: true });
  assert.deepEqual(requests.filter((u) => !local(u)), [], 'network requests');
  assert.deepEqual(requests.filter((u) => u.startsWith('file:')).map((u) => u.slice(u.lastIndexOf('/') + 1)), ['embed.html', 'scaling-kit.min.js']);
  assert.deepEqual(messages.filter((m) => m.startsWith('error') || m.startsWith('pageerror')), []);
  await page.close();
});

test('dist/example/, the folder the README says to copy, works wherever it is put: from disk, offline', async () => {
  const copy = mkdtempSync(join(tmpdir(), 'scaling-kit-example-'));
  try {
    cpSync(join(repo, 'dist', 'example'), join(copy, 'my-post'), { recursive: true });
    const page = await context.newPage();
    await preparePage(page);
    const requests = recordRequests(page);
    await page.goto(pathToFileURL(join(copy, 'my-post', 'index.html')).href);
    const [fitEl] = await settleElements(page);
    assert.equal(fitEl.tag, 'scaling-fit');
    assert.equal(fitEl.error, '');
    assert.equal(fitEl.drew, true);
    assert.deepEqual(requests.filter((u) => !local(u)), [], 'network requests');
    assert.deepEqual(requests.filter((u) => u.startsWith('file:')).map((u) => u.slice(u.lastIndexOf('/') + 1)), ['index.html', 'scaling-kit.min.js']);
    await page.close();
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});

test('a page with all six elements, from disk and offline, draws every one without an error', async () => {
  const page = await context.newPage();
  await preparePage(page);
  const requests = recordRequests(page);
  await page.goto(pathToFileURL(join(dir, 'all.html')).href);
  const elements = await settleElements(page, 90_000);
  assert.deepEqual(elements.map((e) => e.tag), ['scaling-curve', 'scaling-landscape', 'scaling-calculator', 'scaling-isoflop', 'scaling-fit', 'scaling-task']);
  for (const e of elements) {
    assert.equal(e.error, '', `<${e.tag}> shows an error: ${e.error}`);
    assert.equal(e.drew, true, `<${e.tag}> drew nothing`);
  }
  assert.deepEqual(requests.filter((u) => !local(u)), [], 'network requests');
  await page.close();
});

// The article's task section (5.7), as a reader gets it from a copy on disk with the network off:
// both <scaling-task> elements fit, the held-out predictions are drawn, and the chained intervals
// (auto-intervals) are computed in the page, in English and in Chinese.
for (const [path, lang] of [['demo/index.html', 'en'], ['demo/zh/index.html', 'zh']] as const) {
  test(`the task section of ${path}, from disk and offline, fits and predicts (${lang})`, async () => {
    const site = mkdtempSync(join(tmpdir(), 'scaling-kit-demo-'));
    try {
      cpSync(join(repo, 'demo'), join(site, 'demo'), { recursive: true });
      mkdirSync(join(site, 'dist'));
      copyFileSync(IIFE, join(site, 'dist', 'scaling-kit.min.js'));
      const page = await context.newPage();
      await preparePage(page);
      const requests = recordRequests(page);
      await page.goto(pathToFileURL(join(site, path)).href);
      const end = Date.now() + 90_000;
      let states: { id: string; error: string; held: number; predicted: number; band: boolean; text: string }[] = [];
      for (;;) {
        states = await page.evaluate(() => Array.from(document.querySelectorAll('scaling-task'), (el) => {
          const root = el.shadowRoot;
          return {
            id: el.id,
            error: Array.from(root?.querySelectorAll('.error[role="alert"]') ?? [], (a) => a.textContent?.trim() ?? '').join(' | '),
            held: root?.querySelectorAll('g.points circle.point.held-out').length ?? 0,
            predicted: root?.querySelectorAll('path.predicted').length ?? 0,
            band: !!root?.querySelector('path.interval.chain'),
            text: root?.textContent ?? '',
          };
        }));
        const done = states.length === 2 && states.every((s) => s.error || (s.predicted === 2 && (s.id !== 'task-gadre' || s.band)));
        if (done || Date.now() > end) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      assert.deepEqual(states.map((s) => s.id), ['task-hellaswag', 'task-gadre']);
      for (const s of states) {
        assert.equal(s.error, '', `#${s.id} shows an error`);
        assert.equal(s.held, 2, `#${s.id}: two held-out runs`);
        assert.equal(s.predicted, 2, `#${s.id}: two predictions`);
        if (lang === 'zh') assert.match(s.text, /留出的实验/);
      }
      assert.equal(states[1].band, true, 'the chained intervals of #task-gadre');
      assert.deepEqual(requests.filter((u) => !local(u)), [], 'network requests');
      await page.close();
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
}

test("the minified bundle's Blob-URL workers fit from file://, to the TypeScript engine's optimum", async () => {
  const page = await context.newPage();
  await preparePage(page);
  const requests = recordRequests(page);
  await page.goto(pathToFileURL(join(dir, 'embed.html')).href);
  await waitForBundle(page);
  const parallel = await fitInPage(page, { strategy: 'exact', workers: 2 });
  assert.equal(parallel.workers, 2, `fitted in workers (diagnostics: ${parallel.diagnostics.join(', ')})`);
  assert.deepEqual(parallel.diagnostics.filter((c) => c === 'engine-fallback' || c === 'workers-unavailable'), [], 'no fallback');
  assert.notEqual(parallel.engine, 'js');
  const js = await fitInPage(page, { strategy: 'exact', engine: 'js', workers: 0 });
  assert.ok(Math.abs(parallel.objective - js.objective) <= 1e-9 * js.objective, `${parallel.objective} vs ${js.objective}`);
  for (const k of Object.keys(js.params)) assert.ok(Math.abs(parallel.params[k] - js.params[k]) <= 1e-6 * Math.abs(js.params[k]), k);
  assert.deepEqual(requests.filter((u) => !local(u)), [], 'network requests');
  await page.close();
});
