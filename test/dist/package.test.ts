// The package as npm ships it: `npm pack` (no scripts: the build is already there), the
// tarball installed into an empty project in a temporary folder (its dependencies from the
// npm cache where they are: --prefer-offline), and then, from that project only:
//   - the `scaling-kit` command fits the embedded dataset and a CSV file;
//   - `import 'scaling-kit'` works in Node, registers nothing and fits;
//   - every `exports` entry resolves to a file that exists; the manifest and the IIFE are there;
//   - a bundler (esbuild) given `import { evaluateLaw } from 'scaling-kit'` keeps neither Lit
//     nor any element (tree-shaking, `sideEffects`), while `scaling-kit/define` defines all five;
//   - the published types check (tsc) in a TypeScript consumer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { repo, requireBuild } from './helpers.js';

let dir: string;
let app: string;
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs a command in the consumer project; returns stdout, failing the test with stderr. */
function inApp(command: string, args: string[], input?: string): string {
  const r = spawnSync(command, args, { cwd: app, encoding: 'utf8', input, env: { ...process.env, NO_COLOR: '1' } });
  assert.equal(r.status, 0, `${command} ${args.join(' ')} exited ${r.status}:\n${r.stderr}`);
  return r.stdout;
}

before(() => {
  requireBuild();
  dir = mkdtempSync(join(tmpdir(), 'scaling-kit-pack-'));
  const packed = JSON.parse(execFileSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: repo, encoding: 'utf8' }));
  const tarball = join(dir, packed[0].filename);
  app = join(dir, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  execFileSync(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', tarball], { cwd: app, stdio: ['ignore', 'ignore', 'inherit'] });
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const installed = () => join(app, 'node_modules', 'scaling-kit');

test('the tarball holds the bundles, the types and the manifest, and nothing from src/ or test/', () => {
  const files = readdirSync(installed(), { recursive: true }).map(String);
  for (const f of ['dist/scaling-kit.min.js', 'dist/elements/scaling-curve.min.js', 'dist/elements/scaling-fit.min.js', 'dist/cli.js', 'dist/custom-elements.json', 'dist/esm/index.js', 'dist/esm/define.js', 'dist/types/index.d.ts', 'README.md', 'package.json']) {
    assert.ok(files.includes(f), `${f} is in the package`);
  }
  assert.deepEqual(files.filter((f) => /^(src|test|assembly|scripts|bench|demo)\//.test(f)), []);
});

test('every exports entry resolves to a file in the package', () => {
  const targets = (v: unknown): string[] => (typeof v === 'string' ? [v] : Object.values(v as object).flatMap(targets));
  for (const [key, value] of Object.entries(pkg.exports as Record<string, unknown>)) {
    for (const target of targets(value)) {
      assert.ok(!target.includes('*'), `exports["${key}"] names its file (a wildcard would resolve paths that do not exist)`);
      assert.ok(existsSync(join(installed(), target)), `exports["${key}"] → ${target} exists`);
    }
  }
  for (const field of ['main', 'module', 'types', 'unpkg', 'jsdelivr', 'customElements']) assert.ok(existsSync(join(installed(), pkg[field])), `${field} → ${pkg[field]}`);
});

test('the scaling-kit command runs from the installed package: the embedded dataset, then a CSV file', () => {
  const embedded = JSON.parse(inApp(join('node_modules', '.bin', 'scaling-kit'), ['fit', '--json']));
  assert.equal(embedded.form, 'chinchilla');
  assert.equal(embedded.converged, true);
  assert.equal(embedded.runs, 81);
  const csv = readFileSync(join(repo, 'demo', 'data', 'embed.csv'), 'utf8');
  writeFileSync(join(app, 'runs.csv'), csv);
  const fromFile = JSON.parse(inApp(join('node_modules', '.bin', 'scaling-kit'), ['fit', 'runs.csv', '--json']));
  assert.equal(fromFile.runs, 30);
  assert.ok(fromFile.params.alpha > 0.2 && fromFile.params.alpha < 0.5, `alpha ${fromFile.params.alpha}`);
});

test("import 'scaling-kit' in Node: the API, no element registered, a fit", () => {
  const out = inApp(process.execPath, ['--input-type=module', '-e', `
    const kit = await import('scaling-kit');
    const r = kit.fitSync(kit.demoRuns());
    console.log(JSON.stringify({ keys: Object.keys(kit).length, engine: r.engine, converged: r.converged, customElements: typeof customElements }));
  `]);
  const r = JSON.parse(out);
  assert.ok(r.keys > 20);
  assert.equal(r.converged, true);
  assert.notEqual(r.engine, 'js');
  assert.equal(r.customElements, 'undefined');
});

test('a bundler keeps neither Lit nor any element for an API import, scaling-kit/define defines all five, and one element brings only its own messages', async () => {
  const bundle = async (contents: string) => {
    const r = await build({ stdin: { contents, resolveDir: app, loader: 'js' }, bundle: true, write: false, format: 'esm', platform: 'browser', minify: true, charset: 'utf8', logLevel: 'silent' });
    return r.outputFiles[0].text;
  };
  const api = await bundle(`import { evaluateLaw, PRESETS } from 'scaling-kit'; console.log(evaluateLaw(PRESETS.besiroglu2024.law, { N: 7e10, D: 1.4e12 }));`);
  assert.doesNotMatch(api, /customElements|LitElement|lit-html|scaling-fit/);
  // The law registry brings every form's descriptor whole (start grids too): 38 KB before the task
  // forms, 41.7 KB with them. Splitting evaluation from fitting is the size work's to decide.
  assert.ok(api.length < 45_000, `an API import bundles to ${api.length} bytes`);
  const defined = await bundle(`import 'scaling-kit/define';`);
  for (const tag of ['scaling-curve', 'scaling-fit', 'scaling-isoflop', 'scaling-landscape', 'scaling-calculator', 'scaling-task']) assert.match(defined, new RegExp(`"${tag}"`));
  const one = await bundle(`import 'scaling-kit/elements/curve';`);
  assert.match(one, /"scaling-curve"/);
  assert.doesNotMatch(one, /"scaling-fit"/);
  // …with the shared messages and its own, in both languages, but no other element's.
  for (const own of ['errorTitle', 'holdRatio', 'Line chart of loss against', '折线图']) assert.ok(one.includes(own), own);
  assert.doesNotMatch(one, /fitEmptyTitle|calcBudget|isoLegendBudget|landLegendLoss/);
});

test('the published types check in a TypeScript consumer', () => {
  writeFileSync(join(app, 'consumer.ts'), `
    import { fitSync, readRuns, type FitResult, type FormName } from 'scaling-kit';
    import { ScalingCurve } from 'scaling-kit/elements';
    import 'scaling-kit/define';
    import type {} from 'scaling-kit/scaling-kit.min.js';
    import { ScalingFit } from 'scaling-kit/elements/fit';
    const viaGlobal: number = ScalingKit.computeOptimal({ A: 406.4, B: 410.7, E: 1.69, alpha: 0.34, beta: 0.28 }, 5.76e23).N;
    const curveClass: typeof ScalingKit.ScalingCurve = ScalingCurve;
    const fitClass: typeof ScalingFit = customElements.get('scaling-fit') as typeof ScalingFit;
    const result: FitResult<'chinchilla'> = fitSync(readRuns('N,D,loss\\n1e8,2e9,3.1\\n1e9,2e10,2.6\\n1e10,2e11,2.2\\n3e8,6e9,2.9\\n3e9,6e10,2.4'));
    const alpha: number = result.law.params.alpha;
    const el: HTMLElementTagNameMap['scaling-fit'] = document.createElement('scaling-fit');
    const form: FormName = result.form;
    export { alpha, el, form, ScalingCurve, viaGlobal, curveClass, fitClass };
  `);
  writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', lib: ['ES2022', 'DOM', 'DOM.Iterable'], types: [], skipLibCheck: false },
    files: ['consumer.ts'],
  }));
  const tsc = spawnSync(process.execPath, [join(repo, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: app, encoding: 'utf8' });
  assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
});
