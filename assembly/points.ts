/**
 * The runs being fitted, in log space, as pointers into linear memory that
 * the host wrote (structure of arrays, f64). Set once per data set; every
 * objective evaluation reads them in place.
 */

export let lnN: usize = 0;
export let lnD: usize = 0;
export let lnL: usize = 0;
export let count: i32 = 0;

export function setPoints(lnNPtr: usize, lnDPtr: usize, lnLPtr: usize, n: i32): void {
  lnN = lnNPtr;
  lnD = lnDPtr;
  lnL = lnLPtr;
  count = n;
}
