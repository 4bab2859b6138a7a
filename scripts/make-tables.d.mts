/** Types for make-tables.mjs (a plain Node script), for its test (test/node/assembly/tables.test.ts). */
export const TABLES_FILE: string;
export const PINNED: { exp: Record<number, string>; log: Record<number, string> };
export const PIN_TOLERANCE: number;
export const ERROR_TOLERANCE: number;

/** One coefficient: the minimax value (fixed point), the value kept, the digits printed, its double. */
export interface Coefficient {
  k: number;
  exact: bigint;
  kept: bigint;
  digits: string;
  double: number;
  /** (kept − exact)/exact. */
  deviation: number;
  pinned: boolean;
}

export interface Fit {
  rows: Coefficient[];
  /** The minimax error level E (the fit's own weight). */
  minimaxError: number;
  iterations: number;
  /** (max − min)/max of |error| over the minimax polynomial's alternation points. */
  minimaxSpread: number;
  /** The largest error of the kept coefficients (same weight). */
  keptError: number;
  keptSpread: number;
  /** The largest relative error of the result: minimax coefficients, and the doubles in the file. */
  exactRelative: number;
  roundedRelative: number;
}

/** The text of assembly/math/tables.ts and the figures behind it. */
export function makeTables(): { text: string; exp: Fit; log: Fit };
