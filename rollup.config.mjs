// Bundles, built by `npm run build` (scripts/build.mjs runs this after the wasm step):
//   dist/scaling-kit.js      ES module for bundlers and <script type="module"> (tree-shakable, sourcemap)
//   dist/scaling-kit.min.js  one minified IIFE exposing window.ScalingKit: the only
//                            form that loads from file:// (ES modules hit CORS there)
//   dist/cli.js              the Node CLI, d3-dsv bundled in, node built-ins external
// Entries that do not exist yet are skipped, so the config works while the source grows.
import { chmodSync, existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const LIB = 'src/index.ts';
const BUNDLE = 'src/bundle.ts'; // the IIFE: API plus every element defined
const CLI = 'src/cli/main.ts';

// esbuild only strips types and lowers syntax; tsc type-checks separately.
const ts = (target) => esbuild({ target, tsconfig: 'tsconfig.json' });

const browserPlugins = () => [nodeResolve({ browser: true }), ts('es2022')];

const library = [
  {
    input: LIB,
    output: { file: 'dist/scaling-kit.js', format: 'es', sourcemap: true },
    plugins: browserPlugins(),
  },
  {
    input: BUNDLE,
    // No `module: true` for terser: on an IIFE it deletes the `var ScalingKit=` global.
    output: { file: 'dist/scaling-kit.min.js', format: 'iife', name: 'ScalingKit', plugins: [terser()] },
    plugins: browserPlugins(),
  },
];

const nodeBuiltin = (id) => id.startsWith('node:') || builtinModules.includes(id);

const cli = {
  input: CLI,
  output: { file: 'dist/cli.js', format: 'es', banner: '#!/usr/bin/env node' },
  external: nodeBuiltin,
  plugins: [
    nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }),
    ts('node20'),
    // npm's bin link needs an executable file when run straight from dist/.
    { name: 'chmod-cli', writeBundle: () => chmodSync('dist/cli.js', 0o755) },
  ],
};

const configs = [...(existsSync(LIB) ? library : []), ...(existsSync(CLI) ? [cli] : [])];
for (const missing of [LIB, CLI].filter((f) => !existsSync(f))) {
  console.warn(`rollup.config.mjs: skipping ${missing} (not written yet)`);
}
export default configs;
