// The WebAssembly builds and the TypeScript twin in real Chromium and Firefox: every
// engine against the independent numpy values and the exact optimum of
// issue #2, with the starts spread over Blob-URL workers.
import { expect } from '@esm-bundle/chai';
import { readRuns } from '../../src/core/runs.js';
import { fit } from '../../src/core/fit.js';
import { createEngine } from '../../src/engine/select.js';
import { wasmModule, WASM_BUILDS, bestWasmBuild } from '../../src/engine/wasm.js';
import { defaultSpec, type EngineName, type FitData } from '../../src/engine/types.js';
import { fitDataFromRuns } from '../../src/core/fit.js';
import { CHINCHILLA_FILE, DROP_HIGHEST, OBJECTIVE_CASES, RUNS_AFTER_DROP, compareObjective, compareOptimum } from '../fixtures/chinchilla-reference.js';

const csv = async () => (await fetch(`/test/fixtures/data/${CHINCHILLA_FILE}`)).text();
const ENGINES: EngineName[] = ['relaxed-simd', 'simd', 'scalar', 'js'];

describe('engines in the browser', () => {
  let points: FitData;
  before(async () => {
    const runs = readRuns(await csv(), { dropHighest: DROP_HIGHEST });
    expect(runs.N.length).to.equal(RUNS_AFTER_DROP);
    points = fitDataFromRuns(runs);
  });

  it('validates all three WebAssembly builds and picks relaxed SIMD', () => {
    for (const build of WASM_BUILDS) expect(wasmModule(build), build).to.be.instanceOf(WebAssembly.Module);
    expect(bestWasmBuild()).to.equal('relaxed-simd');
  });

  for (const name of ENGINES) {
    it(`${name}: objective and gradient match numpy at the three reference θ`, () => {
      const engine = createEngine(name);
      expect(engine.name).to.equal(name);
      engine.setData(points);
      for (const c of OBJECTIVE_CASES) {
        const grad = new Float64Array(5);
        const f = engine.objective(defaultSpec(), Float64Array.from(c.theta), grad);
        expect(compareObjective(c, f, grad), `θ = ${c.theta}`).to.equal(null);
      }
    });
  }

  for (const name of ENGINES) {
    it(`${name}: the exact 4,500-start fit reaches the reference optimum`, async () => {
      const r = await fit(await csv(), { dropHighest: DROP_HIGHEST, strategy: 'exact', engine: name });
      expect(r.engine).to.equal(name);
      expect(r.workers, 'workers').to.equal(name === 'js' ? 0 : navigator.hardwareConcurrency);
      expect(r.starts.total).to.be.within(4500, 4502); // Hoffmann's grid and up to two negative-exponent starts
      expect(compareOptimum(r.objective, r.params as unknown as Record<string, number>)).to.equal(null);
      expect(r.converged).to.equal(true);
    });
  }

  it('reports progress and can be cancelled', async () => {
    const seen: number[] = [];
    const controller = new AbortController();
    const pending = fit(await csv(), {
      dropHighest: DROP_HIGHEST,
      strategy: 'exact',
      onProgress: (done, total) => {
        seen.push(done);
        expect(total).to.be.within(4500, 4502);
        if (seen.length === 2) controller.abort();
      },
      signal: controller.signal,
    });
    let error: unknown;
    try {
      await pending;
    } catch (e) {
      error = e;
    }
    expect((error as Error)?.name).to.equal('AbortError');
    expect(seen.length).to.be.greaterThan(1);
    expect(seen[seen.length - 1]).to.be.lessThan(4500);
  });
});

describe('test harness', () => {
  it('serves the fixture datasets from the repository at /test/fixtures/data/', async () => {
    expect((await csv()).split('\n', 1)[0].split(',')[0]).to.equal('x');
  });
});
