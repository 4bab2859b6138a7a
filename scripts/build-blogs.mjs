// Builds the blog sites of test/browser/blogs.test.ts from the README's section
// "Embedding in a Markdown blog", so that section is what the test runs. Each snippet
// there follows a comment <!-- blog-snippet: NAME -->; the code block after it is used
// as it stands, except each CSV's "…" line, which becomes the 30 runs of
// demo/data/embed.csv (with or without a blank line between compute budgets, as an
// author might group them).
//
// A site is test/fixtures/blogs/<site>/ (what any blog already has: a config, a layout)
// plus the README's files and the posts below, copied to build/test-blogs/src/<site>/ and
// built with Hugo (Debian's, found by scripts/hugo.mjs) or Eleventy (node_modules) into
// build/test-blogs/<site>/, which the test server, rooted at the repository, serves.
//
// web-test-runner.config.mjs installs blogSitesPlugin(): the test asks for the sites with
// the server command "build-blog-sites" and gets back each page and what it holds; the
// sites are built once per test run, however many browsers ask.
// `node scripts/build-blogs.mjs` builds them alone and prints the pages' paths.
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = 'build/test-blogs';

/** README snippets that are files of a site, as they stand. */
const FILES = {
  'hugo-shortcode': ['hugo', 'layouts/shortcodes/scaling-fit.html'],
  'hugo-config': ['hugo', 'hugo.toml'],
  'eleventy-layout': ['eleventy', '_includes/scaling-kit.html'], // the layout includes it
};

/** Where each site keeps the bundle, as the README says. */
const BUNDLE_DIR = { hugo: 'static/js', eleventy: 'js' };

/**
 * The posts: README post snippets, one after another. A fit's CSV gets blank lines
 * where `blankLines` says: harmless in a Hugo shortcode, split by the Markdown
 * renderer in raw HTML (the test expects each).
 */
const PAGES = [
  { site: 'hugo', file: 'content/posts/shortcodes.md', title: 'Two fits by shortcode',
    parts: [{ snippet: 'hugo-post', blankLines: true }, { snippet: 'hugo-post', blankLines: false }] },
  { site: 'hugo', file: 'content/posts/raw-html.md', title: 'A shortcode, then raw HTML with blank lines',
    parts: [{ snippet: 'hugo-post', blankLines: false }, { snippet: 'html-post', blankLines: true }] },
  { site: 'eleventy', file: 'posts/elements.md', title: 'Three elements',
    parts: [{ snippet: 'html-post', blankLines: false }] },
  { site: 'eleventy', file: 'posts/blank-lines.md', title: 'Three elements, blank lines in the CSV',
    parts: [{ snippet: 'html-post', blankLines: true }] },
];

/** Every <!-- blog-snippet: NAME --> of the README with the code block after it. */
export function readmeSnippets(readme) {
  const snippets = {};
  for (const m of readme.matchAll(/<!-- blog-snippet: ([\w-]+) -->\n```[\w-]*\n([\s\S]*?)\n```/g)) {
    if (m[1] in snippets) throw new Error(`README.md has two snippets named ${m[1]}`);
    snippets[m[1]] = m[2];
  }
  const marks = readme.match(/<!-- blog-snippet: /g)?.length ?? 0;
  if (marks !== Object.keys(snippets).length) throw new Error('README.md: a <!-- blog-snippet: NAME --> comment is not followed by a code block');
  return snippets;
}

/** demo/data/embed.csv's rows in `columns`' order, a blank line before each new compute budget if asked. */
function embedRows(columns, blankLines) {
  const [header, ...rows] = readFileSync(join(repo, 'demo/data/embed.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
  const at = columns.map((c) => header.indexOf(c));
  if (at.includes(-1)) throw new Error(`demo/data/embed.csv has no column for each of ${columns.join(',')}`);
  const C = header.indexOf('C');
  return rows.flatMap((row, i) => [
    ...(blankLines && i > 0 && row[C] !== rows[i - 1][C] ? [''] : []),
    at.map((j) => row[j]).join(','),
  ]);
}

/** A post snippet with its "…" filled, and the elements it holds (a fit with its CSV and run count). */
function fillPost(name, text, blankLines) {
  const lines = text.split('\n');
  const dots = lines.indexOf('…');
  if (dots < 0 || lines.indexOf('…', dots + 1) >= 0) throw new Error(`README snippet ${name}: expected one "…" line in its CSV`);
  // The CSV starts right after the tag or shortcode that opens it.
  let header = dots;
  while (header > 0 && !/^\s*(<|\{\{)/.test(lines[header - 1])) header--;
  const rows = embedRows(lines[header].split(','), blankLines);
  const csvLines = [...lines.slice(header, dots), ...rows];
  const filled = [...lines.slice(0, header), ...csvLines, ...lines.slice(dots + 1)].join('\n');
  const csv = csvLines.join('\n');
  const runs = csvLines.slice(1).filter((l) => l.trim()).length;
  const elements = [...filled.matchAll(/\{\{<\s*(scaling-[a-z-]+)|<(scaling-[a-z-]+)/g)].map((m) => ({
    tag: m[1] ?? m[2],
    via: m[1] ? 'shortcode' : 'html',
    blankLines,
    ...((m[1] ?? m[2]) === 'scaling-fit' && { csv, runs }),
  }));
  if (elements.filter((e) => e.tag === 'scaling-fit').length !== 1) throw new Error(`README snippet ${name}: expected one <scaling-fit> with the CSV`);
  return { filled, elements };
}

/** Runs a command to its end; rejects with its output when it fails. */
function run(command, args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('error', reject);
    child.on('close', (status) => (status === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} failed (exit ${status}):\n${output}`))));
  });
}

/** Hugo's path from scripts/hugo.mjs, in a child: when there is none, its one line is the error. */
async function hugoPath() {
  try {
    return (await run(process.execPath, [join(repo, 'scripts/hugo.mjs')], repo)).trim();
  } catch (error) {
    throw new Error(error.message.split('\n').slice(1).join(' ').trim() || error.message);
  }
}

/** Builds both sites; resolves to the pages, each with its URL and the elements it should hold, in order. */
export async function buildBlogSites() {
  const started = Date.now();
  const bundle = join(repo, 'dist/scaling-kit.min.js');
  if (!existsSync(bundle)) throw new Error('dist/scaling-kit.min.js is missing: run `npm run build` first (npm test does)');
  const snippets = readmeSnippets(readFileSync(join(repo, 'README.md'), 'utf8'));
  // A snippet no site uses would go untested; a name the sites use must be in the README.
  const used = new Set([...Object.keys(FILES), ...PAGES.flatMap((p) => p.parts.map((part) => part.snippet))]);
  for (const name of Object.keys(snippets)) if (!used.has(name)) throw new Error(`README snippet ${name} is in no test site: add it to scripts/build-blogs.mjs`);
  for (const name of used) if (!(name in snippets)) throw new Error(`README.md has no <!-- blog-snippet: ${name} --> (scripts/build-blogs.mjs uses it)`);

  const out = join(repo, OUT);
  rmSync(out, { recursive: true, force: true });
  const src = (site, file = '') => join(out, 'src', site, file);
  const write = (path, text) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  };
  for (const site of ['hugo', 'eleventy']) {
    cpSync(join(repo, 'test/fixtures/blogs', site), src(site), { recursive: true });
    mkdirSync(src(site, BUNDLE_DIR[site]), { recursive: true });
    copyFileSync(bundle, src(site, `${BUNDLE_DIR[site]}/scaling-kit.min.js`));
  }
  for (const [name, [site, file]] of Object.entries(FILES)) write(src(site, file), `${snippets[name]}\n`);
  const pages = PAGES.map(({ site, file, title, parts }) => {
    const posts = parts.map(({ snippet, blankLines }) => fillPost(snippet, snippets[snippet], blankLines));
    write(src(site, file), `---\ntitle: ${title}\n---\n\n${posts.map((p) => p.filled).join('\n\n')}\n`);
    const slug = file.replace(/^content\//, '').replace(/\.md$/, '');
    return { site, title, url: `/${OUT}/${site}/${slug}/index.html`, elements: posts.flatMap((p) => p.elements) };
  });

  // Both sites are served from a subfolder of the repository: Hugo's baseURL and
  // Eleventy's path prefix say which, so the pages' links to the bundle resolve there.
  const hugo = await hugoPath();
  await Promise.all([
    run(hugo, ['--quiet', '--source', src('hugo'), '--destination', join(out, 'hugo'), '--baseURL', `/${OUT}/hugo/`], repo),
    // In the site's own folder: Eleventy reads the .gitignore where it runs, and the repository's ignores build/.
    run(process.execPath, [join(repo, 'node_modules/@11ty/eleventy/cmd.cjs'), '--quiet', '--input=.', `--output=${join(out, 'eleventy')}`, `--pathprefix=/${OUT}/eleventy/`], src('eleventy')),
  ]);
  for (const page of pages) if (!existsSync(join(repo, page.url))) throw new Error(`${page.site} did not write ${page.url}`);
  return { pages, seconds: (Date.now() - started) / 1000 };
}

/** The web-test-runner plugin: the server command "build-blog-sites", run once per test run. */
export function blogSitesPlugin() {
  let built;
  return {
    name: 'blog-sites',
    executeCommand({ command }) {
      if (command !== 'build-blog-sites') return undefined;
      built ??= buildBlogSites().catch((error) => ({ error: error.message }));
      return built;
    },
  };
}

// Run directly (not imported): build, then print where the pages are.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { pages, seconds } = await buildBlogSites();
  for (const page of pages) console.log(`${page.url}  (${page.site}: ${page.title})`);
  console.log(`built in ${seconds.toFixed(1)} s`);
}
