// `npm run build`: the WebAssembly step, then the bundles and the type declarations
// (side by side), then the Custom Elements Manifest, then the sizes.
// Sizes are measured (gzip -9), not guessed, so growth shows up in every build log.
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sizeReport } from './build-sizes.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(repo);

const fail = (what, why) => {
  console.error(`scaling-kit build: ${what} failed${why ? `: ${why}` : ''}`);
  process.exit(1);
};

/** Runs a command with our stdio; stops the build on failure. */
function run(command, args) {
  const { status, error } = spawnSync(command, args, { stdio: 'inherit' });
  if (error || status !== 0) fail(`${command} ${args.join(' ')}`, error?.message);
}

/** Starts a command with our stdio; resolves when it succeeds, stops the build when it fails. */
function start(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', (error) => fail(`${command} ${args.join(' ')}`, error.message));
    child.on('close', (status) => (status === 0 ? resolve() : fail(`${command} ${args.join(' ')}`, `exit ${status}`)));
  });
}

// (i) assembly/ → .wasm → src/engine/generated/wasm-bytes.ts.
if (existsSync('scripts/build-wasm.mjs')) run(process.execPath, ['scripts/build-wasm.mjs']);
else console.log('scaling-kit build: scripts/build-wasm.mjs not written yet; skipping the wasm step');

// (ii) Bundles and declarations, from a clean dist/ (nothing stale may reach `npm pack`).
// An empty config (no entries written yet) would make rollup error.
rmSync('dist', { recursive: true, force: true });
const { default: configs } = await import('../rollup.config.mjs');
const steps = [];
// The element files are built by a second rollup beside the first: terser on seven IIFEs is most of the build.
const rollup = (half) => start(process.execPath, [join('node_modules', 'rollup', 'dist', 'bin', 'rollup'), '-c', 'rollup.config.mjs', '--silent'], { SCALING_KIT_BUNDLES: half });
if (configs.length > 0) steps.push(rollup('main'), rollup('elements'));
else console.log('scaling-kit build: no bundle entries written yet; skipping rollup');
if (existsSync('src/index.ts')) steps.push(start(process.execPath, [join('node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.types.json']));
await Promise.all(steps);
// The IIFE's global, declared for pages that type-check their scripts (paths relative to dist/).
if (existsSync('types/scaling-kit.min.d.ts')) copyFileSync('types/scaling-kit.min.d.ts', 'dist/scaling-kit.min.d.ts');

// (iii) dist/example/: the embedding example beside its own copy of the bundle.
if (existsSync('dist/scaling-kit.min.js')) run(process.execPath, ['scripts/build-example.mjs']);

// (iii b) dist/custom-elements.json from the elements' JSDoc.
if (existsSync('src/define.ts')) run(process.execPath, ['scripts/build-manifest.mjs']);

// (iv) Sizes of what a page would download.
console.log(sizeReport().join('\n'));
