// Faults in the browser: WebAssembly blocked (the TypeScript engine takes over),
// workers blocked or crashing (the fit runs in this thread and says so, as a
// coded diagnostic that <scaling-fit> words in English or Chinese), a
// cancelled bootstrap that frees its workers, a `src` that 404s, times out or
// is not CSV (an error in place, for <scaling-fit> and <scaling-isoflop>), and
// an element removed mid-fit (no error, no result, no busy worker left).
import { expect } from '@esm-bundle/chai';
import '../../src/elements/fit/fit.js';
import '../../src/elements/isoflop/isoflop.js';
import type { ScalingFit } from '../../src/elements/fit/fit.component.js';
import type { ScalingIsoflop } from '../../src/elements/isoflop/isoflop.component.js';
import { fit } from '../../src/core/fit.js';
import { bootstrap } from '../../src/core/bootstrap-fit.js';
import { busyWorkerCount, terminateWorkers, workerCount } from '../../src/engine/pool.js';
import { forgetWorkerRefusal } from '../../src/engine/worker-source.js';
import { fitSync, type FitResult } from '../../src/core/fit.js';
import { render } from 'lit';
import { renderNotices, renderParams } from '../../src/elements/fit/params.js';
import { COMMON, FIT, joinTables, translator } from '../../src/i18n/index.js';
import { demoCsv, demoRuns } from '../../src/data/demo.js';
import { place, sleep, unmount, until, wrap } from './helpers.js';

/** Errors and unhandled rejections the page sees while a test runs. */
const problems: string[] = [];
const onError = (e: ErrorEvent) => problems.push(`error: ${e.message}`);
const onRejection = (e: PromiseRejectionEvent) => problems.push(`unhandled rejection: ${(e.reason as Error)?.message ?? e.reason}`);

const RealWorker = window.Worker;

describe('faults', () => {
  beforeEach(() => {
    problems.length = 0;
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  afterEach(() => {
    // Each test stands for a fresh page: the real Worker, and no refusal remembered from a fake one.
    window.Worker = RealWorker;
    forgetWorkerRefusal();
    unmount();
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  });

  it('with WebAssembly blocked before the engine loads, fits run on the TypeScript engine with the same numbers', async () => {
    // A fresh page (iframe) where WebAssembly.validate and WebAssembly.Module throw, as under a CSP without 'wasm-unsafe-eval'.
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const win = frame.contentWindow as Window & typeof globalThis & { __done?: unknown; __failed?: string };
    const doc = frame.contentDocument!;
    const script = doc.createElement('script');
    script.type = 'module';
    script.textContent = `
      WebAssembly.validate = () => { throw new Error('blocked by policy'); };
      WebAssembly.Module = function () { throw new Error('blocked by policy'); };
      try {
        const { fit } = await import('/src/core/fit.ts');
        const { demoRuns } = await import('/src/data/demo.ts');
        const r = await fit(demoRuns(), { engine: 'auto' });
        window.__done = { engine: r.engine, workers: r.workers, objective: r.objective, converged: r.converged };
      } catch (e) { window.__failed = String(e && e.stack || e); }`;
    doc.body.append(script);
    await until(() => win.__done !== undefined || win.__failed !== undefined, 30000, 'the iframe fit');
    frame.remove();
    expect(win.__failed).to.equal(undefined);
    const blocked = win.__done as { engine: string; workers: number; objective: number; converged: boolean };
    expect(blocked.engine).to.equal('js');
    expect(blocked.workers).to.equal(0);
    expect(blocked.converged).to.equal(true);
    const here = await fit(demoRuns(), { engine: 'js' });
    expect(Math.abs(blocked.objective - here.objective) / here.objective).to.be.below(1e-12);
  });

  it('a fit held at a bound, or stopped at its iteration limit, says so where <scaling-fit> shows its numbers', () => {
    const bounded = fitSync(demoRuns(), { upper: { alpha: 0.2 } });
    expect(bounded.atBounds).to.deep.equal(['alpha']);
    for (const lang of ['en', 'zh'] as const) {
      const box = document.createElement('div');
      render(renderNotices(bounded, translator(joinTables(COMMON, FIT), lang)), box);
      const warning = box.querySelector('[part="warning"]')!;
      expect(warning.textContent).to.contain('alpha');
      expect(warning.textContent).to.match(lang === 'en' ? /Held at a bound: alpha/ : /边界/);
      expect(box.querySelectorAll('li').length, 'the bound is said once').to.equal(1);
    }
    const cut = fitSync(demoRuns(), { maxIterations: 1 });
    expect(cut.converged).to.equal(false);
    const box = document.createElement('div');
    expect(cut.status).to.equal('iteration-limit');
    expect(cut.diagnostics.find((d) => d.code === 'not-converged')).to.deep.include({ status: 'iteration-limit' });
    render(renderParams(cut as unknown as FitResult, undefined, translator(joinTables(COMMON, FIT), 'en'), 'en'), box);
    expect(box.querySelector('[part="status"]')!.textContent).to.contain('NOT converged: iteration limit reached');
    render(renderParams(cut as unknown as FitResult, undefined, translator(joinTables(COMMON, FIT), 'zh'), 'zh'), box);
    expect(box.querySelector('[part="status"]')!.textContent).to.contain('未收敛：达到迭代次数上限');
  });

  it('with Worker blocked, a many-start fit runs in this thread and says so in its diagnostics and in <scaling-fit>', async () => {
    terminateWorkers();
    window.Worker = class { constructor() { throw new DOMException('worker-src blocked', 'SecurityError'); } } as unknown as typeof Worker;
    const r = await fit(demoRuns(), { strategy: 'exact' });
    expect(r.workers).to.equal(0);
    expect(r.starts.total).to.be.within(4500, 4502); // Hoffmann's grid and up to two negative-exponent starts
    expect(r.diagnostics.filter((d) => d.code === 'workers-unavailable')).to.deep.equal([{ code: 'workers-unavailable', severity: 'info' }]);
    expect(r.converged).to.equal(true);
    const el = place<ScalingFit>(`<scaling-fit strategy="exact"><script type="text/csv">${demoCsv()}</script></scaling-fit>`);
    await until(() => !!el.result, 30000, 'the element fit');
    await el.updateComplete;
    const said = el.shadowRoot!.querySelector('[part="diagnostics"] [data-code="workers-unavailable"]');
    expect(said, 'the fallback shown among the diagnostics').to.exist;
    expect(said!.textContent).to.match(/Worker threads cannot be started on this page/);
    expect(problems).to.deep.equal([]);
    window.Worker = RealWorker;
    forgetWorkerRefusal();
  });

  it('with a worker that errors, the fit falls back to this thread with a notice, and the broken worker leaves the pool', async () => {
    terminateWorkers();
    let made = 0;
    window.Worker = class {
      onmessage: ((e: MessageEvent) => void) | null = null;
      onerror: ((e: ErrorEvent) => void) | null = null;
      constructor() { made++; }
      postMessage() {
        setTimeout(() => this.onerror?.(Object.assign(new Event('error'), { message: 'worker crashed', preventDefault() {} }) as unknown as ErrorEvent), 5);
      }
      terminate() {}
    } as unknown as typeof Worker;
    const r = await fit(demoRuns(), { strategy: 'exact' });
    expect(made).to.be.greaterThan(0);
    expect(r.workers).to.equal(0);
    expect(r.diagnostics.map((d) => d.code)).to.include('workers-unavailable');
    expect(workerCount(), 'crashed workers are dropped').to.equal(0);
    // A worker that fails before it ever answered counts as refused for the page; putting Worker back stands for a new page.
    window.Worker = RealWorker;
    forgetWorkerRefusal();
    const again = await fit(demoRuns(), { strategy: 'exact' });
    expect(again.workers).to.be.greaterThan(0);
    expect(again.diagnostics.map((d) => d.code)).to.not.include('workers-unavailable');
  });

  it('with Worker blocked, a bootstrap refits in this thread and says so, in its diagnostics and in <scaling-fit>', async () => {
    terminateWorkers();
    window.Worker = class { constructor() { throw new Error('no workers'); } } as unknown as typeof Worker;
    const r = await bootstrap(demoRuns(), { resamples: 40, rng: 'numpy', seed: 42 });
    expect(r.workers).to.equal(0);
    expect(r.failed).to.equal(0);
    expect(r.diagnostics.filter((d) => d.code === 'workers-unavailable').length, 'said once').to.equal(1);
    const el = place<ScalingFit>(`<scaling-fit bootstrap="40"><script type="text/csv">${demoCsv()}</script></scaling-fit>`);
    await until(() => !!el.result, 30000, 'the element fit');
    await el.runBootstrap();
    await el.updateComplete;
    expect(el.intervals, 'intervals').to.exist;
    const shown = el.shadowRoot!.querySelector('[part="bootstrap-diagnostics"] [data-code="workers-unavailable"]');
    expect(shown, 'the fallback shown among the bootstrap\'s diagnostics').to.exist;
    expect(shown!.textContent).to.match(/Worker threads cannot be started on this page/);
    // The refusal is remembered for the page; putting Worker back stands for a new page.
    window.Worker = RealWorker;
    forgetWorkerRefusal();
    const w = await bootstrap(demoRuns(), { resamples: 40, rng: 'numpy', seed: 42 });
    expect(w.workers).to.be.greaterThan(0);
    expect(w.diagnostics.map((d) => d.code)).to.not.include('workers-unavailable');
    expect(w.params.alpha).to.deep.equal(r.params.alpha);
  });

  it('in Chinese, with Worker blocked: <scaling-fit> says its fit and its bootstrap ran in this thread, in Chinese, with no English sentence', async () => {
    terminateWorkers();
    window.Worker = class { constructor() { throw new DOMException('worker-src blocked', 'SecurityError'); } } as unknown as typeof Worker;
    const el = place<ScalingFit>(`<scaling-fit lang="zh" strategy="exact" bootstrap="40"><script type="text/csv">${demoCsv()}</script></scaling-fit>`);
    await until(() => !!el.result, 30000, 'the element fit');
    await el.updateComplete;
    expect(el.result!.workers).to.equal(0);
    await el.runBootstrap();
    await el.updateComplete;
    expect(el.intervals, 'intervals').to.exist;
    const root = el.shadowRoot!;
    for (const part of ['diagnostics', 'bootstrap-diagnostics']) {
      const item = root.querySelector(`[part="${part}"] [data-code="workers-unavailable"]`);
      expect(item, `${part}: the fallback shown`).to.exist;
      expect(item!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('提示 此页面无法启动工作线程，计算改在页面自身的线程上分段进行。');
    }
    expect(root.querySelector('[part="bootstrap-diagnostics"]')!.getAttribute('aria-label')).to.equal('对自助法的检查');
    // Everything the element says about the fit and the bootstrap: Chinese, with no English sentence (three English words in a row).
    const said = [...root.querySelectorAll('[part="diagnostics"], [part="bootstrap-diagnostics"], [part="notices"], [part="warning"], [part="status"], .status-line')]
      .map((e) => e.textContent ?? '').join(' ').replace(/\s+/g, ' ');
    expect(said).to.match(/已收敛（[^）]+）/);
    expect(said).to.not.match(/[A-Za-z]{2,}[\s,;:]+[A-Za-z]{2,}[\s,;:]+[A-Za-z]{2,}/);
    expect(said).to.not.match(/Worker|thread|unavailable|Note|Warning|converged/i);
    expect(problems).to.deep.equal([]);
  });

  it('a cancelled bootstrap frees its workers: none stays busy, and cancelling again and again starts no new ones', async () => {
    terminateWorkers();
    const counts: number[] = [];
    for (let k = 0; k < 4; k++) {
      const abort = new AbortController();
      const pending = bootstrap(demoRuns(), { resamples: 4000, signal: abort.signal, onProgress: (done) => { if (done > 0) abort.abort(); } });
      let error: unknown;
      try { await pending; } catch (e) { error = e; }
      expect((error as Error)?.name, 'cancelled').to.equal('AbortError');
      await until(() => busyWorkerCount() === 0, 5000, 'idle workers');
      counts.push(workerCount());
    }
    expect(new Set(counts).size, `live workers after each cancel: ${counts}`).to.equal(1);
    expect(counts[0]).to.be.at.most(navigator.hardwareConcurrency);
    expect(problems).to.deep.equal([]);
  });

  for (const tag of ['scaling-fit', 'scaling-isoflop'] as const) {
    describe(`<${tag}> with a bad src`, () => {
      const alertText = async (el: HTMLElement & { updateComplete: Promise<boolean> }) => {
        await until(() => !!el.shadowRoot?.querySelector('.error[role="alert"]'), 8000, 'an error in place');
        await el.updateComplete;
        return el.shadowRoot!.querySelector('.error[role="alert"]')!.textContent ?? '';
      };

      it('says the server answered 404', async () => {
        const el = place<ScalingFit | ScalingIsoflop>(`<${tag} src="/test/fixtures/data/no-such-file.csv"></${tag}>`);
        expect(await alertText(el)).to.match(/no-such-file\.csv.*404/);
        expect(el.shadowRoot!.querySelector('svg.chart')).to.equal(null);
      });

      it('says the file is not CSV or JSON when it is HTML, and names the bad cell when it is not runs', async () => {
        const el = place<ScalingFit | ScalingIsoflop>(`<${tag} src="data:text/html,%3Cp%3Ehello%3C/p%3E"></${tag}>`);
        expect(await alertText(el)).to.match(/not CSV or JSON.*text\/html/);
        const el2 = place<ScalingFit | ScalingIsoflop>(`<${tag} src="data:text/csv,N,D,loss%0A1e9,2e10,oops"></${tag}>`);
        expect(await alertText(el2)).to.match(/line 2, column "loss"/);
      });

      it('says no answer came in time when the server never answers', async () => {
        // A fetch that never settles (until aborted), and the element's 15 s timeout shortened to 50 ms.
        const realFetch = window.fetch, realSetTimeout = window.setTimeout;
        window.fetch = ((_: RequestInfo | URL, init?: RequestInit) => new Promise((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        })) as typeof fetch;
        window.setTimeout = ((fn: TimerHandler, ms?: number, ...args: unknown[]) => realSetTimeout(fn, ms === 15000 ? 50 : ms, ...args)) as typeof setTimeout;
        try {
          const el = place<ScalingFit | ScalingIsoflop>(`<${tag} src="/never-answers.csv"></${tag}>`);
          expect(await alertText(el)).to.match(/never-answers\.csv.*no answer within 15 seconds/);
        } finally {
          window.fetch = realFetch;
          window.setTimeout = realSetTimeout;
        }
      });
    });
  }

  it('an element removed mid-fit leaks nothing: no error, no result, no fit event, no busy worker', async () => {
    let fitted = 0;
    // The exact fit of the 240 Chinchilla runs keeps the workers busy for a while: remove the element as soon as they are.
    const el = place<ScalingFit>('<scaling-fit strategy="exact" src="/test/fixtures/data/chinchilla-svg-extracted.csv" drop-highest="5"></scaling-fit>');
    el.addEventListener('scaling-fit-done', () => fitted++);
    const end = performance.now() + 15000;
    while (busyWorkerCount() === 0 && !el.result && performance.now() < end) await sleep(1);
    expect(el.result, 'still fitting').to.equal(undefined);
    wrap!.remove();
    await until(() => busyWorkerCount() === 0, 8000, 'workers to settle');
    await sleep(300);
    expect(el.result, 'the result of a fit cut short is dropped').to.equal(undefined);
    expect(fitted).to.equal(0);
    expect(problems).to.deep.equal([]);
    // Put back, it fits again from scratch.
    document.body.append(wrap!);
    await until(() => !!el.result, 30000, 'the refit');
    expect(fitted).to.equal(1);
  });
});
