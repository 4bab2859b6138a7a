// Words flow one way (docs/architecture.md): the numerics (laws, core, engine,
// stats) raise codes and keys with values, and every sentence a reader sees
// lives in src/i18n/. This reads every string and template literal in those
// folders with the TypeScript scanner and fails on one that reads like an
// English sentence, except published reference data (paper titles, authors,
// datasheet notes), column-name aliases and rendered code (Python, LaTeX).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'generated' ? [] : sources(join(dir, e.name))) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
}

/** Three words of two or more letters, two of them lower-case and side by side: prose, not an id or a unit. */
export const looksLikeSentence = (text: string) => (text.match(/[A-Za-z]{2,}/g) ?? []).length >= 3 && /[a-z]{2,} [a-z]{2,}/.test(text);

/**
 * Where prose is data, not a message: published presets and hardware
 * (reference text with citations, src/core/presets.ts, src/core/cost.ts
 * `HARDWARE`), the header names columns are matched against, and code the
 * laws render for other programs. Each is a property name or a function name.
 */
const DATA_PROPERTIES = new Set(['name', 'title', 'authors', 'where', 'notes', 'source', 'loss', 'N', 'D', 'C', 'M', 'citation']);
const DATA_FUNCTIONS = new Set(['python', 'pythonBody', 'latex']);
const DATA_FILES = new Set(['src/core/columns.ts']); // header aliases ("final val loss") matched against the data's own column names

/** The sentence-like literals of one file that are not data, as "file:line text". */
export function sentencesIn(file: string, text = readFileSync(join(root, file), 'utf8')): string[] {
  if (DATA_FILES.has(file)) return [];
  const found: string[] = [];
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const exempt = (node: ts.Node): boolean => {
    for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
      if (ts.isPropertyAssignment(n) && DATA_PROPERTIES.has(n.name.getText(sf).replace(/['"]/g, ''))) return true;
      if ((ts.isMethodDeclaration(n) || ts.isFunctionDeclaration(n) || ts.isPropertyAssignment(n) || ts.isVariableDeclaration(n)) && n.name && DATA_FUNCTIONS.has(n.name.getText(sf))) return true;
    }
    return false;
  };
  const visit = (node: ts.Node) => {
    let literal: string | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) literal = node.text;
    else if (ts.isTemplateExpression(node)) literal = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' X ');
    if (literal !== undefined) {
      const isModulePath = ts.isImportDeclaration(node.parent) || ts.isExportDeclaration(node.parent);
      if (!isModulePath && looksLikeSentence(literal) && !exempt(node)) {
        found.push(`${file}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1} ${literal.slice(0, 90)}`);
      }
      if (!ts.isTemplateExpression(node)) return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

test('laws, core, engine and stats hold no English sentence: their messages are keys worded in src/i18n/', () => {
  const files = ['src/laws', 'src/core', 'src/engine', 'src/stats'].flatMap(sources).map((f) => relative('.', f));
  assert.deepEqual(files.flatMap((f) => sentencesIn(f)), []);
});

test('the check finds a sentence in a thrown message and in a template, and lets data and codes pass', () => {
  const sample = [
    "throw new Error('the fit diverged');",
    'const m = `invalid ${x}; expected a positive number`;',
    "const p = { title: 'Training Compute-Optimal Large Language Models' };",
    "const code = 'not-converged';",
    "export const python = () => 'def law(N, D): return E + A / N**alpha';",
  ].join('\n');
  assert.deepEqual(sentencesIn('src/core/sample.ts', sample).map((s) => s.split(' ')[0]), ['src/core/sample.ts:1', 'src/core/sample.ts:2']);
});
