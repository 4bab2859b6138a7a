// The size report's floor (scripts/size-floor.mjs) empties every string: check it cuts exactly
// string and template text, leaves code, regexes and ${…} expressions alone, and still parses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAst } from 'rollup/parseAst';
import { withoutStrings } from '../../scripts/size-floor.mjs';

test('withoutStrings empties string literals and template text, and nothing else', () => {
  const code = 'var a="xyz",b=\'it\\\'s\',c=`p${a+"q"}r${`in${b}ner`}s`,d=/"re"/g,e=1.5;f({k:"v","quoted key":2});';
  const out = withoutStrings(code);
  assert.equal(out, 'var a="",b=\'\',c=`${a+""}${`${b}`}`,d=/"re"/g,e=1.5;f({k:"","":2});');
  assert.doesNotThrow(() => parseAst(out));
});
