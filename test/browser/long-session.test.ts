// A long session in one page: 1,000 consecutive fits, then 100 cycles of
// connecting and removing a <scaling-fit> (each fitting inline runs). The
// WebAssembly memory of the shared engines must stay exactly flat (after the
// first fit sized it); every removed element must be collected (WeakRefs,
// checked after forced collections: a registry or listener that kept them
// would keep them all); and the JS heap, measured after a forced collection
// (scripts/wtr-browsers.mjs starts Chromium with --expose-gc and precise
// performance.memory), may not grow by more than a small allowance from the
// first checkpoint to the last. One summary line per part. Only Chromium gives
// a page gc() and performance.memory, so this file runs in Chromium only.
import { expect } from '@esm-bundle/chai';
import '../../src/elements/fit/fit.js';
import type { ScalingFit } from '../../src/elements/fit/fit.component.js';
import { engineMemory, fit } from '../../src/core/fit.js';
import { readRuns } from '../../src/core/runs.js';
import { workerCount } from '../../src/engine/pool.js';
import { demoCsv } from '../../src/data/demo.js';

const MB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc;
/** The live JS heap: used size right after forced major collections (between tasks, so nothing pending holds garbage). */
async function heap(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 0));
    gc!();
  }
  return (performance as Performance & { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
}
const wasmBytes = (): number => engineMemory().reduce((s, e) => s + e.bytes, 0);
const mb = (x: number) => `${(x / MB).toFixed(2)} MB`;

/**
 * Growth allowed between the first and the last checkpoint, after forced
 * collections. Measured here: +0.1 MB over 1,000 fits (flat after ~600:
 * compiled code and caches that fill once) and +0.2 MB over 100 element
 * cycles. A leak of 1 KB per fit, or 10 KB per element cycle, fails.
 */
const HEAP_SLACK = 1 * MB;

describe('a long session', function () {
  this.timeout(120_000);
  const lines = demoCsv().trim().split('\n');
  // Three data sets of different sizes, so the engines reload data of every size again and again.
  const sets = [20, 50, 81].map((n) => readRuns([lines[0], ...lines.slice(1, n + 1)].join('\n')));

  before(() => expect(gc, 'gc() exposed by the test browser (--js-flags=--expose-gc)').to.be.a('function'));

  it('1,000 consecutive fits keep WebAssembly memory and the JS heap flat', async () => {
    const wasm: number[] = [], heaps: number[] = [];
    const t0 = performance.now();
    for (let k = 0; k < 1000; k++) {
      const r = await fit(sets[k % 3]);
      expect(Number.isFinite(r.objective)).to.equal(true);
      if (k % 100 === 99) {
        wasm.push(wasmBytes());
        heaps.push(await heap());
      }
    }
    const ms = performance.now() - t0;
    console.log(`long session: 1000 fits in ${(ms / 1000).toFixed(1)} s; WebAssembly memory ${mb(wasm[0])} → ${mb(wasm[wasm.length - 1])} (${engineMemory().map((e) => e.build).join(', ')}); JS heap after gc ${mb(heaps[0])} → ${mb(heaps[heaps.length - 1])}; workers ${workerCount()}`);
    expect(new Set(wasm).size, `WebAssembly memory per 100 fits: ${wasm.map(mb).join(', ')}`).to.equal(1);
    expect(heaps[heaps.length - 1] - heaps[0], `JS heap per checkpoint: ${heaps.map(mb).join(', ')}`).to.be.below(HEAP_SLACK);
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
        el.addEventListener('scaling-fit-done', () => { clearTimeout(timer); resolve(); }, { once: true });
      });
      await el.updateComplete;
      el.remove();
      removed.push(new WeakRef(el));
      if (k % 10 === 9) {
        heaps.push(await heap());
        wasm.push(wasmBytes());
      }
    }
    host.remove();
    const ms = performance.now() - t0;
    await heap();
    const alive = removed.filter((r) => r.deref() !== undefined).length;
    console.log(`long session: 100 <scaling-fit> connect/disconnect cycles in ${(ms / 1000).toFixed(1)} s; WebAssembly memory ${mb(wasm[0])} → ${mb(wasm[wasm.length - 1])}; JS heap after gc ${mb(heaps[0])} → ${mb(heaps[heaps.length - 1])}; removed elements still alive after collection ${alive} of 100; workers ${workers0} → ${workerCount()}`);
    expect(alive, 'removed elements that cannot be collected').to.equal(0);
    expect(new Set(wasm).size, `WebAssembly memory per 10 cycles: ${wasm.map(mb).join(', ')}`).to.equal(1);
    expect(workerCount()).to.equal(workers0);
    expect(heaps[heaps.length - 1] - heaps[0], `JS heap per checkpoint: ${heaps.map(mb).join(', ')}`).to.be.below(HEAP_SLACK);
  });
});
