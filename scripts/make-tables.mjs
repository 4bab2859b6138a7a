// Writes assembly/math/tables.ts: the constants of the WebAssembly exp/log/expm1
// (../simd/vmath.ts and ../math/port.ts), computed here rather than copied.
//
//   node scripts/make-tables.mjs           rewrite assembly/math/tables.ts
//   node scripts/make-tables.mjs --check   exit 1 if the committed file differs
//   node scripts/make-tables.mjs --report  also print the minimax fits and how far
//                                          the kept coefficients are from them
//
// Everything runs in plain Node (no Python, no network, no dependency): numbers are
// BigInt fixed point with 320 fractional bits (~96 digits), and the polynomial
// coefficients come from a Remez exchange on these two problems:
//
//   exp: exp(r) ≈ 1 + r + r²·Q(r), Q of degree 9 on |r| ≤ 0.3467; minimise the relative
//        error of the result, max |r²·(Q(r) − Qe(r))·e^−r|, Qe(r) = (e^r − 1 − r)/r².
//   log: log(1+f) = f − f²/2 + s·(f²/2 + z·T(z)), s = f/(2+f), z = s²; T of degree 6 on
//        z ∈ [0, 0.02944]; minimise max |z·(T(z) − Te(z))|, the absolute error of
//        R = z·T(z), Te(z) = (2·atanh(s) − 2s)/(s·z). The result's relative error is
//        s·z·(T − Te)/log(1+f), about half of that (the file's stated bound).
//
// The committed coefficients were first computed with mpmath (60 digits; the script was
// never committed: the file arrived whole in the first commit). The exchange here levels
// the error at every alternation point to 1e-50 (exp) and 1e-60 (log), so it is the
// minimax polynomial, which is unique, to far more digits than the file prints. It
// reproduces every printed digit of exp q0…q4 (23 decimals) and log t0…t2 (20), but
// not of the higher-order ones: exp q5…q9 differ from it by 3e-21 to 4e-17 (relative),
// log t3…t6 by 9e-20 to 1.5e-15, each far more than its last printed digit, and the
// doubles of log t5 and t6 are 1 and 8 ulps from the minimax ones rounded. That run
// stopped short of convergence, in a way that cannot be replayed without its script.
// Those values are kept (changing the doubles would change the last bits of fits):
// PINNED lists their digits, and makeTables() refuses them unless each is within
// PIN_TOLERANCE (relative) of the recomputed coefficient and the kept polynomial's
// largest error is within ERROR_TOLERANCE of the minimax error (it is 2e-9 above for
// log, 9e-11 for exp). Every other number in the file (the other digits, all other
// doubles and bit patterns, the stated error bounds) is computed here, and
// test/node/assembly/tables.test.ts checks the whole file byte for byte.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
export const TABLES_FILE = 'assembly/math/tables.ts';

/** Coefficients kept from the first (mpmath) run, as printed in the file; see above. */
export const PINNED = {
  exp: {
    5: '1.98412695060373609732e-4',
    6: '2.48014930000309968630e-5',
    7: '2.75575866666637738432e-6',
    8: '2.76302867145813568377e-7',
    9: '2.50000305788265353664e-8',
  },
  log: {
    3: '0.22222198564130214172',
    4: '0.18183564830732709198',
    5: '0.15314036813806572765',
    6: '0.14796095085859315345',
  },
};
/** A kept coefficient may differ from the minimax one by at most this, relative (largest now: t6, 1.5e-15). */
export const PIN_TOLERANCE = 1e-14;
/** The kept polynomial's largest weighted error may exceed the minimax error by at most this fraction. */
export const ERROR_TOLERANCE = 1e-6;

// ------------------------------------------------------------ fixed point

const P = 320n;
const ONE = 1n << P;
const HALF = 1n << (P - 1n);
const abs = (a) => (a < 0n ? -a : a);
const sign = (a) => (a < 0n ? -1 : a > 0n ? 1 : 0);
/** a·b, rounded to the nearest multiple of 2^-P. */
const mul = (a, b) => (a * b + HALF) >> P;
/** a/b, rounded. */
function div(a, b) {
  let n = a << P;
  if (b < 0n) { n = -n; b = -b; }
  return n >= 0n ? (n + b / 2n) / b : -((-n + b / 2n) / b);
}
const int = (k) => BigInt(k) << P;
const ratio = (n, d) => div(int(n), int(d));
/** A decimal string, e.g. "0.3467" or "2.5e-8", in fixed point. */
function fromDecimal(text) {
  const m = /^(-?)(\d+)(?:\.(\d*))?(?:e([-+]?\d+))?$/i.exec(text);
  if (!m) throw new Error(`not a decimal: ${text}`);
  const frac = m[3] ?? '';
  const exp10 = Number(m[4] ?? 0) - frac.length;
  let n = BigInt(m[2] + frac) << P;
  n = exp10 >= 0 ? n * 10n ** BigInt(exp10) : (n + 10n ** BigInt(-exp10) / 2n) / 10n ** BigInt(-exp10);
  return m[1] ? -n : n;
}
/** A double, exactly. */
function fromDouble(x) {
  if (x === 0) return 0n;
  const bits = doubleBits(x);
  const e = Number((bits >> 52n) & 0x7ffn);
  const mant = (bits & 0xfffffffffffffn) | (e ? 1n << 52n : 0n);
  const shift = BigInt(Math.max(e, 1) - 1075) + P;
  if (shift < 0n) throw new Error(`${x} is below the fixed-point resolution`);
  const v = mant << shift;
  return x < 0 ? -v : v;
}
/** The double nearest to v (ties to even); throws when v is too close to a tie to round reliably. */
function toDouble(v) {
  if (v === 0n) return 0;
  const a = abs(v);
  let shift = a.toString(2).length - 53;
  let q;
  if (shift > 0) {
    q = a >> BigInt(shift);
    const r = a - (q << BigInt(shift));
    const half = 1n << BigInt(shift - 1);
    if (abs(r - half) << 60n < (1n << BigInt(shift))) throw new Error('too close to a rounding tie to round reliably');
    if (r > half || (r === half && (q & 1n))) q += 1n;
    if (q === 1n << 53n) { q >>= 1n; shift += 1; }
  } else {
    q = a << BigInt(-shift);
  }
  const x = Number(q) * 2 ** (shift - Number(P));
  return v < 0n ? -x : x;
}
function doubleBits(x) {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  return view.getBigUint64(0);
}
const hex = (x) => `0x${doubleBits(x).toString(16).toUpperCase().padStart(16, '0')}`;
const hexInt = (n) => `0x${n.toString(16).toUpperCase().padStart(16, '0')}`;
/** Integer square root of a non-negative BigInt. */
function isqrt(n) {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}
const sqrt = (v) => isqrt(v << P);

// ------------------------------------------------------------ decimal text

/** |v| with `places` decimals, rounded half up (the digits the file prints for larger coefficients). */
function fixedText(v, places) {
  const scale = 10n ** BigInt(places);
  const n = (abs(v) * scale + HALF) >> P;
  const s = n.toString().padStart(places + 1, '0');
  return `${v < 0n ? '-' : ''}${s.slice(0, -places)}.${s.slice(-places)}`;
}
/** v with `digits` significant digits as d.ddd…e-N (the file's form for small coefficients). */
function scientificText(v, digits) {
  let e = Math.floor(Math.log10(Math.abs(toDouble(v))));
  for (;;) {
    const k = digits - 1 - e;
    const n = k >= 0 ? (abs(v) * 10n ** BigInt(k) + HALF) >> P : ((abs(v) >> P) + 10n ** BigInt(-k) / 2n) / 10n ** BigInt(-k);
    const s = n.toString();
    if (s.length > digits) { e += 1; continue; }
    if (s.length < digits) { e -= 1; continue; }
    return `${v < 0n ? '-' : ''}${s[0]}.${s.slice(1)}e${e}`;
  }
}
/** A double as Python's repr() writes it (how the file was first written): 1.0, 2.4801493000031e-05. */
function pyRepr(x) {
  const [mant, exp] = x.toExponential().split('e');
  const e = Number(exp);
  const neg = mant.startsWith('-');
  const digits = mant.replace('-', '').replace('.', '');
  let out;
  if (e >= -4 && e < 16) {
    if (e >= 0) {
      const whole = digits.slice(0, e + 1).padEnd(e + 1, '0');
      out = `${whole}.${digits.slice(e + 1) || '0'}`;
    } else {
      out = `0.${'0'.repeat(-e - 1)}${digits}`;
    }
  } else {
    out = `${digits[0]}${digits.length > 1 ? `.${digits.slice(1)}` : ''}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  return (neg ? '-' : '') + out;
}
/** A hand-written literal of the file, checked to be exactly `value`. */
function literal(value, text) {
  const parsed = Number(text);
  if (!Object.is(parsed, value) && !(Number.isNaN(value) && Number.isNaN(parsed))) throw new Error(`${text} is not ${value}`);
  return text;
}

// ------------------------------------------------------------ the functions

/** e^x by its series (|x| < 1). */
function exp(x) {
  let term = ONE;
  let sum = ONE;
  for (let k = 1n; term !== 0n; k++) {
    term = mul(term, x) / k;
    sum += term;
  }
  return sum;
}
/** Σ x^k · num/(a·k + b), k ≥ 0, for |x| < 1. */
function series(x, num, a, b) {
  let power = ONE;
  let sum = 0n;
  for (let k = 0n; power !== 0n; k++) {
    sum += (power * num) / (a * k + b);
    power = mul(power, x);
  }
  return sum;
}
/** Qe(r) = (e^r − 1 − r)/r² = Σ r^k/(k+2)!. */
function expQ(r) {
  let term = ONE / 2n;
  let sum = term;
  for (let k = 1n; term !== 0n; k++) {
    term = mul(term, r) / (k + 2n);
    sum += term;
  }
  return sum;
}
/** Te(z) = Σ 2·z^k/(2k+3): R(z) = z·Te(z) = (2·atanh(s) − 2s)/s. */
const logT = (z) => series(z, 2n, 2n, 3n);
/** atanh(s)/s = Σ z^k/(2k+1). */
const atanhOverS = (z) => series(z, 1n, 2n, 1n);
/** ln 2 = 2·atanh(1/3). */
const LN2 = 2n * mul(ratio(1, 3), series(ratio(1, 9), 1n, 2n, 1n));

function poly(c, x) {
  let acc = c[c.length - 1];
  for (let j = c.length - 2; j >= 0; j--) acc = mul(acc, x) + c[j];
  return acc;
}

// ------------------------------------------------------------ Remez exchange

/** Solves A·x = b by Gaussian elimination with partial pivoting. */
function solve(A, b) {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (abs(M[r][col]) > abs(M[pivot][col])) pivot = r;
    [M[col], M[pivot]] = [M[pivot], M[col]];
    if (M[col][col] === 0n) throw new Error('singular system');
    for (let r = col + 1; r < n; r++) {
      const f = div(M[r][col], M[col][col]);
      for (let k = col; k <= n; k++) M[r][k] -= mul(f, M[col][k]);
    }
  }
  const x = new Array(n).fill(0n);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r][n];
    for (let k = r + 1; k < n; k++) s -= mul(M[r][k], x[k]);
    x[r] = div(s, M[r][r]);
  }
  return x;
}

const GOLD = (sqrt(int(5)) - ONE) / 2n;
const GRID = 800;

/**
 * The local extrema of e(x) on [a, b]: found on a grid of GRID steps (values on the grid
 * from `onGrid`), then each refined by golden-section search until its bracket is 2^-170 wide.
 */
function extrema(e, grid, values) {
  const out = [];
  const last = grid.length - 1;
  const isPeak = (k) => values[k] !== 0n
    && (k === 0 || abs(values[k]) >= abs(values[k - 1]))
    && (k === last || abs(values[k]) >= abs(values[k + 1]));
  for (let k = 0; k <= last; k++) {
    if (!isPeak(k)) continue;
    const s = BigInt(sign(values[k]));
    let lo = grid[Math.max(k - 1, 0)];
    let hi = grid[Math.min(k + 1, last)];
    const f = (x) => s * e(x);
    let x1 = hi - mul(GOLD, hi - lo);
    let x2 = lo + mul(GOLD, hi - lo);
    let f1 = f(x1);
    let f2 = f(x2);
    while (hi - lo > 1n << (P - 170n)) {
      if (f1 > f2) { hi = x2; x2 = x1; f2 = f1; x1 = hi - mul(GOLD, hi - lo); f1 = f(x1); }
      else { lo = x1; x1 = x2; f1 = f2; x2 = lo + mul(GOLD, hi - lo); f2 = f(x2); }
    }
    const mid = (lo + hi) / 2n;
    let best = { x: mid, e: e(mid) };
    if (k === 0 || k === last) { // the search cannot reach an endpoint: compare it too
      const end = { x: grid[k], e: values[k] };
      if (abs(end.e) > abs(best.e)) best = end;
    }
    out.push(best);
  }
  return out;
}

/** Of points sorted by x, the largest alternating-sign set of at most m: same-sign neighbours keep the larger; then the smaller end goes. */
function alternating(points, m) {
  const alt = [];
  for (const p of points) {
    if (p.e === 0n) continue;
    const top = alt[alt.length - 1];
    if (top && sign(top.e) === sign(p.e)) { if (abs(p.e) > abs(top.e)) alt[alt.length - 1] = p; }
    else alt.push(p);
  }
  while (alt.length > m) {
    if (abs(alt[0].e) < abs(alt[alt.length - 1].e)) alt.shift();
    else alt.pop();
  }
  return alt;
}

/**
 * Minimax polynomial c (degree n) of max |W(x)·(c(x) − F(x))| on [a, b], and its error level E.
 * Exchange: the reference's alternating points plus every local extremum, thinned to the
 * largest alternating set of n + 2; stops when the largest error exceeds |E| by under 2^-150.
 */
function remez(F, W, a, b, n) {
  const m = n + 2;
  const grid = Array.from({ length: GRID + 1 }, (_, k) => a + div((b - a) * BigInt(k), int(GRID)));
  const Fg = grid.map(F);
  const Wg = grid.map(W);
  const aD = toDouble(a), bD = toDouble(b);
  // Chebyshev extrema as the first reference (the ends exact), moved off zero weight.
  const nudge = div(b - a, int(4 * m));
  let ref = Array.from({ length: m }, (_, i) => {
    const x = i === 0 ? a : i === m - 1 ? b
      : fromDouble((aD + bD) / 2 - ((bD - aD) / 2) * Math.cos((Math.PI * i) / (m - 1)));
    return W(x) === 0n ? x + nudge : x;
  });
  for (let iter = 0; iter < 40; iter++) {
    const A = ref.map((x, i) => {
      const w = W(x);
      const row = [];
      let p = w;
      for (let j = 0; j <= n; j++) { row.push(p); p = mul(p, x); }
      row.push(i % 2 ? ONE : -ONE);
      return row;
    });
    const sol = solve(A, ref.map((x) => mul(W(x), F(x))));
    const c = sol.slice(0, n + 1);
    const E = sol[n + 1];
    const e = (x) => mul(W(x), poly(c, x) - F(x));
    const values = grid.map((x, k) => mul(Wg[k], poly(c, x) - Fg[k]));
    const candidates = [...extrema(e, grid, values), ...ref.map((x) => ({ x, e: e(x) }))].sort((p, q) => (p.x < q.x ? -1 : p.x > q.x ? 1 : 0));
    const alt = alternating(candidates, m);
    const largest = alt.reduce((mx, p) => (abs(p.e) > mx ? abs(p.e) : mx), 0n);
    if ((largest - abs(E)) << 150n <= abs(E)) return { c, E: abs(E), iterations: iter + 1 };
    ref = alt.map((p) => p.x);
  }
  throw new Error('Remez: no convergence in 40 exchanges');
}

/**
 * The largest |e(x)| on [a, b], and how level its m alternating extrema are ((max − min)/max:
 * 0 for a minimax polynomial, whose error reaches ±E at every one of them).
 */
function errorCurve(e, a, b, m) {
  const grid = Array.from({ length: GRID + 1 }, (_, k) => a + div((b - a) * BigInt(k), int(GRID)));
  const sizes = alternating(extrema(e, grid, grid.map(e)), m).map((p) => abs(p.e));
  const max = sizes.reduce((x, y) => (y > x ? y : x));
  const min = sizes.reduce((x, y) => (y < x ? y : x));
  return { max, spread: toDouble(div(max - min, max)) };
}

// ------------------------------------------------------------ the two fits

function fitExp() {
  const a = fromDecimal('0.3467');
  const W = (r) => mul(mul(r, r), exp(-r));
  const fit = remez(expQ, W, -a, a, 9);
  return { ...fit, F: expQ, W, a: -a, b: a, relative: W };
}

function fitLog() {
  const b = fromDecimal('0.02944');
  const W = (z) => z;
  const fit = remez(logT, W, 0n, b, 6);
  // The result's relative error: s·z·(T − Te)/(2·atanh(s)) = z·(T − Te)/(2·atanh(s)/s).
  const relative = (z) => div(z, 2n * atanhOverS(z));
  return { ...fit, F: logT, W, a: 0n, b, relative };
}

/**
 * The coefficients as the file states them: each one's text (from the fit, or PINNED) and
 * its double; the checks of every pin; the error bounds of the exact and the rounded polynomial.
 */
function coefficients(fit, pins, text) {
  const rows = fit.c.map((v, k) => {
    const pinned = pins[k];
    const digits = pinned ?? text(v);
    const kept = pinned === undefined ? v : fromDecimal(pinned);
    const deviation = toDouble(div(kept - v, v));
    if (Math.abs(deviation) > PIN_TOLERANCE) throw new Error(`kept coefficient ${k} (${pinned}) is ${deviation.toExponential(2)} from the minimax one, over ${PIN_TOLERANCE}`);
    return { k, exact: v, kept, digits, double: toDouble(kept), deviation, pinned: pinned !== undefined };
  });
  const curve = (c, weight) => errorCurve((x) => mul(weight(x), poly(c, x) - fit.F(x)), fit.a, fit.b, fit.c.length + 1);
  const keptCurve = curve(rows.map((r) => r.kept), fit.W);
  const excess = toDouble(div(keptCurve.max - fit.E, fit.E));
  if (excess > ERROR_TOLERANCE) throw new Error(`the kept coefficients' error is ${excess.toExponential(2)} above the minimax error, over ${ERROR_TOLERANCE}`);
  const exactRelative = curve(fit.c, fit.relative);
  const roundedRelative = curve(rows.map((r) => fromDouble(r.double)), fit.relative);
  return {
    rows,
    minimaxError: toDouble(fit.E),
    iterations: fit.iterations,
    minimaxSpread: curve(fit.c, fit.W).spread,
    keptError: toDouble(keptCurve.max),
    keptSpread: keptCurve.spread,
    exactRelative: toDouble(exactRelative.max),
    roundedRelative: toDouble(roundedRelative.max),
  };
}

// ------------------------------------------------------------ the file

/** `text,` padded to `width`, then the comment. */
const row = (text, width, comment) => `  ${`${text},`.padEnd(width)}${comment}`;
const decorated = (names) => names.map(([name, i]) => `// @ts-ignore: decorator\n@inline export const ${name}: i32 = ${i};`).join('\n');

/** The text of assembly/math/tables.ts, and the figures behind it. */
export function makeTables() {
  const expFit = coefficients(fitExp(), PINNED.exp, (v) => (toDouble(v) >= 1e-3 ? fixedText(v, 23) : scientificText(v, 21)));
  const logFit = coefficients(fitLog(), PINNED.log, (v) => fixedText(v, 20));

  const invLn2 = toDouble(div(ONE, LN2));
  // ln 2 to 42 significant bits, so k·hi is exact for |k| < 2^11; lo is the rest, rounded.
  const ln2Bits = LN2.toString(2).length;
  const ln2HiFixed = ((LN2 >> BigInt(ln2Bits - 42)) + ((LN2 >> BigInt(ln2Bits - 43)) & 1n)) << BigInt(ln2Bits - 42);
  const ln2Hi = toDouble(ln2HiFixed);
  const ln2Lo = toDouble(LN2 - ln2HiFixed);
  const shift = 1.5 * 2 ** 52;
  const sqrtHalf = toDouble(sqrt(HALF));
  const bitsOne = doubleBits(1);
  const bitsSqrtHalf = doubleBits(sqrtHalf);
  const f2 = (x) => x.toExponential(1);
  const stated = (fit) => `${f2(fit.exactRelative)} (${f2(fit.roundedRelative)} rounded)`;
  const coefficientRows = (fit, letter, first, width) => fit.rows.map((r) =>
    row(pyRepr(r.double), width, `// ${String(first + r.k).padStart(2)} ${letter}${r.k} ${hex(r.double)}  ${r.digits}`));

  const text = `// Constant tables shared by the vector exp/log/expm1 (../simd/vmath.ts) and
// their scalar ports (./port.ts): one copy of every constant in linear memory.
// The vector code loads them with \`v128.load64_splat\` (one movddup each: V8
// rebuilds \`f64x2.splat(constant)\` on every use); the scalar code with
// \`f64.load\` at a constant address. No lookup tables: a few constants each.
//
// Written by scripts/make-tables.mjs (\`--check\` compares; test/node/assembly/tables.test.ts
// runs it). Polynomial coefficients come from a Remez exchange (weighted minimax,
// exp for the relative error of the result, log for the absolute error of z·T(z),
// 320-bit fixed point) and are rounded to double; the stated error bounds include
// that rounding. The last digits of exp q5…q9 and log t3…t6, and the doubles of
// t5 and t6, are those of an earlier, less converged run, kept and checked to
// within 1e-14 of the minimax values (the script says why).

// f64 constants for exp (and expm1). Index names below; all values are exact doubles.
export const EXP_F64: usize = memory.data<f64>([
${row(pyRepr(invLn2), 24, `//  0 1/ln 2                      ${hex(invLn2)}`)}
${row(pyRepr(shift), 24, `//  1 1.5·2^52 round-to-integer shift ${hex(shift)}`)}
${row(pyRepr(ln2Hi), 24, `//  2 ln 2 high part, 42 bits   ${hex(ln2Hi)}`)}
${row(pyRepr(ln2Lo), 24, `//  3 ln 2 − high part            ${hex(ln2Lo)}`)}
${row(literal(708, '708.0'), 24, '//  4 |x| below this: 2^k is a normal double')}
${row(literal(709.8, '709.8'), 24, '//  5 clamp above: exp overflows to +Inf')}
${row(literal(-746, '-746.0'), 24, '//  6 clamp below: exp underflows to +0')}
${row(literal(1, '1.0'), 24, '//  7 one')}
  // exp(r) ≈ 1 + r + r²·Q(r), Q of degree 9, minimax for the relative error of
  // the whole result on |r| ≤ 0.3467 (> ln2/2): max ${stated(expFit)}.
${coefficientRows(expFit, 'q', 8, 24).join('\n')}
], 16);

${decorated([['E_INVLN2', 0], ['E_SHIFT', 1], ['E_LN2HI', 2], ['E_LN2LO', 3], ['E_FAST', 4], ['E_HI', 5], ['E_LO', 6], ['E_ONE', 7], ['E_Q', 8]])}

// f64 constants for log.
export const LOG_F64: usize = memory.data<f64>([
${row(pyRepr(ln2Hi), 25, `//  0 ln 2 high part, 42 bits: k·hi exact ${hex(ln2Hi)}`)}
${row(pyRepr(ln2Lo), 25, `//  1 ln 2 − high part             ${hex(ln2Lo)}`)}
${row(pyRepr(2 ** 52 + 1023), 25, `//  2 2^52 + 1023: unbias the exponent ${hex(2 ** 52 + 1023)}`)}
${row(pyRepr(2 ** 52 + 1023 + 54), 25, '//  3 2^52 + 1023 + 54: same after scaling by 2^54')}
${row(literal(1, '1.0'), 25, '//  4 one')}
${row(literal(0.5, '0.5'), 25, '//  5 one half')}
${row(pyRepr(2 ** -1022), 25, '//  6 smallest positive normal, 2^-1022')}
${row(literal(Infinity, 'Infinity'), 25, '//  7 +Inf')}
${row(literal(-Infinity, '-Infinity'), 25, '//  8 −Inf')}
${row(literal(2 ** 54, '18014398509481984.0'), 25, '//  9 2^54: lifts subnormals into the normal range')}
${row(literal(NaN, 'NaN'), 25, '// 10 quiet NaN')}
${row(literal(0, '0.0'), 25, '// 11 zero')}
  // log(1+f) = f − f²/2 + s·(f²/2 + z·T(z)), s = f/(2+f), z = s² (the fdlibm
  // e_log.c decomposition). T of degree 6, minimax for the relative error of
  // the result on z ∈ [0, 0.02944] (|s| ≤ 3 − 2√2): ${stated(logFit)}.
${coefficientRows(logFit, 't', 12, 25).join('\n')}
], 16);

${decorated([['L_LN2HI', 0], ['L_LN2LO', 1], ['L_UNBIAS', 2], ['L_UNBIAS_SUB', 3], ['L_ONE', 4], ['L_HALF', 5], ['L_MINNORM', 6], ['L_INF', 7], ['L_NEGINF', 8], ['L_TWO54', 9], ['L_NAN', 10], ['L_ZERO', 11], ['L_T', 12]])}

// Integer bit patterns (i64 lanes).
export const BITS_I64: usize = memory.data<i64>([
${row(hex(shift), 20, '// 0 bits of 1.5·2^52 (E_SHIFT): bits(kd) − this = k')}
${row('1023', 20, '// 1 exponent bias')}
${row(hexInt(bitsOne - bitsSqrtHalf), 20, '// 2 bits(1.0) − bits(√½): moves [√½, √2) onto one exponent')}
${row(hexInt((1n << 52n) - 1n), 20, '// 3 mantissa mask')}
${row(hex(sqrtHalf), 20, `// 4 bits(√½) = bits(${sqrtHalf.toPrecision(17)})`)}
${row(hex(2 ** 52), 20, '// 5 bits(2^52): integer-to-double by OR')}
], 16);

${decorated([['B_SHIFT', 0], ['B_BIAS', 1], ['B_OFFSET', 2], ['B_MANT', 3], ['B_SQRTHALF', 4], ['B_TWO52', 5]])}

/** Entry \`index\` of an f64 table (an f64.load at a constant address). */
// @ts-ignore: decorator
@inline export function f64At(table: usize, index: i32): f64 {
  return load<f64>(table + (<usize>index << 3));
}

/** Entry \`index\` of the i64 table. */
// @ts-ignore: decorator
@inline export function i64At(table: usize, index: i32): i64 {
  return load<i64>(table + (<usize>index << 3));
}
`;
  return { text, exp: expFit, log: logFit };
}

function report({ exp, log }) {
  for (const [name, fit] of [['exp', exp], ['log', log]]) {
    console.log(`${name}: minimax error ${fit.minimaxError.toExponential(4)} after ${fit.iterations} exchanges, extrema level to ${fit.minimaxSpread.toExponential(1)}; kept coefficients: error ${fit.keptError.toExponential(4)}, extrema level to ${fit.keptSpread.toExponential(1)}`);
    for (const r of fit.rows) {
      console.log(`  ${String(r.k).padStart(2)} ${r.pinned ? 'kept ' : 'fit  '} ${r.digits.padEnd(26)} minimax ${fixedText(r.exact, 30)}  ${r.pinned ? `relative difference ${r.deviation.toExponential(2)}` : ''}`);
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const made = makeTables();
  const file = join(repo, TABLES_FILE);
  if (process.argv.includes('--report')) report(made);
  if (process.argv.includes('--check')) {
    const committed = readFileSync(file, 'utf8');
    if (committed === made.text) console.log(`${TABLES_FILE} matches scripts/make-tables.mjs`);
    else {
      const a = committed.split('\n'), b = made.text.split('\n');
      const line = a.findIndex((l, i) => l !== b[i]);
      console.error(`${TABLES_FILE} differs from scripts/make-tables.mjs at line ${line + 1}:\n  committed: ${a[line]}\n  generated: ${b[line]}`);
      process.exitCode = 1;
    }
  } else {
    writeFileSync(file, made.text);
    console.log(`wrote ${TABLES_FILE}`);
  }
}
