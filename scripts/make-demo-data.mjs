// Makes the synthetic datasets the demo pages embed, with the project's own
// generator (src/data/synthetic.ts), so every number on the pages can be
// reproduced from a seed. Run from the repo root:
//
//   node --import tsx scripts/make-demo-data.mjs           writes demo/data/*.csv
//   node --import tsx scripts/make-demo-data.mjs --html    also refreshes the inline
//                                                          <script type="text/csv" data-file="…">
//                                                          blocks in the demo pages
//   node --import tsx scripts/make-demo-data.mjs --check   exits 1 if a file or block is stale
//
// Deterministic: the same settings give the same bytes on every machine.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EPOCH_LAW, generateRuns, runsToCsv } from '../src/data/synthetic.ts';
import { demoCsv, DEMO_OPTIONS } from '../src/data/demo.ts';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The runs with C ≤ maxC, in order. */
function keepUpTo(runs, maxC) {
  const keep = runs.C.map((c, i) => (c <= maxC ? i : -1)).filter((i) => i >= 0);
  const pick = (a) => keep.map((i) => a[i]);
  return { N: pick(runs.N), D: pick(runs.D), C: pick(runs.C), loss: pick(runs.loss) };
}

/**
 * Each dataset: a file name under demo/data/, the generator settings (quoted in
 * the pages next to the element that uses the data) and the CSV text.
 */
const DATASETS = [
  {
    // The library's embedded default: Epoch's law, the nine Chinchilla budgets
    // × 9 sizes over ±1 decade around N*(C), σ = 0.01 on ln L, seed 42 (81 runs).
    file: 'fit-demo.csv',
    options: DEMO_OPTIONS,
    csv: () => demoCsv(),
  },
  {
    // The backtest's training set: the demo runs at budgets up to 3e20 FLOPs
    // (6 of the 9 budgets, 54 runs); the 27 runs above are held out.
    file: 'fit-small.csv',
    options: { ...DEMO_OPTIONS, holdoutAbove: 3e20 },
    csv: () => runsToCsv(keepUpTo(generateRuns(DEMO_OPTIONS), 3e20)),
  },
  {
    // IsoFLOP profiles: seven half-decade budgets 1e18 … 1e21 FLOPs, 9 sizes
    // over ±0.75 decades around N*(C), quieter noise (σ = 0.005), seed 7 (63 runs).
    file: 'isoflop.csv',
    options: { law: EPOCH_LAW, budgets: [1e18, 3e18, 1e19, 3e19, 1e20, 3e20, 1e21], sizesPerBudget: 9, span: 0.75, sigma: 0.005, seed: 7 },
  },
  {
    // The blogger's page: five budgets 1e19 … 1e21 FLOPs × 6 sizes over ±1 decade,
    // σ = 0.01, seed 1 (30 runs).
    file: 'embed.csv',
    options: { law: EPOCH_LAW, budgets: [1e19, 3e19, 1e20, 3e20, 1e21], sizesPerBudget: 6, span: 1, sigma: 0.01, seed: 1 },
  },
  // Published runs (Gadre et al. 2024; provenance in demo/data/README.md): kept as they are, only copied into the pages.
  { file: 'gadre2024-rpj-fit-set.csv', published: true },
  { file: 'gadre2024-rpj-hellaswag.csv', published: true },
];

/** The pages whose inline CSV blocks mirror the files (data-file names the file). */
const PAGES = ['demo/index.html', 'demo/zh/index.html', 'demo/embed.html'];

const args = new Set(process.argv.slice(2));
const check = args.has('--check');
const html = args.has('--html') || check;
const stale = [];

function update(path, text) {
  let old = null;
  try {
    old = readFileSync(path, 'utf8');
  } catch {
    // a new file
  }
  if (old === text) return;
  if (check) stale.push(path);
  else {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    console.log(`wrote ${path.slice(repo.length + 1)}`);
  }
}

const texts = new Map();
for (const set of DATASETS) {
  if (set.published) {
    texts.set(set.file, readFileSync(join(repo, 'demo', 'data', set.file), 'utf8'));
    console.log(`${set.file}: published data, copied as it is`);
    continue;
  }
  const text = set.csv ? set.csv() : runsToCsv(generateRuns(set.options));
  texts.set(set.file, text.endsWith('\n') ? text : `${text}\n`);
  update(join(repo, 'demo', 'data', set.file), texts.get(set.file));
  const o = { ...set.options, law: undefined };
  const shown = JSON.stringify(o, (_, v) => (typeof v === 'number' && v >= 1e6 ? v.toExponential() : v)).replaceAll('"', '');
  console.log(`${set.file}: ${text.trim().split('\n').length - 1} runs; Epoch law, ${shown}`);
}

if (html) {
  // <script type="text/csv" data-file="data/x.csv"> (or ../data/x.csv) … </script>
  const block = /(<script type="text\/csv"[^>]*\bdata-file="(?:\.\.\/)*data\/([\w-]+\.csv)"[^>]*>)([\s\S]*?)(<\/script>)/g;
  for (const page of PAGES) {
    const path = join(repo, page);
    let source;
    try {
      source = readFileSync(path, 'utf8');
    } catch {
      continue;
    }
    const next = source.replace(block, (whole, open, file, _body, close) => {
      const text = texts.get(file);
      if (!text) throw new Error(`${page}: unknown data-file ${file}`);
      return `${open}\n${text}${close}`;
    });
    update(path, next);
  }
}

if (stale.length) {
  console.error(`stale (run node --import tsx scripts/make-demo-data.mjs --html): ${stale.map((p) => p.slice(repo.length + 1)).join(', ')}`);
  process.exit(1);
}
