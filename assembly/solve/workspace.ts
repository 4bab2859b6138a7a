/**
 * L-BFGS state in linear memory, allocated once for the largest parameter
 * count and history length, so no fit allocates. Mirrors
 * src/engine/js/workspace.ts; the arrays are f64 pointers.
 */

export const MAX_PARAMS: i32 = 16;
export const HISTORY: i32 = 10;

function vec(len: i32): usize {
  return heap.alloc(<usize>len << 3);
}

@final
export class Workspace {
  n: i32 = 0;
  m: i32 = HISTORY;
  bounded: bool = false;
  /** The objective's rounding relative to |f|: a line search predicting less decrease is not tried. */
  noise: f64 = 0;
  evals: i32 = 0;
  /** Value and directional derivative at the line search's last accepted trial. */
  ft: f64 = 0;
  dgt: f64 = 0;
  /** f at xt (whose gradient gt holds) while `trialValid`: a trial at that same point is not evaluated again. */
  fTrial: f64 = 0;
  trialValid: bool = false;
  x: usize = vec(MAX_PARAMS);
  g: usize = vec(MAX_PARAMS);
  d: usize = vec(MAX_PARAMS);
  xt: usize = vec(MAX_PARAMS);
  gt: usize = vec(MAX_PARAMS);
  /** Steps s and gradient changes y: HISTORY rows of MAX_PARAMS, used as a ring. */
  s: usize = vec(MAX_PARAMS * HISTORY);
  y: usize = vec(MAX_PARAMS * HISTORY);
  rho: usize = vec(HISTORY);
  alphaTmp: usize = vec(HISTORY);
  lower: usize = vec(MAX_PARAMS);
  upper: usize = vec(MAX_PARAMS);
}

@inline export function at(p: usize, i: i32): f64 {
  return load<f64>(p + (<usize>i << 3));
}

@inline export function put(p: usize, i: i32, v: f64): void {
  store<f64>(p + (<usize>i << 3), v);
}
