// `npm test`: build, type-check, browser tests, tests of the built artefacts (test/dist),
// then Node tests, in that order.
// Every stage runs even after a failure, so one CI log shows all of them; the
// exit code is non-zero if any failed. Node's TAP summary (`# pass N`, `# fail N`)
// comes last because CI reads it, so failure notes are printed *before* that
// stage. A folder with no test files is skipped; a stage whose files yield zero
// tests fails, because a glob or import mistake must not look like success.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(repo);
const bin = (name) => join('node_modules', '.bin', name);
const failed = [];

const header = (name) => console.log(`\n=== scaling-kit test stage: ${name} ===`);
const fail = (stage, why) => {
  failed.push(stage);
  console.error(`scaling-kit: stage "${stage}" FAILED: ${why}`);
};
const run = (command, args, env = {}) =>
  spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
const exitText = ({ status, signal, error }) => (error ? error.message : signal ? `killed by ${signal}` : `exit ${status}`);

/** Test files under `dir` (recursively if asked) named *.test.ts, as relative paths. */
function testFiles(dir, recursive) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive, withFileTypes: false })
    .map(String)
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => join(dir, f));
}

// (a) Build: wasm bytes for the engine, then the bundles.
header('build');
const build = run('npm', ['run', 'build']);
if (build.status !== 0) fail('build', exitText(build));

// Types: esbuild only strips them, so tsc is the one place they are checked.
header('typecheck');
const types = run(bin('tsc'), ['-p', 'tsconfig.json']);
if (types.status !== 0) fail('typecheck', exitText(types));

// (b) Browser tests in headless Chromium.
header('browser');
if (testFiles('test/browser', true).length === 0) {
  console.log('no test/browser/**/*.test.ts yet; skipping');
} else {
  // The summary reporter writes its counts here, so "ran zero tests" is caught.
  const dir = mkdtempSync(join(tmpdir(), 'scaling-kit-wtr-'));
  const summaryFile = join(dir, 'summary.json');
  const wtr = run(bin('web-test-runner'), ['--config', 'web-test-runner.config.mjs'], {
    SCALING_KIT_WTR_SUMMARY: summaryFile,
  });
  const counts = existsSync(summaryFile) ? JSON.parse(readFileSync(summaryFile, 'utf8')) : null;
  rmSync(dir, { recursive: true, force: true });
  if (wtr.status !== 0) fail('browser', exitText(wtr));
  else if (!counts) fail('browser', 'the runner exited 0 but reported no summary');
  else if (counts.passed + counts.failed + counts.skipped === 0) fail('browser', 'test files exist but zero tests ran');
}

// (c) The built artefacts, once (test/dist): the IIFE from file:// offline, under CSP,
// the ES modules in Node, the packed tarball and its CLI. Node's spec reporter, not TAP,
// so the `# pass` / `# fail` lines CI reads stay those of the last stage.
header('dist');
const distFiles = testFiles('test/dist', false);
if (distFiles.length === 0) {
  console.log('no test/dist/*.test.ts yet; skipping');
} else if (failed.includes('build')) {
  fail('dist', 'skipped: the build failed, so there is nothing to test');
} else {
  const dist = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...distFiles], {
    stdio: ['inherit', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
  });
  process.stdout.write(dist.stdout ?? '');
  const ran = Number(/^\u2139 tests (\d+)$/m.exec(dist.stdout ?? '')?.[1] ?? 0);
  if (dist.status !== 0) fail('dist', exitText(dist));
  else if (ran === 0) fail('dist', 'test files exist but zero tests ran');
}

// (d) Node tests, last: their `# pass N` / `# fail N` end the log.
header('node');
const nodeFiles = testFiles('test/node', false);
if (failed.length) console.error(`scaling-kit: failed so far: ${failed.join(', ')} (npm test will exit 1)`);
if (nodeFiles.length === 0) {
  console.log('no test/node/*.test.ts yet; skipping');
  finish();
} else {
  // TAP explicitly (it is also Node's default when piped); stdout is piped only
  // to be read, and passes through unchanged. Node 20 reports a file that
  // defines no tests as one passing "test" named by the file's path: catch that.
  const child = spawn(process.execPath, ['--experimental-wasm-relaxed-simd', '--import', 'tsx', '--test', '--test-reporter=tap', ...nodeFiles], {
    stdio: ['inherit', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    out += chunk;
  });
  child.on('close', (status, signal) => {
    const paths = new Set(nodeFiles.map((f) => join(repo, f)));
    const empty = [...out.matchAll(/^ok \d+ - (.+)$/gm)].map((m) => m[1]).filter((name) => paths.has(name));
    if (signal) fail('node', `killed by ${signal}`);
    else if (status !== 0) failed.push('node'); // node's own `# fail N` already says so
    else if (empty.length) fail('node', `no tests defined in ${empty.join(', ')}`);
    finish();
  });
}

function finish() {
  process.exitCode = failed.length ? 1 : 0;
}
