// Accuracy of the WebAssembly exp/log (assembly/simd/vmath.ts through the
// vecExp/vecLog exports) and of the scalar functions of assembly/math/scalar.ts
// (exp, log, expm1, log1p, pow, softplus, sigmoid, through scalarMath) in each
// build Node can run, measured in ulps against a double-double reference
// written here (Dekker/Knuth error-free transforms), not against Math.*,
// which is not correctly rounded.
// Needs the builds: node scripts/build-wasm.mjs (runs before npm test).

import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { wasmBytes, wasmRelaxedSimd, wasmScalar, wasmSimd } from "../../../src/engine/generated/wasm-bytes.js";

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

function instantiate(source: string): Kernels | null {
  const bytes = wasmBytes(source);
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

// ---------------------------------------------------------------- tests

test("the double-double reference matches 60-digit values", () => {
  // [x, hi, lo] of exp(x) and log(x), computed with mpmath at 80 digits.
  const exps = [[1, 2.718281828459045, 1.4456468917292502e-16], [0.3, 1.3498588075760032, -9.447314673432387e-17],
    [-1e-5, 0.9999900000499998, 5.730256126450165e-18], [123.456, 4.132944352778106e53, 6.70292574976418e36]];
  const loUlps = (hi: number, lo: number): number => Math.abs(lo / 2 ** (exponent(hi) - 52));
  for (const [x, hi, lo] of exps) assert.ok(Math.abs(expErr(x, hi) - loUlps(hi, lo)) < 1e-6, `exp(${x})`);
  const logs = [[3, 1.0986122886681098, -9.07129723500153e-17], [1.0000001, 9.999999505838704e-8, 1.5249709528441489e-24],
    [0.9999999, -1.0000000494736474e-7, -5.529865283193222e-24], [1e300, 690.7755278982137, 2.3747660028800243e-14],
    [2.2250738585072014e-308, -708.3964185322641, -2.7475416721234714e-14], [5e-324, -744.4400719213812, -4.422444340918698e-14]];
  for (const [x, hi, lo] of logs) assert.ok(Math.abs(logErr(x, hi) - loUlps(hi, lo)) < 1e-6, `log(${x})`);
});

const builds: [string, string][] = [["relaxed-SIMD", wasmRelaxedSimd], ["SIMD", wasmSimd], ["scalar", wasmScalar]];
const LIMIT = 4; // ulps

for (const [name, base64] of builds) {
  // npm test runs Node with --experimental-wasm-relaxed-simd, so all three builds must load.
  const kernels = instantiate(base64);
  test(`${name}: the build validates and instantiates in Node`, () => assert.ok(kernels, `${name} did not validate`));
  const rnd = random(12345);
  const exp = kernels ? mapper(kernels, "vecExp") : () => new Float64Array();
  const log = kernels ? mapper(kernels, "vecLog") : () => new Float64Array();

  test(`${name}: exp(0) is exactly 1 in every lane and in the odd tail`, () => {
    for (const n of [1, 2, 3, 4, 5, 7]) {
      for (const y of exp(Array.from({ length: n }, (_, i) => (i % 2 ? -0 : 0)))) assert.equal(y, 1);
    }
    // Mixed with other lanes, as in exp(x − max).
    const ys = exp([0, -3.5, -1e-300, 0, -800]);
    assert.deepEqual([ys[0], ys[2], ys[3], ys[4]], [1, 1, 1, 0]);
    assert.ok(expErr(-3.5, ys[1]) <= 1);
  });

  for (const [a, b] of [[-745, 0], [0, 709], [-2, 2]]) {
    test(`${name}: exp is within ${LIMIT} ulps on [${a}, ${b}] (100k points)`, (t) => {
      const xs = dense(a, b, 100_000, rnd);
      const [max, at] = worst(xs, exp(xs), expErr);
      t.diagnostic(`max error ${max.toFixed(3)} ulp at x = ${at}`);
      assert.ok(max <= LIMIT, `${max} ulps at ${at}`);
    });
  }

  test(`${name}: exp handles huge, tiny, infinite and NaN inputs`, () => {
    const xs = [709.78, 709.79, 710, 1e308, Infinity, -745.2, -746, -1e308, -Infinity, NaN, 5e-324, -5e-324, 1e-300, -708.5, -740];
    const ys = exp(xs);
    assert.ok(Number.isFinite(ys[0]) && ys[0] > 1.79e308, `exp(709.78) = ${ys[0]}`);
    assert.deepEqual([...ys.slice(1, 5)], [Infinity, Infinity, Infinity, Infinity]);
    assert.deepEqual([...ys.slice(5, 9)], [0, 0, 0, 0]);
    assert.ok(Number.isNaN(ys[9]));
    assert.deepEqual([...ys.slice(10, 13)], [1, 1, 1]);
    for (let i = 13; i < xs.length; i++) assert.ok(expErr(xs[i], ys[i]) <= 1, `subnormal exp(${xs[i]}) = ${ys[i]}`);
    // Results don't depend on the lane or tail position.
    const one = xs.map((x) => exp([x])[0]);
    assert.deepEqual([...ys].map(String), one.map(String));
  });

  test(`${name}: log is within ${LIMIT} ulps on [1, 3] (100k points)`, (t) => {
    const xs = dense(1, 3, 100_000, rnd);
    const [max, at] = worst(xs, log(xs), logErr);
    t.diagnostic(`max error ${max.toFixed(3)} ulp at x = ${at}`);
    assert.ok(max <= LIMIT, `${max} ulps at ${at}`);
  });

  test(`${name}: log is within ${LIMIT} ulps on random positive normals and subnormals`, (t) => {
    const normals = Array.from({ length: 100_000 }, () => 2 ** Math.floor(rnd() * 2046 - 1022) * (1 + rnd()));
    const nearOne = Array.from({ length: 20_000 }, () => 1 + (rnd() - 0.5) * 2 ** -Math.floor(rnd() * 50));
    const subnormals = Array.from({ length: 5_000 }, () => Math.ceil(rnd() * 2 ** Math.floor(rnd() * 52)) * 5e-324);
    for (const [what, xs] of [["normals", normals], ["near 1", nearOne], ["subnormals", subnormals]] as const) {
      const [max, at] = worst(xs, log(xs), logErr);
      t.diagnostic(`${what}: max error ${max.toFixed(3)} ulp at x = ${at}`);
      assert.ok(max <= LIMIT, `${what}: ${max} ulps at ${at}`);
    }
  });

  test(`${name}: log(1) is +0, and zero, negative, infinite and NaN inputs are handled`, () => {
    const ys = log([1, 0, -0, -1, -Infinity, Infinity, NaN, Number.MAX_VALUE, 2.2250738585072014e-308]);
    assert.ok(Object.is(ys[0], 0), `log(1) = ${ys[0]}`);
    assert.deepEqual([...ys.slice(1, 3)], [-Infinity, -Infinity]);
    assert.ok(Number.isNaN(ys[3]) && Number.isNaN(ys[4]) && Number.isNaN(ys[6]));
    assert.equal(ys[5], Infinity);
    assert.ok(logErr(Number.MAX_VALUE, ys[7]) <= 1 && logErr(2.2250738585072014e-308, ys[8]) <= 1);
  });
}

// ---------------------------------------------------------------- math/scalar.ts

const SCALAR_LIMIT = 2; // ulps
/** n values ±2^e·(1 + f), e uniform in [lo, hi): every scale from tiny to large. */
const logUniform = (lo: number, hi: number, n: number, rnd: () => number, signed = true): number[] =>
  Array.from({ length: n }, () => (signed && rnd() < 0.5 ? -1 : 1) * 2 ** Math.floor(lo + (hi - lo) * rnd()) * (1 + rnd()));

const scalarBuilds = builds.map(([name, base64]) => [name, instantiate(base64)] as const);
for (const [name, kernels] of scalarBuilds) {
  if (!kernels) continue; // reported above
  const run = scalarMapper(kernels);
  const rnd = random(2024);
  const check = (t: { diagnostic(s: string): void }, what: string, xs: number[], ys: Float64Array, err: (x: number, y: number) => number, limit = SCALAR_LIMIT) => {
    const [max, at] = worst(xs, ys, err);
    t.diagnostic(`${what}: max error ${max.toFixed(3)} ulp at ${at}`);
    assert.ok(max <= limit, `${what}: ${max} ulps at ${at}`);
  };

  test(`${name}: scalar exp and log round exactly like vecExp and vecLog`, () => {
    const xs = [...dense(-745, 709, 20_000, rnd), 0, -0, 1e-300, NaN, Infinity, -Infinity, 710, -746];
    const ls = [...logUniform(-1074, 1024, 20_000, rnd, false), 0, 1, -1, NaN, Infinity, 5e-324];
    assert.deepEqual([...run('exp', xs)].map(String), [...mapper(kernels, 'vecExp')(xs)].map(String));
    assert.deepEqual([...run('log', ls)].map(String), [...mapper(kernels, 'vecLog')(ls)].map(String));
  });

  test(`${name}: expm1 is within ${SCALAR_LIMIT} ulps near 0, on [−1, 1] and on [−40, 40]`, (t) => {
    const err = (x: number, y: number) => ulps(y, refExpm1(x));
    for (const [what, xs] of [['|x| in [2^-60, 32)', logUniform(-60, 5, 100_000, rnd)], ['[-1, 1]', dense(-1, 1, 100_000, rnd)],
      ['[-40, 40]', dense(-40, 40, 50_000, rnd)]] as const) {
      check(t, what, xs, run('expm1', xs), err);
    }
  });

  test(`${name}: expm1 keeps ±0 and tiny inputs, and handles huge, infinite and NaN ones`, () => {
    const ys = run('expm1', [0, -0, 1e-300, -5e-324, 709.78, 710, Infinity, -800, -Infinity, NaN, 36.5, -36.5]);
    assert.ok(Object.is(ys[0], 0) && Object.is(ys[1], -0), `${ys[0]}, ${ys[1]}`);
    assert.deepEqual([...ys.slice(2, 4)], [1e-300, -5e-324]);
    assert.ok(Number.isFinite(ys[4]) && ys[4] > 1.79e308);
    assert.deepEqual([...ys.slice(5, 9)], [Infinity, Infinity, -1, -1]);
    assert.ok(Number.isNaN(ys[9]));
    assert.ok(ulps(ys[10], refExpm1(36.5)) <= SCALAR_LIMIT && ulps(ys[11], refExpm1(-36.5)) <= SCALAR_LIMIT);
  });

  test(`${name}: log1p is within ${SCALAR_LIMIT} ulps for tiny to huge arguments`, (t) => {
    const err = (u: number, y: number) => ulps(y, refLog1p(u));
    const tiny = logUniform(-70, 0, 100_000, rnd).map((u) => Math.max(u, -0.999));
    const around = dense(-0.999, 3, 100_000, rnd);
    const large = logUniform(0, 1000, 20_000, rnd, false);
    for (const [what, xs] of [['|u| in [2^-70, 1)', tiny], ['[-0.999, 3]', around], ['[1, 2^1000)', large]] as const) {
      check(t, what, xs, run('log1p', xs), err);
    }
  });

  test(`${name}: log1p keeps ±0 and tiny inputs and handles −1, below −1, infinite and NaN`, () => {
    const ys = run('log1p', [0, -0, 1e-300, -1, -2, Infinity, NaN, -Infinity]);
    assert.ok(Object.is(ys[0], 0) && Object.is(ys[1], -0) && ys[2] === 1e-300, `${[...ys.slice(0, 3)]}`);
    assert.equal(ys[3], -Infinity);
    assert.ok(Number.isNaN(ys[4]) && Number.isNaN(ys[6]) && Number.isNaN(ys[7]));
    assert.equal(ys[5], Infinity);
  });

  test(`${name}: softplus and sigmoid are within ${SCALAR_LIMIT} ulps on [−40, 40] and [−600, 600]`, (t) => {
    for (const [what, xs] of [['[-40, 40]', dense(-40, 40, 100_000, rnd)], ['[-600, 600]', dense(-600, 600, 50_000, rnd)],
      ['|z| in [2^-60, 8)', logUniform(-60, 3, 50_000, rnd)]] as const) {
      check(t, `softplus ${what}`, xs, run('softplus', xs), (z, y) => ulps(y, refSoftplus(z)));
      check(t, `sigmoid ${what}`, xs, run('sigmoid', xs), (z, y) => ulps(y, refSigmoid(z)));
    }
  });

  test(`${name}: softplus and sigmoid at 0, far out and at NaN`, () => {
    const sp = run('softplus', [0, -800, 800, 1e300, NaN]);
    assert.deepEqual([...sp.slice(0, 4)], [Math.LN2, 0, 800, 1e300]);
    assert.ok(Number.isNaN(sp[4]));
    const sg = run('sigmoid', [0, -800, 800, Infinity, -Infinity, NaN]);
    assert.deepEqual([...sg.slice(0, 5)], [0.5, 0, 1, 1, 0]);
    assert.ok(Number.isNaN(sg[5]));
  });

  test(`${name}: pow is within 1.1 + 2.7·|y·ln x| ulps (2.2 ulps for |y·ln x| ≤ 0.4)`, (t) => {
    const powErr = (x: number, y: number, r: number) => {
      const { k, m } = refPow(x, y);
      return ulpsScaled(r, k, m);
    };
    const cases: [string, number[], number[]][] = [];
    const n = 50_000;
    // Near 1: small exponents.
    const x1 = dense(0.5, 2, n, rnd), y1 = x1.map(() => (rnd() - 0.5) * 1.1);
    cases.push(['x in [0.5, 2], |y| < 0.55', x1, y1]);
    // The data-constrained form's arguments: G·U ~ 1e6…1e13 to β/α ~ 0.5…2, ratios ~1e-2…1e2 to 1/(α+β).
    const x2 = Array.from({ length: n }, () => 10 ** (6 + 7 * rnd())), y2 = x2.map(() => 0.5 + 1.5 * rnd());
    cases.push(['x in [1e6, 1e13], y in [0.5, 2]', x2, y2]);
    const x3 = Array.from({ length: n }, () => 10 ** (4 * rnd() - 2)), y3 = x3.map(() => 0.5 + 4.5 * rnd());
    cases.push(['x in [1e-2, 1e2], y in [0.5, 5]', x3, y3]);
    // Anything that neither overflows nor underflows.
    const x4 = logUniform(-1000, 1000, n, rnd, false), y4 = x4.map((x) => (rnd() - 0.5) * 1400 / Math.abs(Math.log(x)));
    cases.push(['any x > 0, |y·ln x| < 700', x4, y4]);
    for (const [what, xs, ys] of cases) {
      const rs = run('pow', xs, ys);
      let max = 0, maxRatio = 0, small = 0, at = '';
      xs.forEach((x, i) => {
        const tt = Math.abs(ys[i] * Math.log(x)), e = powErr(x, ys[i], rs[i]);
        assert.ok(e <= 1.1 + 2.7 * tt, `pow(${x}, ${ys[i]}) = ${rs[i]}: ${e} ulps, |y·ln x| = ${tt}`);
        if (tt <= 0.4) small = Math.max(small, e);
        if (e > max) [max, at] = [e, `pow(${x}, ${ys[i]})`];
        if (tt > 1) maxRatio = Math.max(maxRatio, e / tt);
      });
      t.diagnostic(`${what}: max error ${max.toFixed(3)} ulp at ${at}; max ulps/|y·ln x| ${maxRatio.toFixed(3)} (|y·ln x| > 1); ${small.toFixed(3)} ulp where |y·ln x| ≤ 0.4`);
      assert.ok(small <= 2.2, `${what}: ${small} ulps with |y·ln x| ≤ 0.4`);
    }
  });

  test(`${name}: pow's special cases`, () => {
    const xs = [NaN, 0, Infinity, -3, 0, 0, 1, 1, Infinity, -2, 2, 4];
    const ys = [0, 0, 0, 0, 2, -2, 123.4, -1e300, 2, 0.5, 10, 0.5];
    const rs = run('pow', xs, ys);
    assert.deepEqual([...rs.slice(0, 9)], [1, 1, 1, 1, 0, Infinity, 1, 1, Infinity]);
    assert.ok(Number.isNaN(rs[9]));
    assert.equal(rs[10], 1024);
    assert.equal(rs[11], 2);
  });
}

test("the scalar build rounds exactly like the SIMD build (same operations, no fused multiply-adds)", () => {
  const simd = instantiate(wasmSimd), scalar = instantiate(wasmScalar);
  assert.ok(simd && scalar);
  const rnd = random(7);
  const xs = [...dense(-50, 50, 20_000, rnd), ...logUniform(-70, 6, 20_000, rnd)];
  const pos = [...logUniform(-1074, 1024, 20_000, rnd, false), ...dense(0.5, 2, 20_000, rnd)];
  const [a, b] = [scalarMapper(simd), scalarMapper(scalar)];
  const same = (x: Float64Array, y: Float64Array) => assert.deepEqual([...x].map(String), [...y].map(String));
  for (const fn of ['exp', 'expm1', 'log1p', 'softplus', 'sigmoid'] as const) same(a(fn, xs), b(fn, xs));
  same(a('log', pos), b('log', pos));
  same(a('pow', pos, xs.slice(0, pos.length)), b('pow', pos, xs.slice(0, pos.length)));
  same(mapper(simd, 'vecExp')(xs), mapper(scalar, 'vecExp')(xs));
  same(mapper(simd, 'vecLog')(pos), mapper(scalar, 'vecLog')(pos));
});

test("the scalar build has no SIMD instructions and only the relaxed build has relaxed ones", () => {
  // Disassembled by Binaryen in a plain Node child: loading it through tsx takes seconds.
  const script = `
    import binaryen from "assemblyscript/binaryen";
    import { readFileSync } from "node:fs";
    const out = {};
    for (const [name, source] of Object.entries(JSON.parse(readFileSync(0, "utf8")))) {
      const module = binaryen.readBinary(Uint8Array.from(source, (c) => c.charCodeAt(0)));
      out[name] = module.emitText();
      module.dispose();
    }
    console.log(JSON.stringify(out));`;
  const root = fileURLToPath(new URL("../../..", import.meta.url));
  const input = JSON.stringify({ scalar: wasmScalar, simd: wasmSimd, relaxed: wasmRelaxedSimd });
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: root, input, encoding: "utf8" });
  const text = JSON.parse(out) as Record<string, string>;
  const simdOp = /\b(v128|[if](8x16|16x8|32x4|64x2))\./;
  assert.doesNotMatch(text.scalar, simdOp);
  assert.match(text.simd, simdOp);
  assert.doesNotMatch(text.simd, /relaxed/);
  assert.match(text.relaxed, /f64x2\.relaxed_madd/);
});
