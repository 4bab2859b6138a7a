// No spread of a data-sized array into Math.min, Math.max or push anywhere in
// src/: each spread element becomes a call argument on the stack, and V8
// throws "RangeError: Maximum call stack size exceeded" at about 130k of them
// (a fit or isoFLOP set of that many runs). Use d3-array's min/max/extent, a
// loop or concat instead. Spreading an array literal (`push(...[a, b])`) is
// allowed: its length is in the source. The check parses each file with the
// TypeScript compiler, so comments, strings and object spreads never match.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const repo = fileURLToPath(new URL('../..', import.meta.url));

/** Every .ts file under `dir`, recursively. */
function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? tsFiles(path) : e.name.endsWith('.ts') ? [path] : [];
  });
}

/** `Math.min(…)`, `Math.max(…)` or `<anything>.push(…)` calls with a spread of something other than an array literal, as "file:line: text". */
function spreadCalls(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const callee = node.expression, name = callee.name.text;
      const watched = name === 'push' || ((name === 'min' || name === 'max') && callee.expression.getText(source) === 'Math');
      const spread = node.arguments.some((a) => ts.isSpreadElement(a) && !ts.isArrayLiteralExpression(a.expression));
      if (watched && spread) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        found.push(`${fileName}:${line + 1}: ${node.getText(source).slice(0, 100)}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

test('the scanner finds spreads of non-literal arrays and passes literals and other calls', () => {
  const bad = 'Math.min(...xs); Math.max(0, ...ys.map(f)); out.push(...more); a.b.push(1, ...rest);';
  assert.equal(spreadCalls('bad.ts', bad).length, 4);
  const good = [
    'Math.min(a, b); xs.push(...[1, 2]); const o = { ...p }; const a = [...xs];',
    'f(...xs); // Math.min(...xs)',
    "const s = 'Math.max(...ys)'; Other.min(...xs);",
  ].join('\n');
  assert.deepEqual(spreadCalls('good.ts', good), []);
});

test('no Math.min(...), Math.max(...) or .push(...) of a non-literal array in src/', () => {
  const src = join(repo, 'src');
  const found = tsFiles(src).flatMap((f) => spreadCalls(relative(repo, f), readFileSync(f, 'utf8')));
  assert.deepEqual(found, [], `spread arguments overflow the stack on data-sized arrays; use d3-array's min/max/extent or a loop:\n${found.join('\n')}`);
});
