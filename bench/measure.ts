/**
 * Measurements shared by the Node and Chromium halves of `npm run bench`.
 * Engines are timed in interleaved rounds (each round times every engine
 * once) and the median round is reported, so drift on a shared, noisy
 * machine hits all engines alike.
 */

import { readRuns } from '../src/core/runs.js';
import { fit, fitSync } from '../src/core/fit.js';
import { createEngine } from '../src/engine/select.js';
import { bestWasmBuild, wasmModule, WASM_BUILDS } from '../src/engine/wasm.js';
import { defaultSpec, type EngineName, type FitData } from '../src/engine/types.js';
import { fitDataFromRuns } from '../src/core/fit.js';

export interface KernelRow { engine: EngineName; nsPerPoint: number }
export interface GridRow { engine: EngineName; workers: number; ms: number; objective: number; evaluations: number }

function points(csv: string): FitData {
  return fitDataFromRuns(readRuns(csv, { dropHighest: 5 }));
}

export function availableEngines(): EngineName[] {
  return [...WASM_BUILDS.filter((b) => wasmModule(b) !== null), 'js'];
}

/** ns per run of one objective + gradient evaluation, for every engine here. */
export function measureKernels(csv: string, rounds = 9, msPerRound = 60): KernelRow[] {
  const pts = points(csv);
  const spec = defaultSpec();
  const theta = Float64Array.from([6.0073404, 6.0179186, 0.5267228, 0.33917084, 0.2849083]);
  const grad = new Float64Array(5);
  const engines = availableEngines().map((name) => {
    const e = createEngine(name);
    e.setData(pts);
    for (let i = 0; i < 2000; i++) e.objective(spec, theta, grad); // warm up the JIT
    return e;
  });
  const samples = engines.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    engines.forEach((e, k) => {
      let calls = 0;
      const t0 = performance.now();
      let t = t0;
      while (t - t0 < msPerRound) {
        for (let i = 0; i < 100; i++) e.objective(spec, theta, grad);
        calls += 100;
        t = performance.now();
      }
      samples[k].push(((t - t0) * 1e6) / (calls * pts.count));
    });
  }
  return engines.map((e, k) => ({ engine: e.name, nsPerPoint: median(samples[k]) }));
}

/** The exact 4,500-start fit with the best WebAssembly build (workers) and the TypeScript engine (one thread). */
export async function measureGrid(csv: string): Promise<GridRow[]> {
  const rows: GridRow[] = [];
  const best = bestWasmBuild();
  if (best) {
    await fit(csv, { dropHighest: 5, engine: best, starts: [{ a: 6, b: 7, e: 0.6, alpha: 0.3, beta: 0.3 }] }); // start the workers
    const r = await fit(csv, { dropHighest: 5, strategy: 'exact', engine: best });
    rows.push({ engine: r.engine, workers: r.workers, ms: r.ms, objective: r.objective, evaluations: r.evaluations });
  }
  const j = fitSync(csv, { dropHighest: 5, strategy: 'exact', engine: 'js' });
  rows.push({ engine: j.engine, workers: 0, ms: j.ms, objective: j.objective, evaluations: j.evaluations });
  return rows;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
