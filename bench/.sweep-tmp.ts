// Accuracy of the WebAssembly exp/log (assembly/simd/vmath.ts through the
// vecExp/vecLog exports) and of the scalar functions of assembly/math/scalar.ts
// (exp, log, expm1, log1p, pow, softplus, sigmoid, through scalarMath) in each
// build Node can run, measured in ulps against a double-double reference
// written here (Dekker/Knuth error-free transforms), not against Math.*,
// which is not correctly rounded.
// Needs the builds: node scripts/build-wasm.mjs (runs before npm test).

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { decodeBase64, wasmRelaxedSimd, wasmScalar, wasmSimd } from "/work/main/src/engine/generated/wasm-bytes.ts";

// ---------------------------------------------------------------- double-double

type DD = [number, number]; // unevaluated sum hi + lo, |lo| ≤ ulp(hi)/2

function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}
const SPLITTER = 134217729; // 2^27 + 1, Veltkamp split
function twoProd(a: number, b: number): DD {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a), al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b), bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}
function add(a: DD, b: DD): DD {
  const [s, e] = twoSum(a[0], b[0]);
  return twoSum(s, e + a[1] + b[1]);
}
function mul(a: DD, b: DD): DD {
  const [p, e] = twoProd(a[0], b[0]);
  return twoSum(p, e + a[0] * b[1] + a[1] * b[0]);
}
function divNum(a: DD, d: number): DD {
  const q = a[0] / d;
  const [p, e] = twoProd(q, d);
  return twoSum(q, (a[0] - p - e + a[1]) / d);
}

/** y·2^n in two exact steps (2^n alone may overflow). */
const scale = (y: number, n: number): number => y * 2 ** (n >> 1) * 2 ** (n - (n >> 1));

// ln 2 = L1 + L2 + L3 (42-bit L1, so k·L1 is exact; remainder 4.4e-48).
const L1 = 0.6931471805598903, L2 = 5.497923018708371e-14, L3 = 1.94704509238075e-31;
const kLn2 = (k: number): DD => add(add([k * L1, 0], twoProd(k, L2)), [k * L3, 0]);

/** exp(r) for |r| ≤ 0.5 in double-double: Taylor on r/256, then 8 squarings. */
function expSmall(r: DD): DD {
  const s: DD = [r[0] / 256, r[1] / 256];
  let term: DD = [1, 0], sum: DD = [1, 0];
  for (let n = 1; n <= 12; n++) {
    term = divNum(mul(term, s), n);
    sum = add(sum, term);
  }
  for (let i = 0; i < 8; i++) sum = mul(sum, sum);
  return sum;
}

/** exp(x) = 2^k · m, m in double-double. */
function refExp(x: number): { k: number; m: DD } {
  const k = Math.round(x / Math.LN2);
  return { k, m: expSmall(add([x, 0], kLn2(-k))) };
}

/** log(x) for positive finite x in double-double: e·ln2 + 2·atanh((m−1)/(m+1)), m ∈ [√½, √2]. */
function refLog(x: number): DD {
  let e = exponent(x);
  let m = scale(x, -e); // exact, m ∈ [1, 2)
  if (m > Math.SQRT2) [m, e] = [m / 2, e + 1];
  // s = (m − 1)/(m + 1) in double-double: quotient plus one correction step.
  const num = m - 1; // exact
  const den = twoSum(m, 1);
  const q = num / den[0];
  const [p, pe] = twoProd(q, den[0]);
  const s = twoSum(q, (num - p - pe - q * den[1]) / den[0]);
  const s2 = mul(s, s);
  let term = s, sum = s;
  for (let k = 1; k <= 30; k++) {
    term = mul(term, s2);
    sum = add(sum, divNum(term, 2 * k + 1));
  }
  return add(kLn2(e), [2 * sum[0], 2 * sum[1]]);
}

// ---------------------------------------------------------------- ulps

const f64 = new Float64Array(1), u64 = new BigUint64Array(f64.buffer);
/** floor(log2|x|) for finite nonzero x, subnormals included. */
function exponent(x: number): number {
  f64[0] = x;
  const biased = Number((u64[0] >> 52n) & 0x7ffn);
  if (biased > 0) return biased - 1023;
  return exponent(x * 2 ** 64) - 64;
}
/** |y − 2^k·m| in ulps of the exact value (ulp floored at 2^-1074). */
function ulpsScaled(y: number, k: number, m: DD): number {
  if (m[0] === 0) return y === 0 ? 0 : Infinity;
  const ulpExp = Math.max(exponent(m[0]) + k - 52, -1074);
  return Math.abs(scale(scale(y, -k) - m[0] - m[1], k - ulpExp));
}
const ulps = (y: number, ref: DD): number => ulpsScaled(y, 0, ref);

// ---------------------------------------------------------------- wasm

interface Kernels {
  vecExp(inPtr: number, outPtr: number, n: number): void;
  vecLog(inPtr: number, outPtr: number, n: number): void;
  scalarMath(fn: number, xPtr: number, yPtr: number, outPtr: number, n: number): void;
  alloc(bytes: number): number;
  memory: WebAssembly.Memory;
}

function instantiate(base64: string): Kernels | null {
  const bytes = decodeBase64(base64);
  if (!WebAssembly.validate(bytes)) return null;
  const module = new WebAssembly.Module(bytes);
  // Any import the core may declare gets a stub that fails loudly.
  const imports: Record<string, Record<string, unknown>> = {};
  for (const imp of WebAssembly.Module.imports(module)) {
    (imports[imp.module] ??= {})[imp.name] = () => {
      throw new Error(`unexpected call to import ${imp.module}.${imp.name}`);
    };
  }
  return new WebAssembly.Instance(module, imports as WebAssembly.Imports).exports as unknown as Kernels;
}

/** Runs vecExp or vecLog over xs (in place, through one allocation per kernel). */
function mapper(k: Kernels, fn: "vecExp" | "vecLog"): (xs: ArrayLike<number>) => Float64Array {
  let ptr = 0, cap = 0;
  return (xs) => {
    if (xs.length > cap) {
      cap = Math.max(xs.length, 1024);
      ptr = k.alloc(cap * 8);
    }
    const view = new Float64Array(k.memory.buffer, ptr, xs.length); // after alloc
    view.set(xs);
    k[fn](ptr, ptr, xs.length);
    return new Float64Array(k.memory.buffer, ptr, xs.length).slice();
  };
}

const SCALAR_FNS = { exp: 0, log: 1, expm1: 2, log1p: 3, pow: 4, softplus: 5, sigmoid: 6 } as const;
type ScalarFn = keyof typeof SCALAR_FNS;

/** Runs one math/scalar.ts function (through scalarMath) over xs (and ys, for pow). */
function scalarMapper(k: Kernels): (fn: ScalarFn, xs: ArrayLike<number>, ys?: ArrayLike<number>) => Float64Array {
  let ptr = 0, cap = 0;
  return (fn, xs, ys) => {
    if (xs.length > cap) {
      cap = Math.max(xs.length, 1024);
      ptr = k.alloc(cap * 16);
    }
    new Float64Array(k.memory.buffer, ptr, xs.length).set(xs); // views after alloc
    if (ys) new Float64Array(k.memory.buffer, ptr + cap * 8, ys.length).set(ys);
    k.scalarMath(SCALAR_FNS[fn], ptr, ptr + cap * 8, ptr, xs.length);
    return new Float64Array(k.memory.buffer, ptr, xs.length).slice();
  };
}

/** Deterministic uniform [0, 1) (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const dense = (a: number, b: number, n: number, rnd: () => number): number[] =>
  Array.from({ length: n }, (_, i) => a + ((b - a) * (i + rnd())) / n);

/** Largest error in ulps over xs, with the worst input for the message. */
function worst(xs: number[], ys: Float64Array, err: (x: number, y: number) => number): [number, number] {
  let max = 0, at = NaN;
  xs.forEach((x, i) => {
    const e = err(x, ys[i]);
    if (!(e <= max)) [max, at] = [e, x];
  });
  return [max, at];
}
const expErr = (x: number, y: number): number => {
  const { k, m } = refExp(x);
  return ulpsScaled(y, k, m);
};
const logErr = (x: number, y: number): number => ulps(y, refLog(x));

// ---------------------------------------------------------------- references for math/scalar.ts

const neg = (a: DD): DD => [-a[0], -a[1]];
/** a / b: quotient plus one correction step (relative error about 2^-104). */
function div(a: DD, b: DD): DD {
  const q = a[0] / b[0];
  const r = add(a, neg(mul([q, 0], b)));
  return twoSum(q, r[0] / b[0]);
}
/** e^x as a double-double number (x ≥ −600, so that the low part stays normal). */
function expDD(x: number): DD {
  const { k, m } = refExp(x);
  return [scale(m[0], k), scale(m[1], k)];
}
/** e^x − 1: Taylor series below 1/2 (no cancellation), else e^x − 1 in double-double. */
function refExpm1(x: number): DD {
  if (Math.abs(x) >= 0.5) return add(expDD(x), [-1, 0]);
  let term: DD = [x, 0], sum: DD = [x, 0];
  for (let n = 2; n <= 30; n++) {
    term = divNum(mul(term, [x, 0]), n);
    sum = add(sum, term);
  }
  return sum;
}
/** ln(1 + u): 2·atanh(u/(2 + u)) for −1/2 ≤ u ≤ 1 (|s| ≤ 1/3), else the log of 1 + u held exactly. */
function refLog1p(u: number): DD {
  if (u < -0.5) return refLog(1 + u); // exact sum (Sterbenz)
  if (u > 1) {
    const w = twoSum(1, u);
    return add(refLog(w[0]), [w[1] / w[0], 0]); // ln(w₀ + w₁) = ln w₀ + w₁/w₀ − …, |w₁/w₀| ≤ 2^-53
  }
  const s = div([u, 0], twoSum(2, u));
  const s2 = mul(s, s);
  let term = s, sum = s;
  for (let k = 1; k <= 40; k++) {
    term = mul(term, s2);
    sum = add(sum, divNum(term, 2 * k + 1));
  }
  return [2 * sum[0], 2 * sum[1]];
}
/** ln(1 + u₀ + u₁) for a double-double u ≥ 0. */
const refLog1pDD = (u: DD): DD => add(refLog1p(u[0]), [u[1] / (1 + u[0]), 0]);
function refSoftplus(z: number): DD {
  const l = refLog1pDD(expDD(-Math.abs(z)));
  return z > 0 ? add([z, 0], l) : l;
}
function refSigmoid(z: number): DD {
  const e = expDD(-Math.abs(z));
  return div(z >= 0 ? [1, 0] : e, add([1, 0], e));
}
/** x^y = e^(y·ln x) with the exponent in double-double: 2^k·m. */
function refPow(x: number, y: number): { k: number; m: DD } {
  const t = mul(refLog(x), [y, 0]);
  const k = Math.round(t[0] / Math.LN2);
  return { k, m: expSmall(add(t, kLn2(-k))) };
}


const N = 2_000_000;
const logUniform = (lo: number, hi: number, n: number, rnd: () => number, signed = true): number[] =>
  Array.from({ length: n }, () => (signed && rnd() < 0.5 ? -1 : 1) * 2 ** Math.floor(lo + (hi - lo) * rnd()) * (1 + rnd()));
for (const [name, b64] of [["relaxed", wasmRelaxedSimd], ["simd", wasmSimd], ["scalar", wasmScalar]] as const) {
  const k = instantiate(b64)!;
  const run = scalarMapper(k);
  const rnd = random(99);
  const rep = (what: string, xs: number[], ys: Float64Array, err: (x: number, y: number) => number) => {
    const [max, at] = worst(xs, ys, err);
    console.log(`${name.padEnd(8)} ${what.padEnd(32)} max ${max.toFixed(3)} ulp at ${at}`);
  };
  let xs = [...logUniform(-60, 5, N, rnd), ...dense(-1, 1, N, rnd)];
  rep('expm1 tiny..32 and [-1,1]', xs, run('expm1', xs), (x, y) => ulps(y, refExpm1(x)));
  xs = dense(-36, 36, N, rnd);
  rep('expm1 [-36,36]', xs, run('expm1', xs), (x, y) => ulps(y, refExpm1(x)));
  xs = [...logUniform(-70, 0, N, rnd).map((u) => Math.max(u, -0.999)), ...dense(-0.999, 3, N, rnd)];
  rep('log1p', xs, run('log1p', xs), (x, y) => ulps(y, refLog1p(x)));
  xs = [...dense(-40, 40, N, rnd), ...logUniform(-60, 3, N / 2, rnd)];
  rep('softplus', xs, run('softplus', xs), (z, y) => ulps(y, refSoftplus(z)));
  rep('sigmoid', xs, run('sigmoid', xs), (z, y) => ulps(y, refSigmoid(z)));
  xs = dense(0.5, 2, N, rnd); const ys = xs.map(() => (rnd() - 0.5) * 0.8);
  const rs = run('pow', xs, ys);
  let m = 0, at = 0; xs.forEach((x, i) => { const { k: kk, m: mm } = refPow(x, ys[i]); const e = ulpsScaled(rs[i], kk, mm); if (Math.abs(ys[i] * Math.log(x)) <= 0.4 && e > m) [m, at] = [e, x]; });
  console.log(`${name.padEnd(8)} ${'pow |y ln x| <= 0.4'.padEnd(32)} max ${m.toFixed(3)} ulp at ${at}`);
  xs = dense(-745, 709, N, rnd);
  rep('exp (scalarMath)', xs, run('exp', xs), expErr);
  xs = logUniform(-1022, 1024, N, rnd, false);
  rep('log (scalarMath)', xs, run('log', xs), logErr);
}
