/**
 * Over-training (Gadre et al. 2024, eq. 4): L = E + (a·M^η + b·M^(−η))·C^(−η)
 * with M = D/N and C = 6ND, as the log-sum-exp of its three terms.
 * θ order: see src/laws/overtrained.ts (thetaNames).
 * Mirrors src/engine/js/forms/overtrained.ts.
 */

import { lnN, lnD } from "../points";
import { lse3, w0, w1, w2 } from "./lse";
import { th, set, col } from "./io";

const LN6: f64 = 1.791759469228055; // ln 6

@inline export function predictOvertrained(theta: usize, i: i32, dq: usize): f64 {
  const n = col(lnN, i), d = col(lnD, i);
  const e = th(theta, 0), la = th(theta, 1), lb = th(theta, 2), eta = th(theta, 3);
  const lnM = d - n, lc = LN6 + n + d; // C = 6ND, as Gadre et al. define it
  const q = lse3(e, la + eta * (lnM - lc), lb - eta * (lnM + lc));
  set(dq, 0, w0); set(dq, 1, w1); set(dq, 2, w2); set(dq, 3, w1 * (lnM - lc) - w2 * (lnM + lc));
  return q;
}
