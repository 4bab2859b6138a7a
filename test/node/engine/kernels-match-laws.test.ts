// Every fitting kernel (assembly/forms/<form>.ts, src/engine/js/forms/<form>.ts)
// against its law's own description: on runs whose loss is exactly the law's
// prediction at θ (lawFromTheta then evaluateLaw), every engine's objective
// is ~0 at θ, so the kernel reads θ in the descriptor's order and computes
// the same law; away from θ its analytic gradient matches central
// differences, and every WebAssembly build agrees with the TypeScript twin.
// The task forms (a metric predicted from a loss, FitData.input) take the same
// checks on runs whose metric is the law's prediction, under all four losses;
// their other checks are in ./task-kernels.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mulberry32 as random } from '../../fixtures/mulberry32.js';
import { lawFromTheta, thetaNames } from '../../../src/core/forms.js';
import { evaluateLaw } from '../../../src/core/forms-eval.js';
import { describe } from '../../../src/laws/index.js';
import { createEngine } from '../../../src/engine/select.js';
import { wasmModule, WASM_BUILDS } from '../../../src/engine/wasm.js';
import { defaultSpec, fitData, paramCount, type FitData, type LossName, type ObjectiveSpec, type Variable } from '../../../src/engine/types.js';

const engines = [...WASM_BUILDS.filter((b) => wasmModule(b) !== null), 'js'] as const;
// squared goes through lnL; squared-raw through L̂ itself, and for Chinchilla
// it is the loss that reaches the per-run kernel rather than the tuned one.
const losses: LossName[] = ['squared', 'squared-raw', 'squared-log1p'];
// The task forms have their own raw path in the objective for every loss.
const ALL_LOSSES: LossName[] = ['huber', 'squared', 'squared-raw', 'asymmetric', 'squared-log1p'];
const SAMPLES = 4;


/** A seed per case (FNV-1a of its name), so cases of the same shape still draw different θ. */
const seedOf = (name: string) => [...name].reduce((h, ch) => Math.imul(h ^ ch.charCodeAt(0), 16777619), 2166136261);

/** 48 runs: N from 1e7 to 1e10, 2 to 1000 tokens per parameter, C = 6ND, U from 2 D down to D/64. */
const N: number[] = [], D: number[] = [], C: number[] = [], U: number[] = [];
const RATIOS = [2, 8, 20, 60, 200, 1000], EPOCHS = [0.5, 1, 2, 4, 16, 64, 1.3];
for (let a = 0; a < 8; a++) {
  for (let b = 0; b < RATIOS.length; b++) {
    const n = 1e7 * 10 ** (a * (3 / 7)), d = n * RATIOS[b];
    N.push(n); D.push(d); C.push(6 * n * d); U.push(d / EPOCHS[(a + 3 * b) % EPOCHS.length]);
  }
}
const count = N.length;
/** The task forms' input: a loss per run, evenly from 2.5 to 6. */
const INPUT = N.map((_, i) => 2.5 + (3.5 * i) / (count - 1));

/** The range of ln x over the runs for a one-variable form. */
function logRange(variable: Variable): [number, number] {
  const xs = (variable === 'N' ? N : variable === 'D' ? D : C).map(Math.log);
  return [Math.min(...xs), Math.max(...xs)];
}

/** A form under test: its spec, and per θ entry a sensible centre and spread for this data. */
interface Case { name: string; spec: ObjectiveSpec; centre: number[]; spread: number[]; losses?: LossName[] }

function oneVariableCases(variable: Variable): Case[] {
  const [lo, hi] = logRange(variable), mid = (lo + hi) / 2;
  const cases: Case[] = [
    { name: `power (${variable})`, spec: defaultSpec({ form: 'power', variable }), centre: [hi + 3, 0.07], spread: [1, 0.02] },
    { name: `saturating (${variable})`, spec: defaultSpec({ form: 'saturating', variable }), centre: [0.5, 0.25 * mid + 0.5, 0.25], spread: [0.3, 0.3, 0.05] },
  ];
  for (const breaks of [1, 2]) {
    const centre = [0.3, 0.1 * mid + 1.5, 0.1], spread = [0.3, 0.3, 0.03];
    for (let k = 0; k < breaks; k++) centre.push(0.3, lo + ((hi - lo) * (k + 1)) / (breaks + 1), -0.5), spread.push(0.1, 1, 0.3);
    cases.push({ name: `broken (${variable}, ${breaks} break${breaks > 1 ? 's' : ''})`, spec: defaultSpec({ form: 'broken', variable, breaks }), centre, spread });
  }
  return cases;
}

const BASE = [6.0, 6.0, 0.5, 0.34, 0.28]; // a, b, e, α, β of data-constrained's Chinchilla base law
const CASES: Case[] = [
  { name: 'chinchilla', spec: defaultSpec({ form: 'chinchilla' }), centre: [6, 6.5, 0.5, 0.34, 0.28], spread: [0.5, 0.5, 0.3, 0.04, 0.04] },
  { name: 'kaplan', spec: defaultSpec({ form: 'kaplan' }), centre: [32.1, 31.6, 0.076, 0.095], spread: [1, 1, 0.01, 0.01] },
  ...(['N', 'D', 'C'] as const).flatMap(oneVariableCases),
  { name: 'data-constrained', spec: defaultSpec({ form: 'data-constrained', constants: Float64Array.from(BASE) }), centre: [1.67, 2.73], spread: [0.5, 0.5] },
  { name: 'overtrained', spec: defaultSpec({ form: 'overtrained' }), centre: [0.5, 5, 6, 0.15], spread: [0.3, 0.5, 0.5, 0.03] },
  // Error rates from about 0.58 to 0.84 over the inputs, positive even at the farthest θ of the gradient check.
  { name: 'task-exp', spec: defaultSpec({ form: 'task-exp' }), centre: [0.85, 1.2, 1.0], spread: [0.05, 0.2, 0.1], losses: ALL_LOSSES },
  // Accuracies falling from about 0.92 to 0.26 as the loss grows (k < 0).
  { name: 'task-sigmoid', spec: defaultSpec({ form: 'task-sigmoid' }), centre: [0.7, 4, -2, 0.25], spread: [0.1, 0.5, 0.5, 0.05], losses: ALL_LOSSES },
];

/** The runs with each loss (for a task form each metric, from INPUT) the law's own prediction at θ. */
function runsOnLaw(spec: ObjectiveSpec, theta: ArrayLike<number>): FitData {
  const law = lawFromTheta(spec, theta);
  if (spec.form.startsWith('task-')) {
    // The descriptor's own formula at x = L: what evaluateLaw(law, { L }) returns once its checks pass.
    const metric = INPUT.map((L) => describe(law).evaluate(law, { N: NaN, D: NaN, U: NaN, x: L }));
    assert.ok(metric.every((y) => Number.isFinite(y) && y > 0), `law metrics ${metric}`);
    return fitData(N, D, metric, C, U, INPUT);
  }
  const loss = N.map((_, i) => evaluateLaw(law, { N: N[i], D: D[i], C: C[i], U: U[i] }));
  assert.ok(loss.every((l) => Number.isFinite(l) && l > 0), `law losses ${loss}`);
  return fitData(N, D, loss, C, U);
}

/** Objective and gradient of one engine at θ, as [f, ∂f/∂θ₀, …]. */
function evaluate(engine: ReturnType<typeof createEngine>, spec: ObjectiveSpec, theta: Float64Array): number[] {
  const grad = new Float64Array(paramCount(spec));
  const f = engine.objective(spec, theta, grad);
  return [f, ...grad];
}

test('the data-constrained runs repeat both tokens and parameters (both sides of the kernel are exercised)', () => {
  // U_N = min(N, G·(G·U)^(β/α)) < N is a parameter repeat; U < D a token repeat.
  const [a, b, , alpha, beta] = BASE;
  const G = ((alpha * Math.exp(a)) / (beta * Math.exp(b))) ** (1 / (alpha + beta));
  const UN = N.map((n, i) => Math.min(n, G * (G * Math.min(U[i], D[i])) ** (beta / alpha)));
  assert.ok(UN.some((u, i) => u < N[i]) && UN.some((u, i) => u === N[i]), 'some runs with and some without repeated parameters');
  assert.ok(U.some((u, i) => u < D[i]) && U.some((u, i) => u >= D[i]), 'some runs with and some without repeated tokens');
});

for (const c of CASES) {
  test(`${c.name}: every engine's kernel reproduces the law at θ, with gradients matching differences and the twin`, () => {
    const P = paramCount(c.spec), names = thetaNames(c.spec.form, c.spec.breaks);
    assert.equal(names.length, P, 'θ names and the kernel agree on the number of parameters');
    assert.equal(c.centre.length, P);
    const rand = random(seedOf(c.name));
    for (let s = 0; s < SAMPLES; s++) {
      const theta = Float64Array.from(c.centre, (m, j) => m + c.spread[j] * (2 * rand() - 1));
      // Away from θ by 30–70% of the spread, so residuals and every gradient entry are non-zero.
      const away = Float64Array.from(theta, (t, j) => t + c.spread[j] * (rand() < 0.5 ? -1 : 1) * (0.3 + 0.4 * rand()));
      const data = runsOnLaw(c.spec, theta);
      const at = `θ = [${Array.from(theta, (t) => t.toPrecision(6))}]`;
      for (const loss of c.losses ?? losses) {
        const spec = { ...c.spec, loss };
        const results = new Map<string, number[]>();
        for (const name of engines) {
          const engine = createEngine(name);
          engine.setData(data);
          // (a) The law's own losses fit exactly: the kernel reads θ in the descriptor's order.
          // The asymmetric loss is linear in the residual: rounding of the metric leaves ~1e-16 a run.
          const f0 = evaluate(engine, spec, theta)[0], tol0 = loss === 'asymmetric' ? 1e-14 * spec.asymmetry * count : 1e-20 * count;
          assert.ok(f0 <= tol0, `${name}/${loss}: objective ${f0} at the law's own ${at}`);
          // (b) The analytic gradient against central differences of the objective.
          const [f, ...grad] = evaluate(engine, spec, away);
          assert.ok(Number.isFinite(f) && f > 1e-8, `${name}/${loss}: objective ${f} away from ${at}`);
          for (let j = 0; j < P; j++) {
            const h = 1e-6 * Math.max(1, Math.abs(away[j]));
            const up = Float64Array.from(away), down = Float64Array.from(away);
            up[j] += h; down[j] -= h;
            const numeric = (evaluate(engine, spec, up)[0] - evaluate(engine, spec, down)[0]) / (2 * h);
            assert.ok(Math.abs(numeric - grad[j]) <= 1e-5 * Math.max(Math.abs(grad[j]), 1e-3 * f),
              `${name}/${loss}: ∂f/∂${names[j]} analytic ${grad[j]}, numeric ${numeric} (${at})`);
          }
          results.set(name, [f, ...grad]);
        }
        // (c) Every WebAssembly build against the TypeScript twin.
        const [fJs, ...gJs] = results.get('js')!;
        const gMax = Math.max(...gJs.map(Math.abs));
        for (const [name, [f, ...grad]] of results) {
          assert.ok(Math.abs(f - fJs) <= 1e-12 * fJs, `${name}/${loss}: f ${f} vs twin ${fJs} (${at})`);
          grad.forEach((g, j) => assert.ok(Math.abs(g - gJs[j]) <= 1e-12 * Math.max(Math.abs(gJs[j]), 1e-3 * gMax),
            `${name}/${loss}: ∂f/∂${names[j]} ${g} vs twin ${gJs[j]} (${at})`));
        }
      }
    }
  });
}
