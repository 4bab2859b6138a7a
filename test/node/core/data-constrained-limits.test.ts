// The data-constrained form (Muennighoff et al. 2023) at the edges of its
// saturation x = (repeats)/R*: R* → 0 (x = ∞), x near the largest double,
// R* → ∞ (x = 0) and small x, on every engine. Expected values are the
// closed-form limits and Taylor series written out here, not the kernels.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveFitOptions } from '../../../src/core/fit-options.js';
import { createEngine } from '../../../src/engine/select.js';
import { wasmModule, WASM_BUILDS } from '../../../src/engine/wasm.js';
import type { FitData } from '../../../src/engine/types.js';

const engines = [...WASM_BUILDS.filter((b) => wasmModule(b) !== null), 'js'] as const;
const BASE = { A: 520.9, B: 1488.3, E: 1.869, alpha: 0.3527, beta: 0.3527 };
const { spec } = resolveFitOptions({ form: 'data-constrained', base: BASE, loss: 'squared' });

// Run 1 repeats both (N > U_N, D = 100·U); run 2 repeats neither (N < U_N, D = U).
const RUNS = [{ N: 1e9, D: 1e11, U: 1e9, L: 2.5 }, { N: 1e7, D: 1e10, U: 1e10, L: 3.0 }];
const ln = (v: number[]) => Float64Array.from(v, Math.log);
const data: FitData = {
  count: 2, lnN: ln(RUNS.map((r) => r.N)), lnD: ln(RUNS.map((r) => r.D)), lnC: ln(RUNS.map((r) => 6 * r.N * r.D)),
  lnU: ln(RUNS.map((r) => r.U)), lnL: ln(RUNS.map((r) => r.L)), loss: Float64Array.from(RUNS, (r) => r.L), input: Float64Array.from(RUNS, (r) => r.L), weight: new Float64Array(2).fill(1),
};

/** U_N of Muennighoff et al. (the size for which U tokens are compute-optimal under the base law). */
function uniqueParams(N: number, U: number): number {
  const { A, B, alpha, beta } = BASE;
  const G = ((alpha * A) / (beta * B)) ** (1 / (alpha + beta));
  return Math.min(N, G * (G * U) ** (beta / alpha));
}

/** The repeats r = N/U_N − 1 and D/U − 1 of each run. */
const repeats = RUNS.map(({ N, D, U }) => ({ UN: uniqueParams(N, U), rN: Math.max(N / uniqueParams(N, U) - 1, 0), rD: D / U - 1 }));

/**
 * Squared-log-residual objective and gradient given, per run, the effective
 * extra counts t = R·(1 − e^(−r/R)) and their ln R derivatives R·(1 − (1 + x)e^(−x)).
 */
function expected(parts: { tN: number; dN: number; tD: number; dD: number }[]): { f: number; g: [number, number] } {
  const { A, B, E, alpha, beta } = BASE;
  let f = 0;
  const g: [number, number] = [0, 0];
  RUNS.forEach((run, i) => {
    const { UN } = repeats[i], p = parts[i];
    const Np = UN * (1 + p.tN), Dp = run.U * (1 + p.tD);
    const termN = A * Np ** -alpha, termD = B * Dp ** -beta, L = E + termN + termD;
    const r = Math.log(L) - Math.log(run.L);
    f += r * r;
    g[0] += 2 * r * (-alpha * (termN / L) * UN * p.dN / Np);
    g[1] += 2 * r * (-beta * (termD / L) * run.U * p.dD / Dp);
  });
  return { f, g };
}

function check(theta: [number, number], want: { f: number; g: [number, number] }, gtol: number): void {
  for (const name of engines) {
    const engine = createEngine(name);
    engine.setData(data);
    const grad = new Float64Array(2);
    const f = engine.objective(spec, Float64Array.from(theta), grad);
    assert.ok(Math.abs(f - want.f) <= 1e-12 * want.f, `${name} θ = ${theta}: f ${f}, limit ${want.f}`);
    grad.forEach((v, j) => assert.ok(Math.abs(v - want.g[j]) <= gtol * Math.abs(want.g[j]),
      `${name} θ = ${theta}: ∂f/∂θ${j} ${v}, expected ${want.g[j]}`));
  }
}

test('regression: R* = 0 (x = ∞) gives the limit D′ = U, N′ = U_N with a zero gradient, not ∞·0 = NaN', () => {
  // ln R* = −800: R* = e^−800 = 0 in doubles, so x = r/R* = ∞ (and 0/0 for the run without repeats).
  check([-800, -800], expected(RUNS.map(() => ({ tN: 0, dN: 0, tD: 0, dD: 0 }))), 0);
});

test('regression: R* subnormal (r/R* overflows to ∞) gives t = R*, ∂t/∂ln R* = R*', () => {
  const R = Math.exp(-720); // 1.8e-313: x = r/R overflows although R > 0; e^(−x) = 0 so both factors are 1
  const want = expected(repeats.map(({ rN, rD }) => ({ tN: rN > 0 ? R : 0, dN: rN > 0 ? R : 0, tD: rD > 0 ? R : 0, dD: rD > 0 ? R : 0 })));
  check([-720, -720], want, 1e-6);
});

test('x near the largest double (1e308): t = R*, ∂t/∂ln R* = R*', () => {
  // R* = r/1e308 for run 1 (a normal double), so x·e^(−x) = 1e308·0 = 0 exactly.
  const { rN, rD } = repeats[0], RN = rN / 1e308, RD = rD / 1e308;
  const want = expected([{ tN: RN, dN: RN, tD: RD, dD: RD }, { tN: 0, dN: 0, tD: 0, dD: 0 }]);
  check([Math.log(RN), Math.log(RD)], want, 1e-12);
});

test('regression: R* = ∞ (x = 0) gives the limit t = r (no saturation), not ∞·0 = NaN', () => {
  // ln R* = 800: R* = ∞, so N′ = U_N·(1 + r) = N and D′ = D; ∂t/∂ln R* = r²/(2R*) → 0.
  check([800, 800], expected(repeats.map(({ rN, rD }) => ({ tN: rN, dN: 0, tD: rD, dD: 0 }))), 0);
});

test('regression: small x keeps the gradient accurate (no cancellation in 1 − e^(−x) − x·e^(−x))', () => {
  // R* = 1e12: x = r/R* ≈ 1e-10. Series: t = r(1 − x/2 + x²/6 − x³/24), R·(1 − (1 + x)e^(−x)) = r(x/2 − x²/3 + x³/8 − x⁴/30).
  const R = 1e12;
  const series = (r: number) => {
    const x = r / R;
    return { t: r * (1 - x / 2 + (x * x) / 6 - (x * x * x) / 24), d: r * (x / 2 - (x * x) / 3 + (x * x * x) / 8 - (x * x * x * x) / 30) };
  };
  const want = expected(repeats.map(({ rN, rD }) => {
    const n = series(rN), d = series(rD);
    return { tN: n.t, dN: n.d, tD: d.t, dD: d.d };
  }));
  check([Math.log(R), Math.log(R)], want, 1e-10);
});
