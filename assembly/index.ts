/**
 * The WebAssembly core's export surface; no logic lives here.
 *
 * The host allocates with `alloc`, writes f64 arrays through views on
 * `memory.buffer` (remaking views after any allocation: growth detaches
 * them), hands the core its runs with `setData`, chooses the objective
 * with `configure`, then calls `objective`, `fitStarts` or `fitWeighted`.
 */

import { renewWorkspace } from "./solve/multistart";
import { evaluate } from "./objective";

export { setData } from "./points";
export { configure, paramCount } from "./objective";
export { fitStarts, fitWeighted } from "./solve/multistart";
export * from "./vmath-exports";

/** Bump allocation, 16-byte aligned; nothing is freed until `resetHeap`. */
export function alloc(bytes: i32): usize {
  return heap.alloc(<usize>bytes);
}

/** Frees every allocation at once (the host then re-allocates its arrays). */
export function resetHeap(): void {
  heap.reset();
  renewWorkspace();
}

/** Objective at θ (configured form and loss), gradient written to `grad`. */
export function objective(theta: usize, grad: usize): f64 {
  return evaluate(theta, grad);
}
