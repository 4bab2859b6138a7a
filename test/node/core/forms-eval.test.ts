// evaluateLaw for every form against the formulas written out by hand
// (docs/laws.md), and its errors naming the bad part of the input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateLaw, lawInputs, lossFunction, type Law } from '../../../src/core/forms-eval.js';
import { OptionError } from '../../../src/errors.js';

const near = (got: number, want: number, rtol: number, what: string) =>
  assert.ok(Math.abs(got - want) <= rtol * Math.abs(want), `${what}: ${got}, expected ≈ ${want}`);

test('chinchilla, kaplan, power and saturating are their formulas', () => {
  const chin: Law = { form: 'chinchilla', params: { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 } };
  near(evaluateLaw(chin, { N: 7e10, D: 1.4e12 }), 1.69 + 406.4 / 7e10 ** 0.34 + 410.7 / 1.4e12 ** 0.28, 1e-15, 'chinchilla');
  const kap: Law = { form: 'kaplan', params: { Nc: 6.4e13, Dc: 1.8e13, alphaN: 0.076, alphaD: 0.103 } };
  near(evaluateLaw(kap, { N: 1e8, D: 1e9 }), ((6.4e13 / 1e8) ** (0.076 / 0.103) + 1.8e13 / 1e9) ** 0.103, 1e-15, 'kaplan');
  near(evaluateLaw({ form: 'power', variable: 'D', params: { xc: 5.4e13, alpha: 0.095 } }, { D: 1e10, N: 1 }), (5.4e13 / 1e10) ** 0.095, 1e-15, 'power');
  near(evaluateLaw({ form: 'saturating', variable: 'C', params: { E: 1.5, A: 30, alpha: 0.05 } }, { C: 1e21 }), 1.5 + 30 * 1e21 ** -0.05, 1e-15, 'saturating');
});

test('overtrained: E + (a·M^η + b·M^(−η))·C^(−η) with C = 6ND, i.e. Chinchilla with α = β = 2η, A = a·6^(−η), B = b·6^(−η)', () => {
  const [E, a, b, eta, N, D] = [1.8, 200, 600, 0.17, 4e8, 3e10];
  const L = evaluateLaw({ form: 'overtrained', params: { E, a, b, eta } }, { N, D });
  near(L, E + (a * (D / N) ** eta + b * (D / N) ** -eta) * (6 * N * D) ** -eta, 1e-15, 'eq. 4');
  near(L, E + a * 6 ** -eta / N ** (2 * eta) + b * 6 ** -eta / D ** (2 * eta), 1e-14, 'as a Chinchilla law');
});

test('data-constrained: equals its base law without repetition and charges for repeated epochs', () => {
  const base = { E: 1.869, A: 520.8, B: 1487.7, alpha: 0.3527, beta: 0.3527 };
  const law: Law = { form: 'data-constrained', params: { ...base, RN: 5.31, RD: 15.39 } };
  const N = 1e8, D = 2e10;
  // N_opt(U) = G·(G·U)^(β/α) with G = (αA/(βB))^(1/(α+β)) ≈ 0.2258: 1.0e9 at U = D, 2.5e8 at U = D/4.
  // One epoch of D unique tokens and N below N_opt: nothing repeats, nothing is in excess.
  near(evaluateLaw(law, { N, D, U: D }), base.E + base.A / N ** base.alpha + base.B / D ** base.beta, 1e-15, 'no repetition');
  // Four epochs of U: D′ = U + U·R_D*·(1 − e^(−3/R_D*)) < D.
  const U = D / 4, Dx = U + U * 15.39 * (1 - Math.exp(-3 / 15.39));
  near(evaluateLaw(law, { N, D, U }), base.E + base.A / N ** base.alpha + base.B / Dx ** base.beta, 1e-14, 'four epochs');
  near(lossFunction(law, U)(N, D), evaluateLaw(law, { N, D, U }), 0, 'lossFunction agrees');
});

test('data-constrained near its limits: R* huge (repeats barely decay) counts every token, R* tiny counts only unique ones', () => {
  const base = { E: 1.869, A: 520.8, B: 1487.7, alpha: 0.3527, beta: 0.3527 };
  const N = 1e8, D = 2e10, U = D / 4;
  const at = (RD: number) => evaluateLaw({ form: 'data-constrained', params: { ...base, RN: 5.31, RD } }, { N, D, U });
  // U·(1 + R_D) = D: four epochs worth four times one (1 − e^(−3e-300) must not round to 0).
  near(at(1e300), base.E + base.A / N ** base.alpha + base.B / D ** base.beta, 1e-15, 'R_D* = 1e300');
  near(at(1e-300), base.E + base.A / N ** base.alpha + base.B / U ** base.beta, 1e-15, 'R_D* = 1e-300');
  // Zero and infinite R* are not laws: refused by name.
  assert.throws(() => at(Infinity), /invalid law\.params\.RD/);
  assert.throws(() => at(0), /invalid law\.params\.RD/);
});

test('broken: one break changes the log-log slope from c0 to c0 + c1; far beyond overflow it stays finite', () => {
  const law: Law = { form: 'broken', variable: 'C', params: { a: 0.1, b: 50, c0: 0.05, breaks: [{ c: 0.2, d: 1e20, f: 0.3 }] } };
  const x = 3e19;
  near(evaluateLaw(law, { C: x }), 0.1 + 50 * x ** -0.05 * (1 + (x / 1e20) ** (1 / 0.3)) ** (-0.2 * 0.3), 1e-14, 'formula');
  const slope = (x0: number) => {
    const y = (x1: number) => Math.log(evaluateLaw(law, { C: x1 }) - 0.1);
    return (y(x0 * 1.01) - y(x0 / 1.01)) / (2 * Math.log(1.01));
  };
  near(slope(1e14), -0.05, 1e-3, 'slope before the break');
  near(slope(1e26), -0.25, 1e-3, 'slope after the break');
  // (x/d)^(1/f) overflows a double at x = 1e200; the log-space product does not:
  // there b·x^(−c0)·(x/d)^(−c1) = 50·1e-10·1e-36.
  const far = evaluateLaw({ ...law, params: { ...law.params, a: 0 } } as Law, { C: 1e200 });
  near(far, 5e-45, 1e-12, 'far beyond the break');
  const none: Law = { form: 'broken', variable: 'N', params: { a: 0, b: 2, c0: 0.5, breaks: [] } };
  near(evaluateLaw(none, { N: 100 }), 0.2, 1e-15, 'no breaks: a + b·x^(−c0)');
});

test('lawInputs says which coordinates a law reads', () => {
  assert.deepEqual(lawInputs({ form: 'data-constrained', params: { E: 1, A: 1, B: 1, alpha: 0.3, beta: 0.3, RN: 5, RD: 15 } }), ['N', 'D', 'U']);
  assert.deepEqual(lawInputs({ form: 'kaplan', params: { Nc: 1, Dc: 1, alphaN: 0.1, alphaD: 0.1 } }), ['N', 'D']);
  assert.deepEqual(lawInputs({ form: 'power', variable: 'C', params: { xc: 1, alpha: 0.1 } }), ['C']);
});

test('evaluateLaw names what is wrong', () => {
  const isOption = (option: string) => (e: unknown) => e instanceof OptionError && e.option === option;
  const chin: Law = { form: 'chinchilla', params: { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 } };
  assert.throws(() => evaluateLaw(chin, { N: 1e9 }), isOption('point.D'));
  assert.throws(() => evaluateLaw(chin, { N: -1, D: 1 }), isOption('point.N'));
  const dc: Law = { form: 'data-constrained', params: { ...chin.params, RN: 5, RD: 15 } };
  assert.throws(() => evaluateLaw(dc, { N: 1e9, D: 1e10 }), isOption('point.U'));
  assert.throws(() => evaluateLaw({ form: 'power', variable: 'X', params: { xc: 1, alpha: 1 } } as never, { N: 1 }), isOption('law.variable'));
  assert.throws(() => evaluateLaw({ form: 'kaplan', params: { Nc: 1, Dc: 1, alphaN: 0.1, alphaD: 0 } }, { N: 1, D: 1 }), isOption('law.params.alphaD'));
  assert.throws(() => evaluateLaw({ form: 'broken', variable: 'N', params: { a: 0, b: 1, c0: 0, breaks: [{ c: 1, d: 0, f: 1 }] } }, { N: 1 }), isOption('law.params.breaks[0].d'));
  assert.throws(() => evaluateLaw({ form: 'hestness', params: {} } as never, { N: 1 }), isOption('law.form'));
  assert.throws(() => lossFunction({ form: 'power', variable: 'N', params: { xc: 1, alpha: 1 } } as never), isOption('law.form'));
});
