#!/usr/bin/env node
// Micro-benchmark of the WebAssembly vecExp/vecLog (assembly/vmath-exports.ts)
// in each build, against a plain JavaScript Math.exp/Math.log loop: ns per element.
//
//   node scripts/bench-vmath.mjs             in Node (relaxed SIMD only if it validates)
//   node scripts/bench-vmath.mjs --chromium  also in headless Chromium (CHROME_PATH or /usr/bin/chromium)
//
// Needs the builds (node scripts/build-wasm.mjs). Inputs match the fitter's use:
// exp on [-30, 0] (exp(x − max)), log on [1, 3].

import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const targets = ["relaxed", "simd", "scalar"];

/** Self-contained (it is serialised into the browser page): returns rows of results. */
function runBench(modules) {
  const N = 4096;
  const xsExp = new Float64Array(N), xsLog = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    xsExp[i] = -30 + (30 * ((i * 0.6180339887498949) % 1));
    xsLog[i] = 1 + 2 * ((i * 0.7548776662466927) % 1);
  }
  /** Median ns/element over 7 rounds of ~40 ms each. */
  function time(fn) {
    let reps = 1;
    for (;;) { // calibrate
      const t0 = performance.now();
      for (let r = 0; r < reps; r++) fn();
      if (performance.now() - t0 > 40) break;
      reps *= 2;
    }
    const rounds = [];
    for (let k = 0; k < 7; k++) {
      const t0 = performance.now();
      for (let r = 0; r < reps; r++) fn();
      rounds.push(((performance.now() - t0) * 1e6) / (reps * N));
    }
    return rounds.sort((a, b) => a - b)[3];
  }
  const rows = [];
  const out = new Float64Array(N);
  let sink = 0;
  rows.push({
    build: "JS Math",
    exp: time(() => { for (let i = 0; i < N; i++) out[i] = Math.exp(xsExp[i]); sink += out[7]; }),
    log: time(() => { for (let i = 0; i < N; i++) out[i] = Math.log(xsLog[i]); sink += out[7]; }),
  });
  for (const { name, bytes } of modules) {
    const wasm = new Uint8Array(bytes);
    if (!WebAssembly.validate(wasm)) {
      rows.push({ build: name, exp: NaN, log: NaN, note: "does not validate" });
      continue;
    }
    const { exports } = new WebAssembly.Instance(new WebAssembly.Module(wasm), {});
    const a = exports.alloc(N * 8), b = exports.alloc(N * 8), o = exports.alloc(N * 8);
    new Float64Array(exports.memory.buffer, a, N).set(xsExp);
    new Float64Array(exports.memory.buffer, b, N).set(xsLog);
    rows.push({
      build: name,
      exp: time(() => exports.vecExp(a, o, N)),
      log: time(() => exports.vecLog(b, o, N)),
    });
  }
  return { rows, sink };
}

function print(where, { rows }) {
  const js = rows[0];
  console.log(`\n${where}: ns per element (n = 4096, median of 7)`);
  console.log("build          exp     log    exp vs JS  log vs JS");
  for (const r of rows) {
    if (r.note) { console.log(`${r.build.padEnd(10)}  ${r.note}`); continue; }
    const f = (x) => x.toFixed(2).padStart(7);
    const s = (x) => `${(x).toFixed(2)}×`.padStart(10);
    console.log(`${r.build.padEnd(10)} ${f(r.exp)} ${f(r.log)} ${s(js.exp / r.exp)} ${s(js.log / r.log)}`);
  }
}

const modules = targets.map((name) => ({
  name,
  bytes: [...readFileSync(join(root, "build", `scaling-kit.${name}.wasm`))],
}));

print(`Node ${process.version}`, runBench(modules));

if (process.argv.includes("--chromium")) {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
  try {
    const page = await browser.newPage();
    const version = browser.version();
    const result = await page.evaluate(`(${runBench.toString()})(${JSON.stringify(modules)})`);
    print(`Chromium ${version}`, result);
  } finally {
    await browser.close();
  }
}
