// The task forms' kernels (assembly/forms/task-*.ts, src/engine/js/forms/task-*.ts)
// beyond ./kernels-match-laws.test.ts: values derived by hand (mpmath, 40
// digits) for one run, the log losses having no value where a prediction is
// ≤ 0 while the raw losses take metrics of 0, and fits (multistart and
// bootstrap refits, which compact the input column) recovering θ in every engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createEngine } from '../../../src/engine/select.js';
import { wasmModule, WASM_BUILDS } from '../../../src/engine/wasm.js';
import { defaultSpec, fitData, isConvergedStatus, paramCount, type FitData, type FormName, type LossName, type ObjectiveSpec } from '../../../src/engine/types.js';

const engines = [...WASM_BUILDS.filter((b) => wasmModule(b) !== null), 'js'] as const;
const LOSSES: LossName[] = ['huber', 'squared', 'squared-raw', 'asymmetric', 'squared-log1p'];

/** Runs of the task forms: only `input` (the loss) and the metric matter; N and D are placeholders. */
function taskRuns(input: number[], metric: number[]): FitData {
  const ones = input.map(() => 1e9);
  return fitData(ones, ones, metric, undefined, undefined, input);
}

/** The forms written out independently of the kernels and descriptors. */
const taskExp = (t: ArrayLike<number>, x: number) => t[0] - Math.exp(t[1]) * Math.exp(-t[2] * x);
const taskSigmoid = (t: ArrayLike<number>, x: number) => t[0] / (1 + Math.exp(-t[2] * (x - t[1]))) + t[3];

function objectiveOf(name: (typeof engines)[number], data: FitData, spec: ObjectiveSpec, theta: number[]): [number, Float64Array] {
  const engine = createEngine(name);
  engine.setData(data);
  const grad = new Float64Array(paramCount(spec));
  return [engine.objective(spec, Float64Array.from(theta), grad), grad];
}

const close = (got: number, want: number, rel: number) => Math.abs(got - want) <= rel * Math.abs(want);

// One run, x = 3, metric 0.75. Values from mpmath at 40 digits:
//   task-exp, θ = [0.8, ln 2, 1.5]: k·e^(−γx) = 2·e^(−4.5) = 0.022217993076484613,
//   ŷ = 0.8 − 2·e^(−4.5) = 0.77778200692351539, r = ŷ − 0.75 = 0.027782006923515387.
//   task-sigmoid, θ = [0.6, 4, −2, 0.25]: z = −2·(3 − 4) = 2, σ(2) = 0.88079707797788244,
//   ŷ = 0.6·σ(2) + 0.25 = 0.77847824678672947, r = 0.028478246786729466.
// squared-raw: f = r², ∇f = 2r·∂ŷ/∂θ; squared (log): f = (ln ŷ − ln 0.75)², ∇f = 2(ln ŷ − ln 0.75)/ŷ·∂ŷ/∂θ.
const BY_HAND: { form: FormName; theta: number[]; loss: LossName; f: number; grad: number[] }[] = [
  { form: 'task-exp', theta: [0.8, Math.LN2, 1.5], loss: 'squared-raw', f: 7.718399086982568988e-4,
    grad: [0.05556401384703077402, -0.001234520874955024903, 0.003703562624865074710] },
  { form: 'task-exp', theta: [0.8, Math.LN2, 1.5], loss: 'squared', f: 0.001323001067203214090,
    grad: [0.09353027276384364021, -0.002078054952708795367, 0.006234164858126386100] },
  { form: 'task-sigmoid', theta: [0.6, 4, -2, 0.25], loss: 'squared-raw', f: 8.110105400458671802e-4,
    grad: [0.05016711311136866799, 0.007176079766747076690, -0.003588039883373538345, 0.05695649357345893287] },
];

for (const c of BY_HAND) {
  test(`${c.form}/${c.loss}: one run at x = 3 gives the objective and gradient derived by hand, in every engine`, () => {
    const data = taskRuns([3], [0.75]);
    const spec = defaultSpec({ form: c.form, loss: c.loss });
    for (const name of engines) {
      const [f, grad] = objectiveOf(name, data, spec, c.theta);
      assert.ok(close(f, c.f, 1e-13), `${name}: f ${f}, by hand ${c.f}`);
      grad.forEach((g, j) => assert.ok(close(g, c.grad[j], 1e-13), `${name}: ∂f/∂θ${j} ${g}, by hand ${c.grad[j]}`));
    }
  });
}

const X = [2.5, 3, 3.5, 4, 5, 6];

test('the log losses have no value where a prediction is ≤ 0 (squared-log1p where it is ≤ −1); the raw losses still do', () => {
  // ŷ < 0 at the lowest input (0.1 − 2·e^(−0.25)), and ŷ = 0 exactly (e^0 = 1, 0·σ + 0).
  const cases: [FormName, number[]][] = [
    ['task-exp', [0.1, Math.LN2, 0.1]], ['task-exp', [1, 0, 0]],
    ['task-sigmoid', [-0.5, 4, -2, 0.2]], ['task-sigmoid', [0, 4, -2, 0]],
  ];
  const metric = X.map(() => 0.5), data = taskRuns(X, metric);
  for (const [form, theta] of cases) {
    const at = `${form} θ = [${theta}]`;
    const yhat = X.map((x) => (form === 'task-exp' ? taskExp : taskSigmoid)(theta, x));
    assert.ok(yhat.some((y) => y <= 0), `${at}: some prediction ≤ 0 (${yhat})`);
    for (const name of engines) {
      for (const loss of LOSSES) {
        const [f, grad] = objectiveOf(name, data, defaultSpec({ form, loss }), theta);
        // squared-log1p reads ln(1 + ŷ): it has a value down to ŷ > −1.
        const none = loss === 'huber' || loss === 'squared' || (loss === 'squared-log1p' && yhat.some((y) => y <= -1));
        if (none) {
          assert.ok(!Number.isFinite(f), `${name}/${loss}: objective ${f} at ${at}`);
        } else {
          assert.ok(Number.isFinite(f) && grad.every(Number.isFinite), `${name}/${loss}: objective ${f}, gradient ${grad} at ${at}`);
        }
      }
    }
  }
});

test('squared-raw and asymmetric take metrics of 0 (ln 0 = −∞ is never read)', () => {
  const theta = [0.6, 4, -2, 0.05], metric = [0.6, 0.5, 0, 0.2, 0, 0];
  const data = taskRuns(X, metric);
  const r = X.map((x, i) => taskSigmoid(theta, x) - metric[i]);
  const want = { 'squared-raw': r.reduce((s, v) => s + v * v, 0), asymmetric: r.reduce((s, v) => s + (v < 0 ? -v : 10 * v), 0) };
  for (const name of engines) {
    for (const loss of ['squared-raw', 'asymmetric'] as const) {
      const [f, grad] = objectiveOf(name, data, defaultSpec({ form: 'task-sigmoid', loss }), theta);
      assert.ok(close(f, want[loss], 1e-12), `${name}/${loss}: f ${f}, written out ${want[loss]}`);
      assert.ok(grad.every(Number.isFinite), `${name}/${loss}: gradient ${grad}`);
    }
  }
});

const SOLVER = { maxIter: 500, maxEvals: 10000, gtol: 1e-10, ftol: 0 };
const TRUTH: { form: FormName; theta: number[]; start: number[]; yhat: typeof taskExp }[] = [
  { form: 'task-exp', theta: [0.85, 1.2, 1.0], start: [0.8, 1.0, 0.9], yhat: taskExp },
  { form: 'task-sigmoid', theta: [0.7, 4, -2, 0.25], start: [0.6, 4.3, -1.5, 0.3], yhat: taskSigmoid },
];

for (const c of TRUTH) {
  test(`${c.form}: fits and bootstrap refits of the law's own metrics recover θ in every engine`, () => {
    const input = Array.from({ length: 24 }, (_, i) => 2.5 + (3.5 * i) / 23);
    const data = taskRuns(input, input.map((x) => c.yhat(c.theta, x)));
    // Multiplicities of a bootstrap draw: refits read the compacted copy of every column, input included.
    const weights = Float64Array.from(input, (_, i) => [0, 1, 2, 1, 3][i % 5]);
    for (const loss of ['huber', 'squared', 'squared-raw'] as const) {
      const spec = defaultSpec({ form: c.form, loss });
      for (const name of engines) {
        const engine = createEngine(name);
        engine.setData(data);
        for (const [how, res] of [
          ['start', engine.fitStarts(spec, Float64Array.from(c.start), SOLVER)],
          ['refit', engine.fitWeighted(spec, weights, Float64Array.from(c.start), SOLVER)],
        ] as const) {
          const theta = res.theta.subarray(0, res.params);
          assert.ok(isConvergedStatus(res.status[0]) && res.f[0] < 1e-16, `${name}/${loss} ${how}: status ${res.status[0]}, f ${res.f[0]}`);
          theta.forEach((t, j) => assert.ok(Math.abs(t - c.theta[j]) <= 1e-5 * Math.max(1, Math.abs(c.theta[j])),
            `${name}/${loss} ${how}: θ${j} ${t}, truth ${c.theta[j]}`));
        }
      }
    }
  });
}
