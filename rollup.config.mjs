// Bundles, built by `npm run build` (scripts/build.mjs runs this after the wasm step):
//   dist/scaling-kit.min.js  one minified IIFE exposing window.ScalingKit that defines every
//                            element and carries every WebAssembly build: the only form that
//                            loads from file:// (ES modules hit CORS there) and needs no other file
//   dist/esm/**              ES modules, one per source module, dependencies (lit, d3-*) left
//                            as imports: bundlers tree-shake them, and importing the API
//                            (index.js) registers no element; define.js and each element's
//                            x.js are the only modules with side effects (package.json
//                            `sideEffects` says so)
//   dist/elements/scaling-<name>.min.js
//                            one minified IIFE per element: its tag defined, and only the code,
//                            words and WebAssembly that element uses; loads alone from file://.
//                            Two of them, or one beside the single file, share a page: each
//                            defines its tag only if no other file has (ScalingElement.define)
//   dist/cli.js              the Node CLI, d3-dsv and write-file-atomic bundled in, node built-ins external
// Types (dist/types) come from tsc (tsconfig.types.json), the Custom Elements Manifest from
// scripts/build-manifest.mjs; the sizes this config measures are printed by scripts/build-sizes.mjs.
// Entries that do not exist yet are skipped, so the config works while the source grows.
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { resolve as resolvePath } from 'node:path';
import { gzipSync } from 'node:zlib';
import { transform } from 'esbuild';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import terser from '@rollup/plugin-terser';
import { ELEMENT_BUDGETS_KB } from './scripts/build-sizes.mjs';

const LIB = 'src/index.ts';
const BUNDLE = 'src/bundle.ts'; // the IIFE: API plus every element defined
const DEFINE = 'src/define.ts';
const ELEMENTS = 'src/elements/index.ts';
const CLI = 'src/cli/main.ts';
/** Where the IIFE's per-part sizes go for scripts/build-sizes.mjs (build/ is not shipped). */
export const SIZES_FILE = 'build/bundle-parts.json';

// esbuild only strips types (and lowers syntax newer than es2022); tsc type-checks separately.
const ts = (target) => esbuild({ target, tsconfig: 'tsconfig.json' });

// `production` picks Lit's production build explicitly (it is also Lit's default;
// `development` would add dev-mode warnings and checks).
const browserResolve = () => nodeResolve({ browser: true, exportConditions: ['production'] });

// Terser for the IIFE. No `module: true`: on an IIFE it deletes the `var ScalingKit=` global.
// Two compress passes; no unsafe (math or otherwise) transforms. Class and function names
// may be mangled: WasmKernel and workerMain reach the workers as their own source text
// (Function.prototype.toString), which stays valid under any name because they reference
// nothing outside themselves (test/dist checks workers still run in the minified bundle).
// Measured against these (gzip -9 of the IIFE): passes 3–4, pure_getters, unsafe_arrows,
// unsafe_methods, keep_fargs: false, pure_new, ecma 2022 each moved it by under 0.1 KB, and
// the ones that save anything rely on assumptions (getters without effects, Function.length,
// which d3-array's bisector reads) this code does not promise: not worth it.
const TERSER = { ecma: 2020, compress: { passes: 2 }, format: { comments: false } };

/** Which part of the bundle a module belongs to, for the size report. */
export function partOf(id) {
  const path = id.replace(/\\/g, '/');
  if (/\/node_modules\/(lit|lit-html|lit-element|@lit)\//.test(path)) return 'lit';
  if (/\/node_modules\/(d3-[^/]+|internmap)\//.test(path)) return 'd3';
  if (path.includes('/src/engine/generated/')) return 'wasm';
  if (path.includes('/src/')) return 'ours';
  return 'other';
}

/**
 * Records, after terser, how big each part (lit, d3, wasm, our code) of the chunk is:
 * each part's rendered modules minified on their own (esbuild) and gzipped (-9) on their
 * own, and the whole file's real minified and gzipped size. gzip shares strings across
 * parts, so the parts alone add up to a little more than the whole.
 */
function partSizes(file) {
  return {
    name: 'part-sizes',
    async generateBundle(_options, bundle) {
      const chunk = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry);
      if (!chunk) return;
      const code = {};
      for (const [id, m] of Object.entries(chunk.modules)) {
        if (m.code) (code[partOf(id)] ??= []).push(m.code);
      }
      const parts = {};
      for (const [part, pieces] of Object.entries(code)) {
        const { code: min } = await transform(pieces.join('\n'), { minify: true, target: 'es2022', charset: 'utf8' });
        parts[part] = { minified: Buffer.byteLength(min), gzip: gzipSync(min, { level: 9 }).length };
      }
      const whole = Buffer.from(chunk.code);
      const total = { minified: whole.length, gzip: gzipSync(whole, { level: 9 }).length };
      mkdirSync('build', { recursive: true });
      writeFileSync(SIZES_FILE, `${JSON.stringify({ file, total, parts }, null, 2)}\n`);
    },
  };
}

/**
 * The IIFE starts with a UTF-8 byte-order mark: a browser then decodes it as UTF-8 whatever
 * the page's own encoding, so the Chinese messages and the WebAssembly byte strings
 * (U+0080–U+00FF) arrive intact (a BOM wins over every other charset hint).
 */
const utf8Mark = () => ({
  name: 'utf8-bom',
  renderChunk: (code) => ({ code: code.startsWith('\uFEFF') ? code : `\uFEFF${code}`, map: null }),
});

/** The production single file has no developer warnings: src/elements/dev.ts reads false (terser then drops them). */
const productionFlag = () => ({
  name: 'production-dev-flag',
  transform: (code, id) => (id.replace(/\\/g, '/').endsWith('/src/elements/dev.ts') ? { code: code.replace('DEV: boolean = true', 'DEV: boolean = false'), map: null } : null),
});

const iife = {
  input: BUNDLE,
  output: {
    file: 'dist/scaling-kit.min.js',
    format: 'iife',
    name: 'ScalingKit',
    plugins: [terser(TERSER), utf8Mark(), partSizes('dist/scaling-kit.min.js')],
  },
  plugins: [productionFlag(), browserResolve(), ts('es2022')],
};

/** The elements that get a file of their own: those scripts/build-sizes.mjs holds budgets for, so neither list can miss one. */
const ELEMENT_FILES = Object.keys(ELEMENT_BUDGETS_KB);
const ELEMENT_ENTRY = '\0scaling-element:';

/**
 * Each element file's entry: a module that only imports the element's defining module (no
 * exports, so no global). That import is marked as having side effects: node-resolve would
 * otherwise apply package.json's `sideEffects` (which names dist/ paths) and drop it.
 */
const elementEntry = () => ({
  name: 'element-entry',
  resolveId(id, importer) {
    if (id.startsWith(ELEMENT_ENTRY)) return id;
    if (importer?.startsWith(ELEMENT_ENTRY)) return { id: resolvePath(id), moduleSideEffects: true };
    return null;
  },
  load: (id) => (id.startsWith(ELEMENT_ENTRY) ? `import ${JSON.stringify(`src/elements/${id.slice(ELEMENT_ENTRY.length)}.ts`)};` : null),
});

const elementFile = (name) => ({
  input: `${ELEMENT_ENTRY}${name}/${name}`,
  output: { file: `dist/elements/scaling-${name}.min.js`, format: 'iife', plugins: [terser(TERSER), utf8Mark()] },
  plugins: [elementEntry(), productionFlag(), browserResolve(), ts('es2022')],
});

/** Bare imports (lit, d3-*) stay imports in the ES modules. */
const isDependency = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !/^[A-Za-z]:[\\/]/.test(id);

const esm = {
  input: [LIB, DEFINE, ELEMENTS],
  external: isDependency,
  output: {
    dir: 'dist/esm',
    format: 'es',
    preserveModules: true,
    preserveModulesRoot: 'src',
    entryFileNames: '[name].js',
    sourcemap: true,
  },
  plugins: [ts('es2022')],
};

const nodeBuiltin = (id) => id.startsWith('node:') || builtinModules.includes(id);

const cli = {
  input: CLI,
  // write-file-atomic names its temporary files after __filename, which an ES module lacks.
  output: {
    file: 'dist/cli.js', format: 'es',
    banner: "#!/usr/bin/env node\nimport { fileURLToPath as __cliPath } from 'node:url';\nconst __filename = __cliPath(import.meta.url);",
  },
  external: nodeBuiltin,
  plugins: [
    nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }),
    // write-file-atomic (--output) is CommonJS: bundled in, so dist/cli.js stays one file that needs nothing beside it.
    commonjs(),
    ts('node20'),
    // npm's bin link needs an executable file when run straight from dist/.
    { name: 'chmod-cli', writeBundle: () => chmodSync('dist/cli.js', 0o755) },
  ],
};

// SCALING_KIT_BUNDLES=elements builds the element files alone, =main everything else, so
// scripts/build.mjs can run the two halves side by side (one rollup works on one core).
const only = process.env.SCALING_KIT_BUNDLES;
const main = existsSync(LIB) ? [iife, esm] : [];
const elements = existsSync(LIB) ? ELEMENT_FILES.map(elementFile) : [];
const cliConfig = existsSync(CLI) ? [cli] : [];
const configs = only === 'elements' ? elements : only === 'main' ? [...main, ...cliConfig] : [...main, ...elements, ...cliConfig];
for (const missing of [LIB, CLI].filter((f) => !existsSync(f))) {
  console.warn(`rollup.config.mjs: skipping ${missing} (not written yet)`);
}
export default configs;
