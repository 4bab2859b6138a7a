/**
 * Runs L-BFGS from each of many starting points, or once per bootstrap
 * resample, inside WebAssembly: the host crosses the boundary once per
 * batch, not once per evaluation. Output, one row of (params + 4) f64 each:
 *   θ̂ (params values), objective, iterations, evaluations, status.
 */

import { Workspace, at, put } from "./workspace";
import { lbfgs, Outcome } from "./lbfgs";
import { clearAffine, setAffine, toTheta } from "./affine";
import { paramCount } from "../objective";
import { runCount, useAllRuns, useWeightedRuns } from "../points";

// Both live on the heap: resetHeap must re-create them before anything else is allocated.
let ws = new Workspace();
let outcome = new Outcome();

/** Re-creates the solver state after the host has reset the heap. */
export function renewWorkspace(): void {
  ws = new Workspace();
  outcome = new Outcome();
}

function prepare(lower: usize, upper: usize, noise: f64): i32 {
  const n = paramCount();
  ws.n = n;
  ws.noise = noise;
  ws.bounded = lower != 0;
  for (let i: i32 = 0; i < n; i++) {
    put(ws.lower, i, ws.bounded ? at(lower, i) : -Infinity);
    put(ws.upper, i, ws.bounded ? at(upper, i) : Infinity);
  }
  return n;
}

function solveFrom(start: usize, row: usize, maxIter: i32, maxEvals: i32, gtol: f64, ftol: f64): void {
  const n = ws.n;
  for (let i: i32 = 0; i < n; i++) {
    let v = at(start, i);
    if (ws.bounded) v = min(max(v, at(ws.lower, i)), at(ws.upper, i));
    put(ws.x, i, v);
  }
  lbfgs(ws, maxIter, maxEvals, gtol, ftol, outcome);
  for (let i: i32 = 0; i < n; i++) put(row, i, at(ws.x, i));
  put(row, n, outcome.f);
  put(row, n + 1, <f64>outcome.iterations);
  put(row, n + 2, <f64>ws.evals);
  put(row, n + 3, <f64>outcome.status);
}

/**
 * L-BFGS from each of `nStarts` rows of θ at `starts`; with `affine` (as for
 * fitWeighted) the rows are z₀ and the solver runs in z, each row reporting θ.
 */
export function fitStarts(
  starts: usize, nStarts: i32, out: usize,
  maxIter: i32, maxEvals: i32, gtol: f64, ftol: f64, noise: f64, lower: usize, upper: usize, affine: usize,
): void {
  const n = prepare(lower, upper, noise);
  const stride = n + 4;
  const inZ = affine != 0 && !ws.bounded;
  if (inZ) setAffine(affine, n);
  for (let k: i32 = 0; k < nStarts; k++) {
    const row = out + (<usize>(k * stride) << 3);
    solveFrom(starts + (<usize>(k * n) << 3), row, maxIter, maxEvals, gtol, ftol);
    if (inZ) toTheta(ws.x, row);
  }
  clearAffine();
}

/**
 * L-BFGS from `start` once per row of per-run weights at `weights` (bootstrap
 * refits). With `affine` (non-zero, and no bounds) the refits run in z, where
 * θ = origin + L·z (./affine.ts): `start` is then z₀, and each row still
 * reports θ.
 */
export function fitWeighted(
  weights: usize, nResamples: i32, start: usize, out: usize,
  maxIter: i32, maxEvals: i32, gtol: f64, ftol: f64, noise: f64, lower: usize, upper: usize, affine: usize,
): void {
  const n = prepare(lower, upper, noise);
  const stride = n + 4, runs = runCount();
  const inZ = affine != 0 && !ws.bounded;
  if (inZ) setAffine(affine, n);
  for (let k: i32 = 0; k < nResamples; k++) {
    useWeightedRuns(weights + (<usize>(k * runs) << 3));
    const row = out + (<usize>(k * stride) << 3);
    solveFrom(start, row, maxIter, maxEvals, gtol, ftol);
    if (inZ) toTheta(ws.x, row);
  }
  clearAffine();
  useAllRuns();
}
