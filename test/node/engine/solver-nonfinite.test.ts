// L-BFGS never reports convergence at an iterate whose gradient is NaN or
// ±∞: comparisons with NaN are false, so such a gradient used to fall through
// to "gradient below tolerance". Both twins (WebAssembly builds through the
// engine API, the TypeScript solver directly) and the fit result.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitSync } from '../../../src/core/fit.js';
import { createEngine } from '../../../src/engine/select.js';
import { wasmModule, WASM_BUILDS } from '../../../src/engine/wasm.js';
import { lbfgs, STATUS_NOT_FINITE, type SolverOutcome } from '../../../src/engine/js/lbfgs.js';
import { Workspace } from '../../../src/engine/js/workspace.js';
import { defaultSpec, isConvergedStatus, solverStatus, type FitData } from '../../../src/engine/types.js';

const engines = [...WASM_BUILDS.filter((b) => wasmModule(b) !== null), 'js'] as const;
const SOLVER = { maxIter: 1000, maxEvals: 20000, gtol: 1e-9, ftol: 1e-8 };

// Saturating law L̂ = eᵉ + eᵃ·N^(−α) on raw squared loss Σ (L̂ − L)², three runs (N = 1, e¹⁰, e²⁰; L = 2).
// At θ = (e, a, α) = (−354, 354.6, 1) run 1 predicts L̂ ≈ e^354.6, so the objective ≈ e^709.2 ≈ 1.0e308 is
// finite while its gradient 2(L̂ − L)·L̂·∂q/∂θ is 2·e^709.2 > the largest double: an overflow, not a bug.
const N = [1, Math.exp(10), Math.exp(20)], L = [2, 2, 2];
const THETA = [-354, 354.6, 1];
const data: FitData = {
  count: 3, lnN: Float64Array.from(N, Math.log), lnD: Float64Array.from(N, Math.log), lnC: Float64Array.from(N, Math.log),
  lnU: Float64Array.from(N, Math.log), lnL: Float64Array.from(L, Math.log), loss: Float64Array.from(L), input: Float64Array.from(L), weight: new Float64Array(3).fill(1),
};
const spec = defaultSpec({ form: 'saturating', loss: 'squared-raw' });

test('the overflow case: objective finite, gradient not (computed here, independently of the kernels)', () => {
  const pred = N.map((n) => Math.exp(THETA[0]) + Math.exp(THETA[1]) * n ** -THETA[2]);
  const f = pred.reduce((s, p, i) => s + (p - L[i]) ** 2, 0);
  assert.ok(Number.isFinite(f) && f > 1e307, `f = ${f}`);
  assert.equal(2 * (pred[0] - L[0]) * pred[0], Infinity);
});

for (const name of engines) {
  test(`regression: ${name}: a start whose gradient overflows ends "not finite", not converged`, () => {
    const engine = createEngine(name);
    engine.setData(data);
    const grad = new Float64Array(3);
    assert.ok(Number.isFinite(engine.objective(spec, Float64Array.from(THETA), grad)));
    assert.ok(grad.some((g) => !Number.isFinite(g)), `gradient ${grad}`);
    const out = engine.fitStarts(spec, Float64Array.from(THETA), SOLVER);
    assert.equal(isConvergedStatus(out.status[0]), false, `status ${out.status[0]}: ${solverStatus(out.status[0])}`);
    assert.equal(out.status[0], STATUS_NOT_FINITE);
  });
}

test('regression: the fit result says not converged, and no start counts as converged', () => {
  for (const engine of engines) {
    const r = fitSync({ N, D: N, loss: L }, { form: 'saturating', loss: 'squared-raw', starts: [{ e: THETA[0], a: THETA[1], alpha: THETA[2] }], engine });
    assert.equal(r.converged, false, `${engine}: ${r.status}`);
    assert.equal(r.status, 'gradient-not-finite');
    assert.equal(r.starts.converged, 0, `${engine}: ${r.starts.converged} of ${r.starts.total} starts counted as converged`);
    assert.ok(Number.isFinite(r.gradientNorm), `gradientNorm ${r.gradientNorm}`);
    assert.ok(r.diagnostics.some((d) => d.code === 'gradient-not-finite' && d.parameters.length > 0), JSON.stringify(r.diagnostics));
  }
});

for (const bad of [NaN, Infinity, -Infinity]) {
  test(`regression: TypeScript L-BFGS stops "not finite" when a later iterate's gradient is ${bad}`, () => {
    // f = (x − 3)² with its true gradient left of x = 2 and `bad` beyond: the minimum x = 3 has f = 0 but no gradient.
    const ws = new Workspace(1);
    const out: SolverOutcome = { f: 0, iterations: 0, status: -1 };
    lbfgs(ws, (x, g) => { g[0] = x[0] > 2 ? bad : 2 * (x[0] - 3); return (x[0] - 3) ** 2; }, SOLVER, out);
    assert.ok(out.iterations >= 1, `${out.iterations} iterations`);
    assert.ok(ws.x[0] > 2, `stopped at x = ${ws.x[0]}`);
    assert.equal(isConvergedStatus(out.status), false, `status ${out.status}: ${solverStatus(out.status)}`);
    assert.equal(out.status, STATUS_NOT_FINITE);
  });
}

test('regression: TypeScript L-BFGS stops "not finite" at a start with a finite objective and a NaN gradient', () => {
  const ws = new Workspace(2);
  const out: SolverOutcome = { f: 0, iterations: -1, status: -1 };
  lbfgs(ws, (x, g) => { g[0] = NaN; g[1] = 1; return 1 + x[1]; }, SOLVER, out);
  assert.deepEqual([out.status, out.iterations], [STATUS_NOT_FINITE, 0]);
});

// A gradient that is finite but beyond ~1e154 makes the slope Σ dᵢ·gᵢ overflow to −∞; the line search then
// finds no step and the solver used to report "converged to rounding precision" at the start.
test('regression: TypeScript L-BFGS takes steps when the slope overflows, and finds the minimum', () => {
  const ws = new Workspace(1);
  const out: SolverOutcome = { f: 0, iterations: 0, status: -1 };
  // f = 1e200·(x − 3)²: at x = 0 the gradient is −6e200, its square overflows.
  lbfgs(ws, (x, g) => { g[0] = 2e200 * (x[0] - 3); return 1e200 * (x[0] - 3) ** 2; }, SOLVER, out);
  assert.ok(Math.abs(ws.x[0] - 3) < 1e-6, `stopped at x = ${ws.x[0]}, status ${solverStatus(out.status)}`);
});

for (const name of engines) {
  test(`regression: ${name}: a start whose slope overflows is not "converged" where it started`, () => {
    // Run 1 predicts L̂ ≈ e^200: f ≈ e^400 ≈ 5e173, gradient ≈ 1e174 (finite), slope ≈ −1e348 (overflows).
    const theta = [-354, 200, 1];
    const engine = createEngine(name);
    engine.setData(data);
    const grad = new Float64Array(3);
    const f0 = engine.objective(spec, Float64Array.from(theta), grad);
    assert.ok(f0 > 1e170 && grad.every(Number.isFinite), `f ${f0}, gradient ${grad}`);
    const out = engine.fitStarts(spec, Float64Array.from(theta), SOLVER);
    const f = engine.objective(spec, out.theta.slice(0, 3), grad);
    assert.ok(f < 1e-3 * f0 || !isConvergedStatus(out.status[0]), `status ${solverStatus(out.status[0])} at f = ${f}`);
    assert.ok(f < 1, `the solver moved: f ${f0} → ${f}`);
  });
}
