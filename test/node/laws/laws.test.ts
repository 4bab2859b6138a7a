// Each form's descriptor (src/laws/<form>.ts) against itself and the rest of
// the kit: θ ↔ law round trips, names the kernels and diagnostics rely on,
// unit shifts that really rewrite the same law in new units, terms that sum
// to the law, and closed forms for planning that match the numeric search.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LAWS, LAW_FORMS, describe, type Law } from '../../../src/laws/index.js';
import { FORM_IDS, defaultSpec, fitData, paramCount, type ObjectiveSpec } from '../../../src/engine/types.js';
import { resolveFitOptions } from '../../../src/core/fit-options.js';
import { evaluateLaw } from '../../../src/core/forms-eval.js';
import { optimalAllocation, computeForLoss, inferenceOptimal } from '../../../src/core/planning.js';
import { LAW_CASES, synthesize } from '../../fixtures/synthetic-laws.js';

const close = (a: number, b: number, rel: number) => Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b));

const specOf = (c: (typeof LAW_CASES)[number]): ObjectiveSpec => resolveFitOptions(c.options).spec;

test('every form the kernels know has a descriptor, and no other', () => {
  assert.deepEqual([...LAW_FORMS].sort(), Object.keys(FORM_IDS).sort());
  for (const form of LAW_FORMS) assert.equal(LAWS[form].form, form);
});

for (const c of LAW_CASES) {
  const d = describe(c.law), spec = specOf(c);
  const names = d.thetaNames(spec.breaks);

  test(`${c.name}: θ names match the kernels' parameter count, and θ ↔ law round-trips`, () => {
    assert.equal(names.length, paramCount(spec));
    assert.equal(new Set(names).size, names.length);
    const theta = d.toTheta(c.law);
    assert.equal(theta.length, names.length);
    const back = d.fromTheta(spec, theta);
    assert.equal(back.form, c.law.form);
    assert.deepEqual(d.toTheta(back).map((v, i) => close(v, theta[i], 1e-14) || Math.abs(v - theta[i]) < 1e-14), theta.map(() => true));
    for (const at of [{ N: 1e9, D: 2e10, C: 1.2e20, U: 5e9 }, { N: 3e7, D: 1e12, C: 1.8e20, U: 1e12 }]) {
      assert.ok(close(evaluateLaw(back, at), evaluateLaw(c.law, at), 1e-13));
    }
  });

  test(`${c.name}: every θ name has a published name in the law, and the diagnostics' lists name only θ`, () => {
    const published = new Set<string>(Object.keys(c.law.params));
    if (c.law.form === 'broken') c.law.params.breaks.forEach((_, i) => ['c', 'd', 'f'].forEach((k) => published.add(`${k}${i + 1}`)));
    for (const t of names) assert.ok(published.has(d.publishedName(t)), `${t} → ${d.publishedName(t)}`);
    for (const t of [...d.exponents, ...d.lockstepUndetermined]) assert.ok(names.includes(t), t);
    const data = fitData([1e8, 1e9], [2e9, 2e10], [3, 2.5]);
    for (const term of d.terms?.(c.law, data, data.lnN) ?? []) for (const t of term.parameters) assert.ok(names.includes(t), t);
  });

  test(`${c.name}: the unit shifts rewrite the same law in new units`, () => {
    // Divide N by e^mN, D by e^mD (x by e^mx) and the loss by e^mL: θ' = θ − Σ c·m must predict L/e^mL at the new point.
    const m = { N: 2.3, D: -1.7, x: 1.1, loss: 0.4 };
    const theta = d.toTheta(c.law), shifts = d.unitShifts(theta, spec.breaks);
    assert.equal(shifts.length, names.length);
    if (c.law.form === 'data-constrained') return; // its base law is fixed, and carries the units
    const moved = theta.map((t, i) => t - Object.entries(shifts[i]).reduce((s, [role, k]) => s + k! * m[role as keyof typeof m], 0));
    const law = d.fromTheta(spec, moved);
    const x = 'variable' in c.law ? c.law.variable : undefined;
    for (const [N, D] of [[1e9, 2e10], [4e7, 3e11]]) {
      const scaleN = x ? (x === 'N' ? m.x : 0) : m.N, scaleD = x ? (x === 'D' ? m.x : 0) : m.D, scaleC = x === 'C' ? m.x : 0;
      const at = { N: N / Math.exp(scaleN), D: D / Math.exp(scaleD), C: (6 * N * D) / Math.exp(scaleC), U: D / Math.exp(scaleD) };
      assert.ok(close(evaluateLaw(law, at), evaluateLaw(c.law, { N, D, C: 6 * N * D, U: D }) / Math.exp(m.loss), 1e-12), `${N}, ${D}`);
    }
  });

  if (d.terms) {
    test(`${c.name}: the terms of the dead-term check add up to the law`, () => {
      const s = synthesize(c.law);
      const data = fitData(s.N, s.D, s.loss, undefined, s.U);
      const x = spec.variable === 'D' ? data.lnD : spec.variable === 'C' ? data.lnC : data.lnN;
      const terms = d.terms!(c.law, data, x);
      assert.ok(terms.length >= 2);
      for (let i = 0; i < data.count; i++) assert.ok(close(terms.reduce((a, t) => a + t.value(i), 0), s.loss[i], 1e-12));
    });
  }

  test(`${c.name}: start grid rows are whole, finite and of θ's length`, () => {
    const s = synthesize(c.law);
    const grid = d.startGrid(spec, fitData(s.N, s.D, s.loss, undefined, s.U));
    assert.ok(grid.length > 0 && grid.length % names.length === 0);
    assert.ok(grid.every(Number.isFinite));
  });

  test(`${c.name}: text, LaTeX and Python name every constant of the law`, () => {
    const text = d.text(c.law, (v) => String(v));
    const latex = d.latexSymbols(c.law);
    const py = d.python(c.law);
    for (const v of latex.map(([, x]) => x)) assert.ok(text.includes(String(v)), `${v} in ${text}`);
    assert.ok(d.latexEquation(c.law, (sym) => `<${sym}>`).includes('<'));
    assert.ok(py.lines.length > 0 && py.constants.every(([, v]) => Number.isFinite(v)));
  });
}

test('closed-form planning agrees with the numeric search, form by form', () => {
  for (const c of LAW_CASES.filter((k) => describe(k.law).twoVariable)) {
    const law = c.law as Extract<Law, { form: 'chinchilla' | 'kaplan' | 'data-constrained' | 'overtrained' }>;
    const U = law.form === 'data-constrained' ? 1e11 : undefined;
    if (law.form === 'kaplan') continue; // Kaplan's law has no finite compute-optimal split at fixed C: L falls towards D = 1
    const auto = optimalAllocation(law, 1e22, { U }), numeric = optimalAllocation(law, 1e22, { U, method: 'numeric' });
    assert.ok(close(auto.N, numeric.N, 1e-5) && close(auto.D, numeric.D, 1e-5), `${c.name}: ${auto.N} vs ${numeric.N}`);
    const target = auto.loss;
    const back = computeForLoss(law, target, { U }), backNumeric = computeForLoss(law, target, { U, method: 'numeric' });
    assert.ok(close(back.C, 1e22, 1e-6) && close(backNumeric.C, 1e22, 1e-6), `${c.name}: ${back.C}, ${backNumeric.C}`);
  }
  for (const c of LAW_CASES.filter((k) => k.law.form === 'chinchilla' || k.law.form === 'kaplan')) {
    const law = c.law as Extract<Law, { form: 'chinchilla' | 'kaplan' }>;
    const o = { targetLoss: law.form === 'kaplan' ? 2.3 : 2.2, inferenceTokens: 1e12 };
    const auto = inferenceOptimal(law, o), numeric = inferenceOptimal(law, { ...o, method: 'numeric' });
    assert.ok(close(auto.N, numeric.N, 1e-5) && close(auto.totalFlops, numeric.totalFlops, 1e-8), `${c.name}: ${auto.N} vs ${numeric.N}`);
  }
});

test('the Chinchilla descriptor reads θ in the order (ln A, ln B, ln E, α, β) that Hoffmann et al.\'s grid is written in', () => {
  const law = LAWS.chinchilla.fromTheta(defaultSpec(), [Math.log(406.4), Math.log(410.7), Math.log(1.69), 0.34, 0.28]);
  assert.deepEqual(Object.entries(law.params).map(([k, v]) => [k, Number(v.toPrecision(6))]), [['A', 406.4], ['B', 410.7], ['E', 1.69], ['alpha', 0.34], ['beta', 0.28]]);
});
