// Content-Security-Policy: the built bundle served by a tiny local server (127.0.0.1 only)
// under three policies, in headless Chromium with every other request refused.
//   - script-src 'self' 'wasm-unsafe-eval', worker-src blob:  → WebAssembly in Blob workers;
//   - script-src 'self' (WebAssembly refused)                 → the TypeScript engine, the same
//     numbers, and exactly one console notice saying so;
//   - script-src 'self' 'wasm-unsafe-eval', no worker-src     → Blob workers refused: the work
//     runs in this thread in chunks, with progress, and bootstrap still works.
// Every policy has style-src 'self' (no 'unsafe-inline'): no style the elements need is
// refused. The page has no inline script; the elements read inline CSV data blocks, which
// CSP does not govern. Nothing is requested but the page and the bundle.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { IIFE, fitInPage, launchChromium, recordConsole, recordRequests, preparePage, recordViolations, repo, requireBuild, settleElements, violations, waitForBundle, type PageFit } from './helpers.js';

const BASE = "default-src 'none'; style-src 'self'; img-src 'self' data: blob:";
const POLICIES = {
  wasm: `${BASE}; script-src 'self' 'wasm-unsafe-eval'; worker-src blob:`,
  noWasm: `${BASE}; script-src 'self'; worker-src blob:`,
  noWorkers: `${BASE}; script-src 'self' 'wasm-unsafe-eval'`,
} as const;
type Policy = keyof typeof POLICIES;

const embedCsv = readFileSync(join(repo, 'demo', 'data', 'embed.csv'), 'utf8').trim();
const PAGE = `<!doctype html>
<html lang="en"><meta charset="utf-8"><title>CSP</title>
<script src="/scaling-kit.min.js"></script>
<scaling-fit strategy="exact"><script type="text/csv">\n${embedCsv}\n</script></scaling-fit>
<scaling-curve preset="hoffmann2022,besiroglu2024"></scaling-curve>
<scaling-calculator laws="besiroglu2024"></scaling-calculator>
</html>`;

let server: Server;
let origin: string;
let browser: Browser;
const served: string[] = [];

before(async () => {
  requireBuild();
  const bundle = readFileSync(IIFE);
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    served.push(url.pathname);
    if (url.pathname === '/scaling-kit.min.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(bundle);
    } else if (url.pathname === '/page') {
      const policy = POLICIES[url.searchParams.get('policy') as Policy];
      res.writeHead(policy ? 200 : 400, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': policy ?? "default-src 'none'" });
      res.end(policy ? PAGE : 'unknown policy');
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

interface Visit { page: Page; requests: string[]; messages: string[] }

/** Opens the test page under a policy; only our server may be reached. */
async function visit(policy: Policy): Promise<Visit> {
  const context = await browser.newContext();
  await context.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
  const page = await context.newPage();
  const requests = recordRequests(page);
  const messages = recordConsole(page);
  await preparePage(page);
  await recordViolations(page);
  await page.goto(`${origin}/page?policy=${policy}`);
  await waitForBundle(page);
  const elements = await settleElements(page);
  for (const e of elements) {
    assert.equal(e.error, '', `<${e.tag}> shows an error under ${policy}: ${e.error}`);
    assert.equal(e.drew, true, `<${e.tag}> drew nothing under ${policy}`);
  }
  return { page, requests, messages };
}

const notices = (messages: string[]) => messages.filter((m) => m.includes('scaling-kit:'));
const ours = (requests: string[]) => requests.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:'));

async function checkCommon(v: Visit, policy: Policy): Promise<string[]> {
  const seen = await violations(v.page);
  assert.deepEqual(seen.filter((s) => s.startsWith('style-src')), [], `styles refused under ${policy}`);
  assert.deepEqual(ours(v.requests).map((u) => new URL(u).pathname), ['/page', '/scaling-kit.min.js'], 'requests');
  return seen;
}

let reference: PageFit;

test("script-src 'self' 'wasm-unsafe-eval' with Blob workers: WebAssembly in workers, no notice, nothing refused", async () => {
  const v = await visit('wasm');
  reference = await fitInPage(v.page, { strategy: 'exact', workers: 2 });
  assert.notEqual(reference.engine, 'js');
  assert.equal(reference.workers, 2);
  assert.deepEqual(reference.diagnostics.filter((c) => c === 'engine-fallback' || c === 'workers-unavailable'), [], `diagnostics: ${reference.diagnostics.join(', ')}`);
  const seen = await checkCommon(v, 'wasm');
  assert.deepEqual(seen, [], 'CSP violations');
  assert.deepEqual(notices(v.messages), []);
  await v.page.context().close();
});

test("script-src 'self' without 'wasm-unsafe-eval': the TypeScript engine gives the same fit, with one console notice", async () => {
  const v = await visit('noWasm');
  const fit = await fitInPage(v.page, { strategy: 'exact', workers: 2 });
  assert.equal(fit.engine, 'js');
  assert.ok(Math.abs(fit.objective - reference.objective) <= 1e-9 * reference.objective, `${fit.objective} vs ${reference.objective}`);
  for (const k of Object.keys(reference.params)) {
    assert.ok(Math.abs(fit.params[k] - reference.params[k]) <= 1e-6 * Math.abs(reference.params[k]), `${k}: ${fit.params[k]} vs ${reference.params[k]}`);
  }
  const said = notices(v.messages);
  assert.equal(said.length, 1, `one notice, got: ${said.join(' / ')}`);
  assert.match(said[0], /TypeScript engine/);
  // The result itself says so too, not only the console.
  assert.ok(fit.diagnostics.includes('engine-fallback'), `diagnostics: ${fit.diagnostics.join(', ')}`);
  const seen = await checkCommon(v, 'noWasm');
  assert.deepEqual(seen.filter((s) => !s.startsWith('script-src')), [], 'only WebAssembly compilation is refused');
  await v.page.context().close();
});

test('Blob workers refused (worker-src falls back to script-src): fits run in this thread in chunks with progress', async () => {
  const v = await visit('noWorkers');
  const fit = await fitInPage(v.page, { strategy: 'exact', workers: 2 });
  assert.notEqual(fit.engine, 'js');
  assert.equal(fit.workers, 0);
  assert.ok(Math.abs(fit.objective - reference.objective) <= 1e-9 * reference.objective);
  assert.ok(fit.progress.length > 10, `progress reported ${fit.progress.length} times`);
  const total = fit.progress.at(-1)![1];
  assert.deepEqual(fit.progress.at(-1), [total, total]);
  for (let i = 1; i < fit.progress.length; i++) assert.ok(fit.progress[i][0] > fit.progress[i - 1][0], 'progress grows');
  const boot = await v.page.evaluate(async () => {
    const kit = (window as unknown as { ScalingKit: typeof import('../../src/bundle.js') }).ScalingKit;
    const b = await kit.bootstrap(kit.demoRuns(), { resamples: 40, seed: 1 });
    return { workers: b.workers, alpha: b.params.alpha };
  });
  assert.equal(boot.workers, 0);
  assert.ok(boot.alpha.lo < boot.alpha.hi, 'bootstrap intervals in this thread');
  assert.ok(fit.diagnostics.includes('workers-unavailable'), `diagnostics: ${fit.diagnostics.join(', ')}`);
  // A refused worker is remembered for the page: later fits and bootstraps say so in their results but start none.
  const before = (await violations(v.page)).length;
  const again = await fitInPage(v.page, { strategy: 'exact', workers: 2 });
  const boot2 = await v.page.evaluate(async () => {
    const kit = (window as unknown as { ScalingKit: typeof import('../../src/bundle.js') }).ScalingKit;
    const b = await kit.bootstrap(kit.demoRuns(), { resamples: 20, seed: 2 });
    return b.diagnostics.map((d) => d.code);
  });
  assert.equal((await violations(v.page)).length, before, 'no new worker attempt after a refusal');
  assert.ok(again.diagnostics.includes('workers-unavailable') && boot2.includes('workers-unavailable'), `${again.diagnostics} / ${boot2}`);
  const seen = await checkCommon(v, 'noWorkers');
  assert.deepEqual(seen.filter((s) => !/^(worker-src|script-src)/.test(s)), [], 'only the Blob worker is refused');
  await v.page.context().close();
});
