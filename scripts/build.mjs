// `npm run build`: the WebAssembly step, then the Rollup bundles, then their sizes.
// Sizes are measured (gzip -9), not guessed, so growth shows up in every build log.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(repo);

/** Runs a command with our stdio; stops the build on failure. */
function run(command, args) {
  const { status, error } = spawnSync(command, args, { stdio: 'inherit' });
  if (error || status !== 0) {
    console.error(`scaling-kit build: ${command} ${args.join(' ')} failed${error ? `: ${error.message}` : ''}`);
    process.exit(status || 1);
  }
}

// (i) assembly/ → .wasm → src/engine/generated/wasm-bytes.ts (script owned by the engine side).
if (existsSync('scripts/build-wasm.mjs')) run(process.execPath, ['scripts/build-wasm.mjs']);
else console.log('scaling-kit build: scripts/build-wasm.mjs not written yet; skipping the wasm step');

// (ii) Bundles. An empty config (no entries written yet) would make rollup error.
const { default: configs } = await import('../rollup.config.mjs');
if (configs.length > 0) run(join('node_modules', '.bin', 'rollup'), ['-c', 'rollup.config.mjs']);
else console.log('scaling-kit build: no bundle entries written yet; skipping rollup');

// (iii) Sizes of what a page would download.
const bundles = existsSync('dist') ? readdirSync('dist').filter((f) => f.endsWith('.js')).sort() : [];
for (const file of bundles) {
  const bytes = readFileSync(join('dist', file));
  const gz = gzipSync(bytes, { level: 9 }).length;
  console.log(`${file.padEnd(22)} ${(bytes.length / 1024).toFixed(1).padStart(7)} KB   gzip -9 ${(gz / 1024).toFixed(1).padStart(6)} KB`);
}
