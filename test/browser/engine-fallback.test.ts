// The WebAssembly build a browser without relaxed SIMD picks (Safari and other
// WebKit browsers today: WebKitGTK 2.50 refuses it), and one without SIMD at all.
// engines.test.ts runs each build by name; this checks that engine "auto" gets
// there by itself: in a fresh page (an iframe) whose WebAssembly.validate
// refuses the newer builds' bytes, as such a browser's does, a fit picks the
// next build, runs it on its workers (the exact 4,500-start fit), and gives the
// numbers that build gives here.
import { expect } from '@esm-bundle/chai';
import { fit } from '../../src/core/fit.js';
import { demoRuns } from '../../src/data/demo.js';
import type { WasmBuild } from '../../src/engine/wasm.js';
import { until } from './helpers.js';

interface Outcome { best: string | null; engine: string; workers: number; objective: number; converged: boolean }

/** A fit with engine "auto" in a fresh page whose WebAssembly.validate refuses the `refused` builds. */
async function fitRefusing(refused: WasmBuild[]): Promise<Outcome> {
  const frame = document.createElement('iframe');
  document.body.append(frame);
  const win = frame.contentWindow as Window & { __done?: Outcome; __failed?: string };
  const script = frame.contentDocument!.createElement('script');
  script.type = 'module';
  script.textContent = `
    try {
      const bytes = await import('/src/engine/generated/wasm-bytes.ts');
      const sources = { 'relaxed-simd': bytes.wasmRelaxedSimd, simd: bytes.wasmSimd, scalar: bytes.wasmScalar };
      const refused = ${JSON.stringify(refused)}.map((b) => bytes.wasmBytes(sources[b]));
      const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
      const validate = WebAssembly.validate;
      WebAssembly.validate = (b) => !refused.some((r) => same(new Uint8Array(b), r)) && validate(b);
      const { bestWasmBuild } = await import('/src/engine/wasm.ts');
      const { fit } = await import('/src/core/fit.ts');
      const { demoRuns } = await import('/src/data/demo.ts');
      const r = await fit(demoRuns(), { engine: 'auto', strategy: 'exact' });
      window.__done = { best: bestWasmBuild(), engine: r.engine, workers: r.workers, objective: r.objective, converged: r.converged };
    } catch (e) { window.__failed = String(e && e.stack || e); }`;
  frame.contentDocument!.body.append(script);
  try {
    await until(() => win.__done !== undefined || win.__failed !== undefined, 30000, 'the iframe fit');
  } finally {
    frame.remove();
  }
  expect(win.__failed).to.equal(undefined);
  return win.__done!;
}

describe('engine "auto" without relaxed SIMD, or without SIMD', () => {
  const cases: [string, WasmBuild[], WasmBuild][] = [
    ['no relaxed SIMD (WebKit)', ['relaxed-simd'], 'simd'],
    ['no SIMD', ['relaxed-simd', 'simd'], 'scalar'],
  ];
  for (const [what, refused, expected] of cases) {
    it(`${what}: fits on the ${expected} build, on workers, with its numbers`, async () => {
      const got = await fitRefusing(refused);
      expect(got.best).to.equal(expected);
      expect(got.engine).to.equal(expected);
      expect(got.workers).to.equal(navigator.hardwareConcurrency);
      expect(got.converged).to.equal(true);
      const here = await fit(demoRuns(), { engine: expected, strategy: 'exact' });
      expect(Math.abs(got.objective - here.objective) / here.objective).to.be.below(1e-12);
    });
  }
});
