/**
 * Reading θ and run i's columns, and writing ∂q/∂θ, for the per-run kernels
 * (./chinchilla-point.ts and its siblings). Inline so each kernel compiles to
 * the plain loads and stores it had when they all lived in one function.
 */

import { lnN, lnD, lnC } from "../points";

@inline export function th(theta: usize, k: i32): f64 { return load<f64>(theta + (<usize>k << 3)); }
@inline export function set(dq: usize, k: i32, v: f64): void { store<f64>(dq + (<usize>k << 3), v); }
@inline export function col(p: usize, i: i32): f64 { return load<f64>(p + (<usize>i << 3)); }

/** The x of a one-variable form at run i: variable id 0 = ln N, 1 = ln D, 2 = ln C (VARIABLE_IDS). */
export function variable(v: i32, i: i32): f64 {
  return v == 1 ? col(lnD, i) : v == 2 ? col(lnC, i) : col(lnN, i);
}
