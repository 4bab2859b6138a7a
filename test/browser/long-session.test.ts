// A long session in one page: 1,000 consecutive fits, then 100 cycles of
// connecting and removing a <scaling-fit> (each fitting inline runs). The
// WebAssembly memory of the shared engines must stay exactly flat (after the
// first fit sized it); every removed element must become collectable (a
// WeakRef to each, checked after enough garbage to force major collections:
// a registry or listener that kept them would keep them all); and the JS heap
// (performance.memory, Chromium; no gc() here, so it wanders with collection
// timing) may not climb beyond a generous tolerance. One summary line per part.
import { expect } from '@esm-bundle/chai';
import '../../src/elements/fit/fit.js';
import type { ScalingFit } from '../../src/elements/fit/fit.component.js';
import { engineMemory, fit } from '../../src/core/fit.js';
import { readRuns } from '../../src/core/runs.js';
import { workerCount } from '../../src/engine/pool.js';
import { demoCsv } from '../../src/data/demo.js';

const MB = 1024 * 1024;
const heap = (): number => (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN;
const wasmBytes = (): number => engineMemory().reduce((s, e) => s + e.bytes, 0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (x: number) => (Number.isFinite(x) ? `${(x / MB).toFixed(1)} MB` : 'n/a');
const settle = () => new Promise((r) => setTimeout(r, 0));

/** The heap wanders with collection timing (no forced gc here): the last window may not exceed the first by more than this. */
const HEAP_SLACK = 64 * MB;

/**
 * Garbage enough to make V8 run major (old-generation) collections: large
 * arrays live in old space, and a few are kept for a while so the space keeps
 * growing; spread over tasks, so WeakRef targets may be dropped in between.
 */
async function churn(): Promise<void> {
  const kept: number[][] = [];
  for (let i = 0; i < 40; i++) {
    kept.push(new Array(1_000_000).fill(i + 0.5));
    if (kept.length > 6) kept.shift();
    await new Promise((r) => setTimeout(r, 0));
  }
}

describe('a long session', function () {
  this.timeout(120_000);
  const lines = demoCsv().trim().split('\n');
  // Three data sets of different sizes, so the engines reload data of every size again and again.
  const sets = [20, 50, 81].map((n) => readRuns([lines[0], ...lines.slice(1, n + 1)].join('\n')));

  it('1,000 consecutive fits keep WebAssembly memory and the JS heap flat', async () => {
    const wasm: number[] = [], heaps: number[] = [];
    const t0 = performance.now();
    for (let k = 0; k < 1000; k++) {
      const r = await fit(sets[k % 3]);
      expect(Number.isFinite(r.objective)).to.equal(true);
      if (k % 100 === 99) {
        await settle();
        wasm.push(wasmBytes());
        heaps.push(heap());
      }
    }
    const ms = performance.now() - t0;
    console.log(`long session: 1000 fits in ${(ms / 1000).toFixed(1)} s; WebAssembly memory ${mb(wasm[0])} → ${mb(wasm[wasm.length - 1])} (${engineMemory().map((e) => e.build).join(', ')}); JS heap ${mb(median(heaps.slice(0, 3)))} → ${mb(median(heaps.slice(-3)))}; workers ${workerCount()}`);
    expect(new Set(wasm).size, `WebAssembly memory per 100 fits: ${wasm.map(mb).join(', ')}`).to.equal(1);
    if (heaps.every(Number.isFinite)) expect(median(heaps.slice(-3))).to.be.below(median(heaps.slice(0, 3)) + HEAP_SLACK);
  });

  it('100 connect/disconnect cycles of <scaling-fit> keep memory flat and leave no worker busy', async () => {
    const heaps: number[] = [], wasm: number[] = [];
    const host = document.createElement('div');
    host.style.width = '480px';
    document.body.append(host);
    const workers0 = workerCount();
    const removed: WeakRef<ScalingFit>[] = [];
    const t0 = performance.now();
    for (let k = 0; k < 100; k++) {
      host.innerHTML = `<scaling-fit><script type="text/csv">${[lines[0], ...lines.slice(1, 31 + (k % 3) * 20)].join('\n')}</script></scaling-fit>`;
      const el = host.firstElementChild as ScalingFit;
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`cycle ${k}: no fit within 10 s`)), 10_000);
        el.addEventListener('fit', () => { clearTimeout(timer); resolve(); }, { once: true });
      });
      await el.updateComplete;
      el.remove();
      removed.push(new WeakRef(el));
      if (k % 10 === 9) {
        await settle();
        heaps.push(heap());
        wasm.push(wasmBytes());
      }
    }
    host.remove();
    const ms = performance.now() - t0;
    let alive = removed.length;
    for (let round = 0; round < 5 && alive >= 20; round++) {
      await churn();
      alive = removed.filter((r) => r.deref() !== undefined).length;
    }
    console.log(`long session: 100 <scaling-fit> connect/disconnect cycles in ${(ms / 1000).toFixed(1)} s; WebAssembly memory ${mb(wasm[0])} → ${mb(wasm[wasm.length - 1])}; JS heap ${mb(median(heaps.slice(0, 3)))} → ${mb(median(heaps.slice(-3)))}; removed elements still alive after collection ${alive} of 100; workers ${workers0} → ${workerCount()}`);
    // A few may still be referenced from the last tasks; a leak would keep every one.
    expect(alive, 'removed elements that cannot be collected').to.be.below(20);
    expect(new Set(wasm).size, `WebAssembly memory per 10 cycles: ${wasm.map(mb).join(', ')}`).to.equal(1);
    expect(workerCount()).to.equal(workers0);
    if (heaps.every(Number.isFinite)) expect(median(heaps.slice(-3))).to.be.below(median(heaps.slice(0, 3)) + HEAP_SLACK);
  });
});
