/**
 * The curvature of the objective at the optimum: standard errors of θ and
 * the directions the data do not determine.
 *
 * The objective is a sum over runs, F(θ) = Σ wᵢ ρ(rᵢ(θ)), which is a
 * likelihood only for squared log residuals; for Huber and the others the
 * estimator is an M-estimator, whose covariance is the sandwich
 * H⁻¹ (Σ gᵢ gᵢᵀ) H⁻¹ with H the Hessian of F and gᵢ run i's gradient
 * (Huber 1967; White 1980 for least squares). H comes from central differences
 * of the analytic gradient (Huber's loss: its expected curvature, below); the
 * sandwich is checked against a hand derivation in test/node/core/curvature.test.ts.
 */

import { objective } from '../engine/js/objective.js';
import { predictLog } from '../engine/js/forms/point.js';
import type { FitData, ObjectiveSpec } from '../engine/types.js';

/** Condition number of the scaled Hessian above which a direction counts as flat. */
export const FLAT_CONDITION = 1e10;

/** Symmetric Hessian of the objective at θ by central differences of its gradient. */
export function hessian(spec: ObjectiveSpec, data: FitData, theta: Float64Array): Float64Array {
  const P = theta.length, H = new Float64Array(P * P);
  const x = Float64Array.from(theta), gp = new Float64Array(P), gm = new Float64Array(P);
  for (let j = 0; j < P; j++) {
    const h = 1e-5 * Math.max(1, Math.abs(theta[j]));
    x[j] = theta[j] + h;
    objective(data, spec, x, gp);
    x[j] = theta[j] - h;
    objective(data, spec, x, gm);
    x[j] = theta[j];
    for (let i = 0; i < P; i++) H[i * P + j] = (gp[i] - gm[i]) / (2 * h);
  }
  for (let i = 0; i < P; i++) for (let j = 0; j < i; j++) H[i * P + j] = H[j * P + i] = (H[i * P + j] + H[j * P + i]) / 2;
  return H;
}

/** Eigenvalues and eigenvectors (columns of V) of a symmetric matrix, by cyclic Jacobi rotations. */
export function symmetricEigen(M: Float64Array, P: number): { values: Float64Array; vectors: Float64Array } {
  const A = Float64Array.from(M), V = new Float64Array(P * P);
  for (let i = 0; i < P; i++) V[i * P + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < P; p++) for (let q = p + 1; q < P; q++) off += A[p * P + q] ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < P; p++) {
      for (let q = p + 1; q < P; q++) {
        const apq = A[p * P + q];
        if (apq === 0) continue;
        const tau = (A[q * P + q] - A[p * P + p]) / (2 * apq);
        const t = Math.sign(tau || 1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
        const c = 1 / Math.sqrt(1 + t * t), s = t * c;
        for (let k = 0; k < P; k++) {
          const akp = A[k * P + p], akq = A[k * P + q];
          A[k * P + p] = c * akp - s * akq;
          A[k * P + q] = s * akp + c * akq;
        }
        for (let k = 0; k < P; k++) {
          const apk = A[p * P + k], aqk = A[q * P + k];
          A[p * P + k] = c * apk - s * aqk;
          A[q * P + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < P; k++) {
          const vkp = V[k * P + p], vkq = V[k * P + q];
          V[k * P + p] = c * vkp - s * vkq;
          V[k * P + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: Float64Array.from({ length: P }, (_, i) => A[i * P + i]), vectors: V };
}

export interface Curvature {
  /** Sandwich standard errors of θ (NaN where the Hessian is singular or not positive definite). */
  standardErrors: Float64Array;
  /**
   * Condition number of Σ wᵢ ∇qᵢ∇qᵢᵀ (q = ln L̂), scaled to unit diagonal: whether the runs
   * determine θ at all, whatever the loss (Huber's curvature sits only on runs within δ).
   */
  condition: number;
  /** θ indices that make up the flattest direction, when it is flat. */
  flat: number[];
}

/** Condition number of a symmetric positive semi-definite matrix scaled to unit diagonal, and its flattest direction's main θ. */
function flatness(M: Float64Array, P: number): { condition: number; flat: number[] } {
  let mMax = 0;
  for (let i = 0; i < P; i++) mMax = Math.max(mMax, Math.abs(M[i * P + i]));
  // A zero diagonal is a direction with no information at all.
  const empty = [...Array(P).keys()].filter((i) => !(M[i * P + i] > 1e-14 * mMax));
  if (empty.length) return { condition: Infinity, flat: empty };
  const s = Float64Array.from({ length: P }, (_, i) => 1 / Math.sqrt(M[i * P + i]));
  const { values, vectors } = symmetricEigen(M.map((m, k) => m * s[Math.floor(k / P)] * s[k % P]), P);
  let lo = 0, hi = 0;
  for (let i = 1; i < P; i++) { if (values[i] < values[lo]) lo = i; if (values[i] > values[hi]) hi = i; }
  const condition = values[lo] > 0 ? values[hi] / values[lo] : Infinity;
  return { condition, flat: condition > FLAT_CONDITION ? [...Array(P).keys()].filter((i) => Math.abs(vectors[i * P + lo]) > 0.3) : [] };
}

/**
 * wᵢ·∂ℓ/∂q for run i at log-prediction q: with ∇qᵢ, run i's gradient of the
 * objective (the same losses as src/engine/js/objective.ts).
 */
function lossSlope(spec: ObjectiveSpec, q: number, lnL: number, loss: number, w: number): number {
  switch (spec.loss) {
    case 'huber': { const r = q - lnL; return Math.abs(r) <= spec.delta ? w * r : r > 0 ? w * spec.delta : -w * spec.delta; }
    case 'squared': return 2 * w * (q - lnL);
    case 'squared-raw': { const p = Math.exp(q); return 2 * w * (p - loss) * p; }
    case 'asymmetric': { const p = Math.exp(q); return loss - p > 0 ? -w * p : w * spec.asymmetry * p; }
    case 'squared-log1p': { const p = Math.exp(q); return (2 * w * (Math.log1p(p) - Math.log1p(loss)) * p) / (1 + p); }
  }
}

export function curvature(spec: ObjectiveSpec, data: FitData, theta: Float64Array): Curvature {
  const P = theta.length;
  const nan = new Float64Array(P).fill(NaN);
  // Identifiability: the Gauss–Newton information of the log-prediction.
  const G = new Float64Array(P * P), dq = new Float64Array(P);
  for (let i = 0; i < data.count; i++) {
    const w = data.weight[i];
    if (!(w > 0)) continue;
    predictLog(spec, theta, data, i, dq);
    for (let a = 0; a < P; a++) for (let b = 0; b < P; b++) G[a * P + b] += w * dq[a] * dq[b];
  }
  const { condition, flat } = G.every(Number.isFinite) ? flatness(G, P) : { condition: Infinity, flat: [...Array(P).keys()] };
  const H = spec.loss === 'huber' ? huberCurvature(spec, data, theta, G) : hessian(spec, data, theta);
  if (!H.every(Number.isFinite)) return { standardErrors: nan, condition, flat };
  const Hinv = inverse(H, P);
  if (!Hinv) return { standardErrors: nan, condition, flat };
  const meat = new Float64Array(P * P);
  for (let i = 0; i < data.count; i++) {
    const w = data.weight[i];
    if (!(w > 0)) continue;
    const c = lossSlope(spec, predictLog(spec, theta, data, i, dq), data.lnL[i], data.loss[i], w);
    for (let a = 0; a < P; a++) for (let b = 0; b < P; b++) meat[a * P + b] += c * c * dq[a] * dq[b];
  }
  const standardErrors = new Float64Array(P);
  for (let a = 0; a < P; a++) {
    // (H⁻¹ M H⁻¹)_aa = Σ_bc Hinv_ab M_bc Hinv_ca
    let v = 0;
    for (let b = 0; b < P; b++) for (let c = 0; c < P; c++) v += Hinv[a * P + b] * meat[b * P + c] * Hinv[c * P + a];
    standardErrors[a] = v >= 0 ? Math.sqrt(v) : NaN;
  }
  return { standardErrors, condition, flat };
}

/**
 * Huber's loss has curvature only on runs within δ, so its exact Hessian at a
 * small δ rests on a handful of runs and is often singular. The expected
 * curvature (Huber 1981, §7.6) spreads it over every run: the share of weight
 * within δ times Σ wᵢ∇qᵢ∇qᵢᵀ.
 */
function huberCurvature(spec: ObjectiveSpec, data: FitData, theta: Float64Array, G: Float64Array): Float64Array {
  const dq = new Float64Array(theta.length);
  let inside = 0, total = 0;
  for (let i = 0; i < data.count; i++) {
    const w = data.weight[i];
    if (!(w > 0)) continue;
    total += w;
    if (Math.abs(predictLog(spec, theta, data, i, dq) - data.lnL[i]) <= spec.delta) inside += w;
  }
  return G.map((g) => (g * inside) / total);
}

/** Inverse of a symmetric positive definite matrix (scaled to unit diagonal, then by eigenvalues); null if it is not. */
function inverse(H: Float64Array, P: number): Float64Array | null {
  for (let i = 0; i < P; i++) if (!(H[i * P + i] > 0)) return null;
  const s = Float64Array.from({ length: P }, (_, i) => 1 / Math.sqrt(H[i * P + i]));
  const { values, vectors } = symmetricEigen(H.map((h, k) => h * s[Math.floor(k / P)] * s[k % P]), P);
  let lo = Infinity, hi = 0;
  for (const v of values) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  if (!(lo > hi * Number.EPSILON * P)) return null;
  const out = new Float64Array(P * P);
  for (let i = 0; i < P; i++) for (let j = 0; j < P; j++) {
    let v = 0;
    for (let k = 0; k < P; k++) v += (vectors[i * P + k] * vectors[j * P + k]) / values[k];
    out[i * P + j] = v * s[i] * s[j];
  }
  return out;
}
