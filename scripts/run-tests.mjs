// `npm test`: build, type-check, browser tests (test/browser, in Chromium, then in
// Firefox), tests of the built artefacts (test/dist), then Node tests (test/node), in
// that order.
//
// Quiet when all is well: one line per stage, then one line over the browser,
// built-artefact and Node tests together:
//   N passed, N failed
// A stage that fails prints its output first, in full: the build's or tsc's errors,
// and for tests each failing test with its assertion and stack (for a browser test
// file, also its browser logs and failed requests). A stage that fails without a
// failing test (the build, the type check, a test file that does not load, a runner
// that exits non-zero, a folder whose files yield zero tests, a file that defines
// none) counts as one failure, so "0 failed" always goes with exit code 0.
//
// Every stage runs even after a failure, so one log shows all of them; the exit code
// is 1 if any failed. Children run with their output captured; when stdout is not a
// terminal they get NO_COLOR and what they print is stripped of escape codes anyway.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IIFE, bundleSizes } from './build-sizes.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(repo);
const bin = (name) => join('node_modules', '.bin', name);
const tty = process.stdout.isTTY === true;
const totals = { passed: 0, failed: 0 };
let anyStageFailed = false;

const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-Z\\-_]/g;
const clean = (text) => (tty ? text : text.replace(ANSI, ''));

function childEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  if (!tty) {
    env.NO_COLOR = '1';
    delete env.FORCE_COLOR; // FORCE_COLOR would win over NO_COLOR (and Node warns about both)
  }
  return env;
}

/** Runs a command to its end, stdout and stderr captured together in the order they arrive. */
function capture(command, args, extraEnv) {
  return new Promise((resolve) => {
    const chunks = [];
    const started = Date.now();
    let settled = false;
    const done = (result) => {
      if (settled) return;
      settled = true;
      resolve({ ...result, seconds: (Date.now() - started) / 1000, output: clean(Buffer.concat(chunks).toString('utf8')) });
    };
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: childEnv(extraEnv) });
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.stderr.on('data', (chunk) => chunks.push(chunk));
    child.on('error', (error) => done({ status: null, signal: null, error }));
    child.on('close', (status, signal) => done({ status, signal }));
  });
}

const exitText = ({ status, signal, error }) => (error ? error.message : signal ? `killed by ${signal}` : `exit ${status}`);
const took = (seconds) => (seconds < 90 ? `${Math.round(seconds)} s` : `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`);
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A failed stage's output, then its line. */
function failed(stage, why, output = '') {
  anyStageFailed = true;
  if (output.trim()) process.stdout.write(`\n----- ${stage}: output -----\n${output.replace(/\s*$/, '\n')}----- end of ${stage} output -----\n`);
  console.log(`${stage}: FAILED: ${why}`);
}

/** Test files under `dir` (recursively if asked) named *.test.ts, as relative paths. */
function testFiles(dir, recursive) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive, withFileTypes: false })
    .map(String)
    .filter((f) => f.endsWith('.test.ts'))
    .sort()
    .map((f) => join(dir, f));
}

/**
 * Runs Node's test runner (spec reporter) on `files` and adds its counts to the totals.
 * Node reports a file that defines no tests as one passing "test" named by the file's
 * path: that is a failure here, not a pass.
 */
async function nodeStage(stage, files, flags = []) {
  // Files side by side, one per core: node --test's default leaves one core idle (4 min 20 s → 2 min 21 s on 2 cores).
  const concurrency = `--test-concurrency=${Math.max(2, availableParallelism())}`;
  const run = await capture(process.execPath, [...flags, '--import', 'tsx', '--test', concurrency, '--test-reporter=spec', ...files]);
  const count = (name) => Number(new RegExp(`^\u2139 ${name} (\\d+)$`, 'm').exec(run.output)?.[1] ?? 0);
  const paths = new Set(files.map((f) => join(repo, f)));
  const empty = [...run.output.matchAll(/^\u2714 (.+?) \(\d[\d.]*m?s\)$/gm)].map((m) => m[1]).filter((name) => paths.has(name));
  const passed = count('pass') - empty.length;
  const failing = count('fail') + count('cancelled');
  const skipped = count('skipped') + count('todo');
  // What is wrong besides failing tests (each counts as one failure when no test failed).
  const problems = [];
  if (empty.length) problems.push(`no tests defined in ${empty.join(', ')}`);
  if (run.status !== 0 && failing === 0) problems.push(exitText(run));
  if (passed + failing + skipped === 0 && !problems.length) problems.push('test files exist but zero tests ran');
  const failures = Math.max(failing + empty.length, problems.length ? 1 : 0);
  totals.passed += passed;
  totals.failed += failures;
  const counts = `${passed} passed, ${failures} failed${skipped ? `, ${skipped} skipped` : ''} (${plural(files.length, 'file')}, ${took(run.seconds)})`;
  if (failures === 0) return console.log(`${stage}: ${counts}`);
  // The failing tests with their errors are the part after "failing tests:"; all of it when there is none.
  const at = run.output.search(/^\u2716 failing tests:$/m);
  failed(stage, [counts, ...problems].join('; '), at >= 0 ? run.output.slice(at) : run.output);
}

// (a) Build: wasm bytes for the engine, then the bundles.
const build = await capture('npm', ['run', 'build']);
if (build.status !== 0) {
  totals.failed += 1;
  failed('build', exitText(build), build.output);
} else {
  const sizes = bundleSizes();
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`build: ok in ${took(build.seconds)}${sizes ? ` (${IIFE} ${kb(sizes.total.minified)}, ${kb(sizes.total.gzip)} gzipped)` : ''}`);
}

// Types: esbuild only strips them, so tsc is the one place they are checked
// (`npm run typecheck`: every tsconfig it names).
const types = await capture('npm', ['run', 'typecheck']);
if (types.status !== 0) {
  totals.failed += 1;
  failed('typecheck', exitText(types), types.output);
} else {
  console.log(`typecheck: ok in ${took(types.seconds)}`);
}

// (b) Browser tests in headless Chromium, then in headless Firefox: one runner per
// browser (SCALING_KIT_BROWSERS), so each has its own line, time and failures.
/** Finds (or, as root on Debian, installs) a browser with `script`, then runs the browser tests in it. */
async function browserStage(name, script, envVar, files) {
  const stage = `browser (${name})`;
  // Found first, in the open: the script's one line of news or of instructions goes straight to the log.
  const path = await new Promise((resolve) => {
    const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'], env: childEnv() });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', () => resolve(null));
    child.on('close', (status) => resolve(status === 0 ? out.trim() : null));
  });
  if (!path) {
    totals.failed += 1;
    return failed(stage, `no ${name}: see the line above`);
  }
  // The summary reporter writes its counts here, so "ran zero tests" is caught.
  const dir = mkdtempSync(join(tmpdir(), 'scaling-kit-wtr-'));
  const summaryFile = join(dir, 'summary.json');
  const wtr = await capture(bin('web-test-runner'), ['--config', 'web-test-runner.config.mjs'], {
    SCALING_KIT_WTR_SUMMARY: summaryFile,
    SCALING_KIT_BROWSERS: name.toLowerCase(),
    [envVar]: path,
  });
  const counts = existsSync(summaryFile) ? JSON.parse(readFileSync(summaryFile, 'utf8')) : null;
  rmSync(dir, { recursive: true, force: true });
  // What is wrong besides failing tests (counts as one failure when no test failed).
  const problems = [];
  if (!counts) problems.push(`the runner reported no summary (${exitText(wtr)})`);
  else if (counts.passed + counts.failed + counts.skipped === 0) problems.push('test files exist but zero tests ran');
  else if (wtr.status !== 0 && counts.failed === 0) problems.push(exitText(wtr));
  const failures = Math.max(counts?.failed ?? 0, problems.length ? 1 : 0);
  totals.passed += counts?.passed ?? 0;
  totals.failed += failures;
  const line = `${counts?.passed ?? 0} passed, ${failures} failed${counts?.skipped ? `, ${counts.skipped} skipped` : ''} (${plural(counts?.files ?? files.length, 'file')}, ${took(wtr.seconds)})`;
  if (failures > 0) failed(stage, [line, ...problems].join('; '), wtr.output);
  else console.log(`${stage}: ${line}`);
}

const browserFiles = testFiles('test/browser', true);
if (browserFiles.length === 0) {
  console.log('browser: no test/browser/**/*.test.ts; skipped');
} else {
  await browserStage('Chromium', 'scripts/chrome.mjs', 'CHROME_PATH', browserFiles);
  await browserStage('Firefox', 'scripts/firefox.mjs', 'FIREFOX_PATH', browserFiles);
}

// (c) The built artefacts, once (test/dist): the IIFE from file:// offline, under CSP,
// the ES modules in Node, the packed tarball and its CLI.
const distFiles = testFiles('test/dist', false);
if (distFiles.length === 0) {
  console.log('dist: no test/dist/*.test.ts; skipped');
} else if (build.status !== 0) {
  totals.failed += 1;
  failed('dist', 'not run: the build failed, so there is nothing to test');
} else {
  await nodeStage('dist', distFiles);
}

// (d) Node tests.
const nodeFiles = testFiles('test/node', true);
if (nodeFiles.length === 0) console.log('node: no test/node/**/*.test.ts; skipped');
else await nodeStage('node', nodeFiles, ['--experimental-wasm-relaxed-simd']);

console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exitCode = anyStageFailed || totals.failed > 0 ? 1 : 0;
