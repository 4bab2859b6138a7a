/**
 * Runs L-BFGS from each of many starting points inside WebAssembly, so the
 * host crosses the boundary once per batch, not once per evaluation.
 * Output, one row of (params + 4) f64 per start:
 *   θ̂ (params values), objective, iterations, evaluations, status.
 */

import { Workspace, at, put } from "./workspace";
import { lbfgs, Outcome } from "./lbfgs";
import { paramCount } from "../objective";

// Both live on the heap: resetHeap must re-create them before anything else is allocated.
let ws = new Workspace();
let outcome = new Outcome();

/** Re-creates the solver state after the host has reset the heap. */
export function renewWorkspace(): void {
  ws = new Workspace();
  outcome = new Outcome();
}

export function fitStarts(
  form: i32, starts: usize, nStarts: i32, out: usize,
  maxIter: i32, maxEvals: i32, gtol: f64, ftol: f64,
  lower: usize, upper: usize,
): void {
  const n = paramCount(form);
  ws.n = n;
  ws.bounded = lower != 0;
  for (let i: i32 = 0; i < n; i++) {
    put(ws.lower, i, ws.bounded ? at(lower, i) : -Infinity);
    put(ws.upper, i, ws.bounded ? at(upper, i) : Infinity);
  }
  const stride = n + 4;
  for (let k: i32 = 0; k < nStarts; k++) {
    for (let i: i32 = 0; i < n; i++) {
      let v = at(starts, k * n + i);
      if (ws.bounded) v = min(max(v, at(ws.lower, i)), at(ws.upper, i));
      put(ws.x, i, v);
    }
    lbfgs(ws, maxIter, maxEvals, gtol, ftol, outcome);
    const row = out + (<usize>(k * stride) << 3);
    for (let i: i32 = 0; i < n; i++) put(row, i, at(ws.x, i));
    put(row, n, outcome.f);
    put(row, n + 1, <f64>outcome.iterations);
    put(row, n + 2, <f64>ws.evals);
    put(row, n + 3, <f64>outcome.status);
  }
}
