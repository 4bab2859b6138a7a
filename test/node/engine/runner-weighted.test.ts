// Bootstrap refits in this thread (a page that refuses workers, or `workers: 0`) run
// a chunk of refits per task, as many-start fits do: the page paints and can cancel
// between chunks. Before, a whole batch ran in one task: 500 refits of 5,000 runs
// held the page for seconds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Runner } from '../../../src/engine/runner.js';
import { fitDataFor } from '../../../src/core/fit-data.js';
import { demoRuns } from '../../../src/data/demo.js';
import { defaultSpec, type BatchResult, type Engine } from '../../../src/engine/types.js';

const spec = defaultSpec();
const data = fitDataFor(demoRuns(), spec);
const n = data.count;
const solver = { maxIter: 200, maxEvals: 2000, gtol: 1e-8, ftol: 1e-10 };
const start = Float64Array.of(6, 7, 0.5, 0.34, 0.28);
/** 200 resamples as per-run weights (a fixed pattern: run i drawn (i + k) % 3 times). */
const weights = Float64Array.from({ length: 200 * n }, (_, j) => (Math.floor(j / n) + (j % n)) % 3);

/** Records each call the runner makes to its engine: refits asked for, and event-loop turns seen before it. */
function watch(engine: Engine) {
  const calls: { refits: number; turns: number }[] = [];
  let turns = 0, ticking = true;
  const tick = () => { turns++; if (ticking) setImmediate(tick); };
  setImmediate(tick);
  const fitWeighted = engine.fitWeighted.bind(engine);
  engine.fitWeighted = (s, w, t, o) => {
    calls.push({ refits: w.length / n, turns });
    return fitWeighted(s, w, t, o);
  };
  return { calls, stop: () => { ticking = false; engine.fitWeighted = fitWeighted; } };
}

test('refits in this thread run a chunk per task, and give the rows one call would', async () => {
  const runner = new Runner('js', data, { workers: 0, ownEngine: true });
  const whole: BatchResult = runner.here.fitWeighted(spec, weights, start, solver);
  const seen = watch(runner.here);
  const batch = await runner.weighted(spec, weights, start, solver).finally(seen.stop);
  assert.ok(seen.calls.length >= 3, `${seen.calls.length} calls`);
  assert.equal(seen.calls.reduce((a, c) => a + c.refits, 0), 200);
  for (let k = 1; k < seen.calls.length; k++) {
    assert.ok(seen.calls[k].turns > seen.calls[k - 1].turns, `no turn of the event loop before chunk ${k}`);
  }
  assert.deepEqual(batch, whole);
});

test('an abort between chunks ends the refits there', async () => {
  const controller = new AbortController();
  const runner = new Runner('js', data, { workers: 0, ownEngine: true, signal: controller.signal });
  const seen = watch(runner.here);
  const fitWeighted = runner.here.fitWeighted;
  runner.here.fitWeighted = (s, w, t, o) => { controller.abort(); return fitWeighted(s, w, t, o); };
  await assert.rejects(runner.weighted(spec, weights, start, solver).finally(seen.stop), { name: 'AbortError' });
  assert.equal(seen.calls.length, 1);
});
