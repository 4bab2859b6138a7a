// Every diagnostic code reads as a sentence in English and in Chinese, with its
// values formatted in it (src/i18n/diagnostics.ts over src/core/diagnostic-codes.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { diagnostic, ofEstimate, type Diagnostic, type DiagnosticCode, type DiagnosticValues, type StatusCode } from '../../../src/core/diagnostic-codes.js';
import {
  DIAGNOSTICS, describeDiagnostic, formatList, formatNumber, formatShare, publishedName, severityLabel,
} from '../../../src/i18n/diagnostics.js';
import { describeStatus } from '../../../src/i18n/status.js';
import { SOLVER_STATUS } from '../../../src/engine/types.js';

type Sample = { d: Diagnostic; /** Text both languages must contain (formatted values). */ values: string[] };

const sample = <C extends DiagnosticCode>(code: C, v: DiagnosticValues[C], values: string[]): Sample =>
  ({ d: diagnostic(code, 'warning', v), values });

// One per code; typed so that a new code without a sample does not compile.
const SAMPLES: { [C in DiagnosticCode]: Sample } = {
  'collinear-nd': sample('collinear-nd', { slope: 1, intercept: Math.log(20), tokensPerParam: 20.000000001 }, ['20']),
  'constant-column': sample('constant-column', { column: 'tokens', value: 1.23456e9 }, ['tokens', '1.235e9']),
  'column-choice': sample('column-choice', { quantity: 'loss', column: 'loss_openlm', alternatives: ['loss_c4_val', 'loss_paloma_ptb'] }, ['"loss_openlm"', '"loss_c4_val"', '"loss_paloma_ptb"']),
  'constant-loss': sample('constant-loss', { value: 2.718281828 }, ['2.718']),
  'constant-metric': sample('constant-metric', { value: 0.25 }, ['0.25']),
  'few-runs': sample('few-runs', { runs: 7, parameters: 5, recommended: 15 }, ['7', '5', '15']),
  'interpolates': sample('interpolates', { runs: 4, parameters: 5 }, ['4', '5']),
  'zero-weight': sample('zero-weight', { effectiveRuns: 2.3456, parameters: 5 }, ['2.35', '5']),
  'dead-term': sample('dead-term', { term: 'B/D^β', parameters: ['b', 'beta'], share: 0.00123456 }, ['B/D^β', '0.1235%', 'b', 'beta']),
  'negative-exponent': sample('negative-exponent', { parameter: 'alpha', value: -0.123456 }, ['alpha', '−0.1235']),
  'at-bound': sample('at-bound', { parameter: 'beta', side: 'upper', bound: 2.5 }, ['beta', '2.5']),
  'flat-direction': sample('flat-direction', { condition: 3.2e17, parameters: ['a', 'b', 'alpha', 'beta', 'e', 'x', 'y'] }, ['3.2e17', 'a', 'b', 'alpha']),
  'no-standard-errors': sample('no-standard-errors', {}, []),
  'free-scale': sample('free-scale', { sigma: 4.706e-6 }, []), 
  'not-converged': sample('not-converged', { status: 'iteration-limit' }, []),
  'gradient-not-finite': sample('gradient-not-finite', { parameters: ['lnNc'] }, ['lnNc']),
  'residual-trend': sample('residual-trend', { against: 'lnN', slope: 0.0123456, t: 4.56789 }, ['ln N', '0.01235', '4.568']),
  'residual-pattern': sample('residual-pattern', { against: 'prediction', signRuns: 4, expected: 12.5, z: -3.456 }, ['4', '12.5', '−3.46']),
  'heteroscedastic': sample('heteroscedastic', { against: 'prediction', ratio: 3.14159 }, ['3.142']),
  'outliers': sample('outliers', { rows: [3, 7, 12, 15, 20, 31, 40, 41], maxZ: 6.54321 }, ['3', '7', '12', '6.543']),
  'not-certified': sample('not-certified', { reason: 'single-start' }, []),
  'escalated': sample('escalated', { from: 0.00123456789, to: 0.00098765432, starts: 64 }, ['64', '0.00123457', '0.000987654']),
  'bootstrap-at-bound': sample('bootstrap-at-bound', { parameter: 'alpha', share: 0.125 }, ['alpha', '12.5%']),
  'bootstrap-wide': sample('bootstrap-wide', { parameter: 'a', lo: 1.5e-3, hi: 2.5e9, orders: 12.22 }, ['a', '0.0015', '2.5e9', '12']),
  'bootstrap-basins': sample('bootstrap-basins', { share: 0.3 }, ['30%']),
  'bootstrap-failed': sample('bootstrap-failed', { failed: 17, resamples: 1000 }, ['17', '1000']),
  'engine-fallback': sample('engine-fallback', { engine: 'js' }, ['TypeScript']),
  'workers-unavailable': sample('workers-unavailable', {}, []),
  'eps0-undetermined': sample('eps0-undetermined', {}, ['ε0', 'ε∞ + β·x^c']),
  'lower-minimum-elsewhere': sample('lower-minimum-elsewhere', { objective: 0.130079576, lower: 0.0768124529, epsInf: 0, alpha: 0 }, ['0.13008', '0.0768125', 'ε∞ = 0', 'α = 0']),
};

/** The codes DiagnosticValues declares, read from its source (types are gone at run time). */
function declaredCodes(): string[] {
  const src = readFileSync(new URL('../../../src/core/diagnostic-codes.ts', import.meta.url), 'utf8');
  const body = src.slice(src.indexOf('export interface DiagnosticValues'), src.indexOf('export type DiagnosticCode'));
  return [...body.matchAll(/^\s*'([a-z0-9-]+)':/gm)].map((m) => m[1]);
}

function checkSentence(text: string, values: string[], what: string, nanAllowed = false): void {
  assert.ok(text.trim().length > 10, `${what}: empty or too short: "${text}"`);
  for (const bad of ['undefined', '[object', 'null', '{']) assert.ok(!text.includes(bad), `${what}: contains "${bad}": ${text}`);
  if (!nanAllowed) assert.ok(!text.includes('NaN'), `${what}: contains NaN: ${text}`);
  for (const v of values) assert.ok(text.includes(v), `${what}: "${v}" missing from: ${text}`);
}

test('every code DiagnosticValues declares has a sample here and a sentence in both tables', () => {
  const codes = declaredCodes();
  assert.ok(codes.length >= 20, `read ${codes.length} codes`);
  assert.deepEqual([...codes].sort(), Object.keys(SAMPLES).sort());
  for (const code of codes) {
    assert.ok(DIAGNOSTICS.en[code as DiagnosticCode], `en: ${code}`);
    assert.ok(DIAGNOSTICS.zh[code as DiagnosticCode], `zh: ${code}`);
  }
  assert.deepEqual(Object.keys(DIAGNOSTICS.zh).sort(), Object.keys(DIAGNOSTICS.en).sort());
});

for (const [code, { d, values }] of Object.entries(SAMPLES)) {
  test(`${code}: one sentence in English and in Chinese with its values`, () => {
    const en = describeDiagnostic(d, 'en'), zh = describeDiagnostic(d, 'zh');
    checkSentence(en, values, `${code} (en)`);
    checkSentence(zh, values, `${code} (zh)`);
    assert.match(en, /^[A-Z0-9α-ω]|^[a-z]/, `${code} (en) starts a sentence: ${en}`);
    assert.match(en, /[.)]$/, `${code} (en) ends a sentence: ${en}`);
    assert.match(zh, /[\u4e00-\u9fff]/, `${code} (zh) is Chinese: ${zh}`);
    assert.match(zh, /。$/, `${code} (zh) ends with 。: ${zh}`);
    assert.notEqual(en, zh);
  });
}

test('the words of enumerated values: not-converged status, not-certified reason, residual-trend variable, at-bound side', () => {
  assert.match(describeDiagnostic(SAMPLES['not-converged'].d, 'en'), /iteration limit reached/);
  assert.match(describeDiagnostic(SAMPLES['not-converged'].d, 'zh'), /达到迭代次数上限/);
  // A status this version has no words for (a newer core) is shown as its code, never as nothing.
  assert.match(describeDiagnostic(diagnostic('not-converged', 'warning', { status: 'stuck' as never }), 'en'), /\(stuck\)/);
  assert.match(describeDiagnostic(SAMPLES['not-certified'].d, 'en'), /only one start reached it/);
  for (const reason of ['single-start', 'check-disagrees', 'valley', 'piecewise-linear', 'unidentifiable'] as const) {
    for (const lang of ['en', 'zh'] as const) checkSentence(describeDiagnostic(diagnostic('not-certified', 'info', { reason }), lang), [], `${reason} ${lang}`);
  }
  for (const against of ['lnN', 'lnD', 'lnC', 'x', 'prediction'] as const) {
    for (const lang of ['en', 'zh'] as const) checkSentence(describeDiagnostic(diagnostic('residual-trend', 'warning', { against, slope: 1, t: 5 }), lang), [], `${against} ${lang}`);
  }
  assert.match(describeDiagnostic(SAMPLES['at-bound'].d, 'en'), /upper bound/);
  assert.match(describeDiagnostic(diagnostic('at-bound', 'warning', { parameter: 'e', side: 'lower', bound: -1 }), 'zh'), /下边界/);
});

test('every status a fit can stop with has words in English and in Chinese, each its own', () => {
  const statuses: StatusCode[] = [...SOLVER_STATUS, 'gradient-not-finite', 'beta-tolerance'];
  for (const lang of ['en', 'zh'] as const) {
    const words = statuses.map((s) => describeStatus(s, lang));
    for (const [i, w] of words.entries()) assert.ok(w.length > 3 && !w.includes('-'), `${statuses[i]} (${lang}): ${w}`);
    assert.equal(new Set(words).size, statuses.length, `${lang}: ${words.join(' / ')}`);
    if (lang === 'zh') for (const w of words) assert.match(w, /^[\u4e00-\u9fff]/, w);
  }
  assert.equal(describeStatus('iteration-limit', 'en'), 'iteration limit reached');
  assert.equal(describeStatus('gradient-not-finite', 'zh'), '终点处梯度不是有限数');
  assert.equal(describeStatus('stuck' as never, 'en'), 'stuck');
});

test('a bootstrap diagnostic about the fit of all runs (of: estimate) says so first, in both languages', () => {
  const d = ofEstimate(diagnostic('workers-unavailable', 'info', {}));
  assert.deepEqual(d, { code: 'workers-unavailable', severity: 'info', of: 'estimate' });
  assert.equal(describeDiagnostic(d, 'en'), `The fit of all runs: ${describeDiagnostic(diagnostic('workers-unavailable', 'info', {}), 'en')}`);
  assert.equal(describeDiagnostic(d, 'zh'), `全部实验的拟合：${describeDiagnostic(diagnostic('workers-unavailable', 'info', {}), 'zh')}`);
});

test('collinear-nd: one tokens-per-parameter ratio, or the general relation with its slope and intercept', () => {
  const ratio = describeDiagnostic(SAMPLES['collinear-nd'].d, 'en');
  assert.match(ratio, /about 20 tokens per parameter/);
  const general = diagnostic('collinear-nd', 'error', { slope: 0.5, intercept: 3.14159, tokensPerParam: NaN });
  for (const lang of ['en', 'zh'] as const) checkSentence(describeDiagnostic(general, lang), ['0.5', '3.142'], `general ${lang}`);
});

test('lists: short lists joined in full, long ones cut with how many more', () => {
  assert.equal(formatList(['a'], 'en'), 'a');
  assert.equal(formatList(['a', 'b'], 'en'), 'a and b');
  assert.equal(formatList(['a', 'b', 'c', 'd'], 'en'), 'a, b, c and d');
  assert.equal(formatList(['a', 'b', 'c', 'd', 'e'], 'en'), 'a, b, c and 2 more');
  assert.equal(formatList(['a', 'b', 'c'], 'zh'), 'a、b 和 c');
  assert.equal(formatList(['a', 'b', 'c', 'd', 'e'], 'zh'), 'a、b、c 等 5 项');
  assert.equal(describeDiagnostic(SAMPLES.outliers.d, 'en'), 'Rows 3, 7, 12 and 5 more of the data have residuals far from the rest (robust z up to 6.543).');
  assert.match(describeDiagnostic(SAMPLES.outliers.d, 'zh'), /第 3、7、12 等共 8 行/);
  assert.match(describeDiagnostic(diagnostic('outliers', 'info', { rows: [9], maxZ: 5 }), 'en'), /^Row 9 of the data has a residual/);
});

test('numbers: four significant digits, exponents for extremes, NaN only when the value is NaN', () => {
  assert.equal(formatNumber(1234.5678), '1235');
  assert.equal(formatNumber(0.000123456), '0.0001235');
  assert.equal(formatNumber(1.23456e-7), '1.235e-7');
  assert.equal(formatNumber(3e17), '3e17');
  assert.equal(formatNumber(-2.5), '−2.5');
  assert.equal(formatNumber(Infinity), '∞');
  assert.equal(formatShare(0.5), '50%');
  assert.equal(formatShare(1e-6), '<0.01%');
  assert.equal(formatShare(0), '0%');
  const nan = describeDiagnostic(diagnostic('constant-loss', 'error', { value: NaN }), 'en');
  checkSentence(nan, ['NaN'], 'NaN value', true);
});

test('parameter names: θ names as given, or as the caller names them', () => {
  const d = diagnostic('flat-direction', 'error', { condition: 1e12, parameters: ['a', 'alpha'] });
  assert.match(describeDiagnostic(d, 'en'), /a and alpha/);
  assert.match(describeDiagnostic(d, 'en', { name: (k) => publishedName('chinchilla', k) }), /A and alpha/);
  assert.equal(publishedName('chinchilla', 'e'), 'E');
  assert.equal(publishedName('kaplan', 'lnNc'), 'Nc');
  assert.equal(publishedName('power', 'lnXc'), 'xc');
  assert.equal(publishedName('overtrained', 'lnA'), 'a');
  assert.equal(publishedName('broken', 'lnd2'), 'd2');
  assert.equal(publishedName('broken', 'c0'), 'c0');
});

test('severity labels in both languages', () => {
  assert.equal(severityLabel('warning', 'en'), 'Warning');
  assert.equal(severityLabel('error', 'zh'), '错误');
  assert.equal(severityLabel('info', 'zh'), '提示');
});

test('the public API words what a fit says about itself: describeStatus and describeDiagnostic from scaling-kit', async () => {
  const api = await import('../../../src/index.js');
  const r = api.fitSync(api.demoRuns(), { maxIterations: 3 });
  assert.equal(r.converged, false);
  assert.equal(api.describeStatus(r.status, 'en'), 'iteration limit reached');
  assert.match(api.describeStatus(r.status, 'zh'), /迭代次数上限/);
  const notConverged = r.diagnostics.find((d) => d.code === 'not-converged')!;
  assert.match(api.describeDiagnostic(notConverged, 'en'), /stopped at a limit \(iteration limit reached\)/);
});
