// Planning against closed forms worked out here from the published constants
// (the papers; docs/laws.md), never against the code's own output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeForLoss, inferenceOptimal, lossFloor, optimalAllocation } from '../../../src/core/planning.js';
import type { Law } from '../../../src/core/forms-eval.js';
import { OptionError } from '../../../src/errors.js';

const near = (got: number, want: number, rtol: number, what: string) =>
  assert.ok(Math.abs(got - want) <= rtol * Math.abs(want), `${what}: ${got}, expected ≈ ${want} (rtol ${rtol})`);
const isOption = (option: string, message?: RegExp) => (e: unknown) =>
  e instanceof OptionError && e.option === option && (!message || message.test(e.message));

const exp = Math.exp;
// Hoffmann et al. 2022 at TeX precision (docs/fitting.md) and Epoch's headline fit (§3).
const hoffmann = { A: exp(6.0073404), B: exp(6.0179186), E: exp(0.5267228), alpha: 0.33917084, beta: 0.2849083 };
const epoch = { A: exp(6.17796), B: exp(7.64273), E: exp(0.59711), alpha: 0.347813, beta: 0.365854 };
const chinchilla = (params: typeof hoffmann): Law => ({ form: 'chinchilla', params });
// Kaplan et al. 2020 Table 2.
const kaplan: Law = { form: 'kaplan', params: { Nc: 6.4e13, Dc: 1.8e13, alphaN: 0.076, alphaD: 0.103 } };
// Muennighoff et al. 2023, datablations README.
const muennighoff: Law = {
  form: 'data-constrained',
  params: { A: exp(6.255414), B: exp(7.3049974), E: exp(0.6254804), alpha: 0.3526596, beta: 0.3526596, RN: 5.309743, RD: 15.387756 },
};

/** Hoffmann et al. 2022 eq. 4 (docs/laws.md), from the raw constants: G, the allocation at C (with C = 6ND) and the compute for a loss. */
function closedForm(p: typeof hoffmann) {
  const G = ((p.alpha * p.A) / (p.beta * p.B)) ** (1 / (p.alpha + p.beta));
  const a = p.beta / (p.alpha + p.beta), b = p.alpha / (p.alpha + p.beta);
  const at = (C: number) => ({ N: G * (C / 6) ** a, D: (C / 6) ** b / G });
  const forLoss = (L: number) => 6 * ((L - p.E) / (p.A * G ** -p.alpha + p.B * G ** p.beta)) ** (-(p.alpha + p.beta) / (p.alpha * p.beta));
  return { G, at, forLoss };
}

test('chinchilla: the closed form and the numeric search agree to 1e-6 from 1e18 to 1e28 FLOPs', () => {
  for (const params of [hoffmann, epoch]) {
    for (const C of [1e18, 5.76e23, 1e28]) {
      for (const flopsPerToken of [6, 8]) {
        const closed = optimalAllocation(chinchilla(params), C, { flopsPerToken });
        const numeric = optimalAllocation(chinchilla(params), C, { flopsPerToken, method: 'numeric' });
        assert.equal(closed.method, 'closed-form');
        assert.equal(numeric.method, 'numeric');
        near(numeric.N, closed.N, 1e-6, `N* at ${C}, ${flopsPerToken} FLOPs/token`);
        near(numeric.D, closed.D, 1e-6, `D* at ${C}, ${flopsPerToken} FLOPs/token`);
        near(flopsPerToken * numeric.N * numeric.D, C, 1e-12, 'the budget is spent');
      }
    }
  }
});

test('chinchilla: optimalAllocation matches §2.4 worked by hand, and counts C = flopsPerToken·N·D', () => {
  const { at } = closedForm(hoffmann);
  const o = optimalAllocation(chinchilla(hoffmann), 5.76e23);
  near(o.N, at(5.76e23).N, 1e-12, 'N*');
  near(o.D, at(5.76e23).D, 1e-12, 'D*');
  // With 8 FLOPs per parameter-token, C buys the N·D that C·6/8 buys at 6.
  const eight = optimalAllocation(chinchilla(hoffmann), 5.76e23, { flopsPerToken: 8 });
  near(eight.N, at(5.76e23 * 0.75).N, 1e-12, 'N* at 8 FLOPs/token');
});

test('computeForLoss inverts the frontier: §2.4 inverse formula, numeric path and round trips', () => {
  const cf = closedForm(hoffmann);
  for (const L of [2.5, 2.0, 1.8]) {
    const closed = computeForLoss(chinchilla(hoffmann), L);
    near(closed.C, cf.forLoss(L), 1e-12, `C for L = ${L}`);
    near(closed.loss, L, 1e-13, 'loss');
    const numeric = computeForLoss(chinchilla(hoffmann), L, { method: 'numeric' });
    near(numeric.C, closed.C, 1e-6, `numeric C for L = ${L}`);
    near(numeric.N, closed.N, 1e-6, `numeric N for L = ${L}`);
  }
  for (const [law, L, U] of [[kaplan, 2.2, undefined], [muennighoff, 2.2, 25e9]] as const) {
    const r = computeForLoss(law, L, { U });
    near(r.loss, L, 1e-10, `${law.form} loss`);
    near(optimalAllocation(law, r.C, { U }).N, r.N, 1e-9, `${law.form}: the allocation at that C`);
  }
});

test('computeForLoss names unreachable targets: at or below E, or below the data-constrained floor', () => {
  assert.throws(() => computeForLoss(chinchilla(hoffmann), hoffmann.E), isOption('targetLoss', /irreducible loss E/));
  assert.throws(() => computeForLoss(chinchilla(hoffmann), 1.5), isOption('targetLoss', /no finite compute/));
  // Floor at fixed U: D′ → U(1 + R_D*), N′ → N_opt(U)(1 + R_N*), N_opt(U) = G·(G·U)^(β/α) (README's D_to_N).
  const p = muennighoff.params as typeof hoffmann & { RN: number; RD: number };
  const G = ((p.alpha * p.A) / (p.beta * p.B)) ** (1 / (p.alpha + p.beta)), U = 25e9;
  const floor = p.E + p.A / (G * (G * U) ** (p.beta / p.alpha) * (1 + p.RN)) ** p.alpha + p.B / (U * (1 + p.RD)) ** p.beta;
  near(lossFloor(muennighoff, { U }), floor, 1e-14, 'data-constrained floor');
  assert.throws(() => computeForLoss(muennighoff, floor - 1e-3, { U }), isOption('targetLoss', /U = 25000000000/));
  assert.ok(computeForLoss(muennighoff, floor + 0.01, { U }).C > computeForLoss(muennighoff, floor + 0.05, { U }).C, 'closer to the floor costs more');
});

test("kaplan: with C = 6ND, N* ∝ C^(1/(1 + αN/αD)) = C^0.575 (Table 2 constants), fitted from 1e18 and 1e28", () => {
  const lo = optimalAllocation(kaplan, 1e18), hi = optimalAllocation(kaplan, 1e28);
  const slope = Math.log(hi.N / lo.N) / Math.log(1e28 / 1e18);
  near(slope, 1 / (1 + 0.076 / 0.103), 1e-9, 'exponent');
  assert.equal(slope.toFixed(3), '0.575');
  // Stationarity of (Nc/N)^p + Dc·6N/C: N^(1+p) = p·Nc^p·C/(6·Dc), p = αN/αD.
  const p = 0.076 / 0.103;
  near(lo.N, ((p * 6.4e13 ** p * 1e18) / (6 * 1.8e13)) ** (1 / (1 + p)), 1e-9, 'N* at 1e18');
});

test('overtrained: minimising over M gives M* = (b/a)^(1/(2η)) at every budget (Gadre et al. 2024)', () => {
  const law: Law = { form: 'overtrained', params: { E: 1.8, a: 200, b: 600, eta: 0.17 } };
  const Mstar = (600 / 200) ** (1 / (2 * 0.17));
  for (const C of [1e19, 1e24]) {
    const o = optimalAllocation(law, C);
    near(o.tokensPerParam, Mstar, 1e-9, `M* at ${C}`);
    near(o.N, Math.sqrt(C / (6 * Mstar)), 1e-9, `N* at ${C}`);
    near(o.loss, 1.8 + (200 * Mstar ** 0.17 + 600 * Mstar ** -0.17) * C ** -0.17, 1e-13, 'L*(C)');
  }
});

test('data-constrained: the README optimum for 25B unique tokens (≈ 6.8B params, 227B tokens, 9.1 epochs)', () => {
  // README: grid search at the compute of 8.67B params × 178B tokens → 227B tokens, 9.1 epochs, 6.8B params.
  const o = optimalAllocation(muennighoff, 6 * 8.67e9 * 178e9, { U: 25e9 });
  near(o.D, 227e9, 3e-3, 'tokens');
  near(o.N, 6.8e9, 5e-3, 'parameters');
  assert.equal((o.D / 25e9).toFixed(1), '9.1');
  // Muennighoff et al.'s README: at 1e22 FLOPs, 7.0B params on 237B tokens (9.5 epochs).
  const r = optimalAllocation(muennighoff, 1e22, { U: 25e9 });
  assert.equal((r.N / 1e9).toFixed(1), '7.0');
  assert.equal((r.D / 1e9).toFixed(0), '237');
  // With unique tokens to spare nothing repeats, and the base law's closed form holds. The optimum
  // then sits exactly on the kink U_N = min(N, N_opt(D)), where the curvature jumps, so the slope
  // root is good to ~1e-5 there rather than ~1e-9.
  const base = closedForm(muennighoff.params as typeof hoffmann).at(1e22);
  near(optimalAllocation(muennighoff, 1e22, { U: 1e15 }).N, base.N, 5e-5, 'N* with U ≫ D');
});

test('inference-aware: with D_inf = 0 the answer is the compute-optimal model of that loss (§2.4)', () => {
  const cf = closedForm(hoffmann);
  const L = 2.0, C = cf.forLoss(L), { N, D } = cf.at(C);
  const r = inferenceOptimal(chinchilla(hoffmann), { targetLoss: L, inferenceTokens: 0 });
  near(r.N, N, 1e-6, 'N');
  near(r.D, D, 1e-6, 'D_tr');
  near(r.trainFlops, C, 1e-9, 'train FLOPs');
  assert.equal(r.inferenceFlops, 0);
  assert.ok(Math.abs(r.savingFraction) < 1e-9, `saving ${r.savingFraction}`);
});

test('inference-aware: with D_inf > 0 the model is smaller, trained longer, and satisfies ε_N/ε_D = 1 + D_inf/(3·D_tr)', () => {
  const L = 2.0, law = chinchilla(hoffmann);
  const { N: N0, D: D0 } = closedForm(hoffmann).at(closedForm(hoffmann).forLoss(L));
  for (const Dinf of [1e11, 2e12, 1e14]) {
    const r = inferenceOptimal(law, { targetLoss: L, inferenceTokens: Dinf });
    assert.ok(r.N < N0 && r.D > D0, `smaller and longer at D_inf = ${Dinf}`);
    assert.ok(r.savingFlops > 0 && r.totalFlops < r.reference.totalFlops, 'saves FLOPs');
    near(r.loss, L, 1e-12, 'reaches the target');
    near(r.totalFlops, 6 * r.N * r.D + 2 * r.N * Dinf, 1e-12, 'total = 6·N·D_tr + 2·N·D_inf');
    // ε_X = −∂ln(L − E)/∂ln X by central differences on the law itself.
    const red = (n: number, d: number) => hoffmann.A / n ** hoffmann.alpha + hoffmann.B / d ** hoffmann.beta;
    const h = 1e-5;
    const eN = -(Math.log(red(r.N * exp(h), r.D)) - Math.log(red(r.N * exp(-h), r.D))) / (2 * h);
    const eD = -(Math.log(red(r.N, r.D * exp(h))) - Math.log(red(r.N, r.D * exp(-h)))) / (2 * h);
    near(eN / eD, 1 + Dinf / (3 * r.D), 1e-6, `first-order condition at D_inf = ${Dinf}`);
    const numeric = inferenceOptimal(law, { targetLoss: L, inferenceTokens: Dinf, method: 'numeric' });
    near(numeric.N, r.N, 1e-6, 'numeric D_tr path: N');
    near(numeric.D, r.D, 1e-6, 'numeric D_tr path: D_tr');
  }
});

test("inference-aware: Sardana et al.'s example, 13B Chinchilla quality with 2T inference tokens → ≈ 7B, ≈ 17% saved", () => {
  // The 13B compute-optimal model under Hoffmann's TeX-precision law, from §2.4: C = 6·(N/G)^(1/a).
  const { G } = closedForm(hoffmann), a = hoffmann.beta / (hoffmann.alpha + hoffmann.beta);
  const C13 = 6 * (13e9 / G) ** (1 / a);
  const target = optimalAllocation(chinchilla(hoffmann), C13).loss;
  const r = inferenceOptimal(chinchilla(hoffmann), { targetLoss: target, inferenceTokens: 2e12 });
  near(r.reference.N, 13e9, 1e-9, 'reference model');
  // Paper: 7B, 1.7e22 FLOPs (17%) saved. We get 7.1B, 1.64e22, 16.3%: agreement to the paper's rounding of N,
  // a few percent short on the saving.
  assert.equal(Math.round(r.N / 1e9), 7);
  near(r.savingFlops, 1.7e22, 0.05, 'FLOPs saved');
  near(r.savingFraction, 0.17, 0.05, 'fraction saved');
});

test('kaplan and data-constrained laws plan inference-aware too', () => {
  const k = inferenceOptimal(kaplan, { targetLoss: 2.2, inferenceTokens: 1e12 });
  near(k.loss, 2.2, 1e-10, 'kaplan reaches the target');
  near(inferenceOptimal(kaplan, { targetLoss: 2.2, inferenceTokens: 1e12, method: 'numeric' }).N, k.N, 1e-6, 'kaplan closed vs numeric D_tr');
  const m = inferenceOptimal(muennighoff, { targetLoss: 2.2, inferenceTokens: 1e12, U: 25e9 });
  near(m.loss, 2.2, 1e-10, 'data-constrained reaches the target');
  assert.ok(m.N < m.reference.N && m.savingFlops > 0);
});

test('planning names bad options', () => {
  const power: Law = { form: 'power', variable: 'N', params: { xc: 8.8e13, alpha: 0.076 } };
  assert.throws(() => optimalAllocation(power, 1e22), isOption('law.form'));
  assert.throws(() => optimalAllocation(chinchilla(hoffmann), 0), isOption('C'));
  assert.throws(() => optimalAllocation(chinchilla(hoffmann), 1e22, { flopsPerToken: 0 }), isOption('flopsPerToken'));
  assert.throws(() => optimalAllocation(chinchilla(hoffmann), 1e22, { method: 'fast' as never }), isOption('method'));
  assert.throws(() => optimalAllocation(muennighoff, 1e22), isOption('U'));
  assert.throws(() => optimalAllocation(chinchilla({ ...hoffmann, beta: -1 }), 1e22), isOption('law.params.beta'));
  assert.throws(() => inferenceOptimal(chinchilla(hoffmann), { targetLoss: 2, inferenceTokens: -1 }), isOption('inferenceTokens'));
  assert.throws(() => inferenceOptimal(chinchilla(hoffmann), { targetLoss: 2, inferenceTokens: 1, inferenceFlopsPerToken: 0 }), isOption('inferenceFlopsPerToken'));
  assert.throws(() => inferenceOptimal(chinchilla(hoffmann), { targetLoss: 1.6, inferenceTokens: 1 }), isOption('targetLoss'));
});
