// <scaling-fit> says what its fit says about itself: runs all at one
// tokens-per-parameter ratio get an error about collinear N and D above the
// parameter table, in English and in Chinese, the parameters and the allocation
// the data do not determine are marked so, the status is no plain success, and
// the chart still draws the law along the runs' ratio. The demo data get none.
import { expect } from '@esm-bundle/chai';
import '../../src/elements/fit/fit.js';
import type { ScalingFit } from '../../src/elements/fit/fit.component.js';
import { demoCsv } from '../../src/data/demo.js';
import { mountWith, root, unmount } from './helpers.js';

/** Six runs at 20 tokens per parameter, losses from Hoffmann et al.'s law with a little noise. */
function lockstepCsv(): string {
  const noise = [0.004, -0.003, 0.002, -0.005, 0.003, -0.001];
  const rows = [1e8, 2e8, 4e8, 8e8, 1.6e9, 3.2e9].map((N, i) => {
    const D = 20 * N;
    return `${N},${D},${((1.69 + 406.4 / N ** 0.34 + 410.7 / D ** 0.28) * Math.exp(noise[i])).toFixed(5)}`;
  });
  return `N,D,loss\n${rows.join('\n')}\n`;
}

/** <scaling-fit {attrs}> holding `csv` inline. */
const fitOf = (csv: string, attrs = '') => `<scaling-fit ${attrs}><script type="text/csv">${csv}</script></scaling-fit>`;

/** Mounts markup in a box 720 px wide; resolves once the element fired `fit` and rendered. */
const mount = mountWith<ScalingFit>({ width: 720, selector: 'scaling-fit', fit: 15000 });

const items = (el: ScalingFit) => Array.from(root(el).querySelectorAll<HTMLElement>('[part="diagnostics"] [part="diagnostic"]'));
const text = (e: Element | null | undefined) => (e?.textContent ?? '').replace(/\s+/g, ' ').trim();
const curves = (el: ScalingFit) => Array.from(root(el).querySelectorAll('svg.chart path.curve')).filter((p) => (p.getAttribute('d') ?? '').length > 20);

/** Whether `a` comes before `b` in the shadow root. */
const before = (a: Element, b: Element) => !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);

describe('<scaling-fit> diagnostics', () => {
  afterEach(() => {
    unmount();
  });

  it('runs all at 20 tokens per parameter: an error about collinear N and D above the parameter table, in English', async () => {
    const el = await mount(fitOf(lockstepCsv(), 'budget="5.76e23"'));
    const result = el.result!;
    expect(result.diagnostics.map((d) => d.code)).to.include('collinear-nd');

    const list = items(el);
    const collinear = list.find((li) => li.dataset.code === 'collinear-nd');
    expect(collinear, 'collinear-nd shown').to.exist;
    expect(['warning', 'error']).to.include(collinear!.dataset.severity);
    expect(text(collinear)).to.match(/^(Error|Warning) Every run has the same ratio of tokens to parameters \(about 20 tokens per parameter\)/);
    expect(text(root(el).querySelector('[part="diagnostics"]'))).to.not.match(/undefined|NaN|\[object/);
    expect(root(el).querySelector('[part="diagnostics"]')!.getAttribute('role')).to.equal('alert');

    // Above the parameter table, errors first, and set off from notes by their class.
    const params = root(el).querySelector('[part="params"]')!;
    expect(before(root(el).querySelector('[part="diagnostics"]')!, params)).to.equal(true);
    expect(list[0].dataset.severity).to.equal('error');
    expect(list[0].classList.contains('severity-error')).to.equal(true);
    const errorStyle = getComputedStyle(list[0]);
    const info = list.find((li) => li.dataset.severity === 'info');
    if (info) expect(getComputedStyle(info).borderLeftColor).to.not.equal(errorStyle.borderLeftColor);

    // What the data do not determine: the N and D terms, and the allocation at the budget.
    for (const key of ['A', 'B', 'alpha', 'beta']) {
      const row = params.querySelector(`tr[data-param="${key}"]`)!;
      expect(row.classList.contains('undetermined'), key).to.equal(true);
      expect(text(row), key).to.contain('not determined');
    }
    expect(text(root(el).querySelector('[part="budget"] tr[data-budget="N"]'))).to.contain('not determined');

    // Never a plain "Converged".
    const status = root(el).querySelector('[part="status"]')!;
    expect(status.classList.contains('ok')).to.equal(false);
    expect(text(status)).to.not.match(/^Status Converged \([^)]*\)$/);

    // The chart still draws the law, along the runs' ratio, for every x.
    expect(curves(el).length, 'a fitted line').to.be.greaterThan(0);
    expect(text(root(el).querySelector('.legend'))).to.contain('20 tokens per parameter');
    for (const x of ['N', 'D']) {
      el.x = x;
      await el.updateComplete;
      expect(curves(el).length, `a fitted line at x=${x}`).to.be.greaterThan(0);
    }
  });

  it('the same in Chinese with lang="zh"', async () => {
    const el = await mount(fitOf(lockstepCsv(), 'lang="zh" budget="5.76e23"'));
    const collinear = items(el).find((li) => li.dataset.code === 'collinear-nd');
    expect(collinear, 'collinear-nd shown').to.exist;
    expect(text(collinear)).to.match(/^(错误|警告) 所有实验的词元数与参数量之比都相同（每个参数约 20 个词元）/);
    expect(text(root(el).querySelector('[part="diagnostics"]'))).to.not.match(/undefined|NaN|\[object|Error|Warning/);
    expect(text(root(el).querySelector('[part="params"] tr[data-param="A"]'))).to.contain('无法确定');
    expect(text(root(el).querySelector('[part="status"]'))).to.contain('数据无法确定所有参数');
    expect(text(root(el).querySelector('.legend'))).to.contain('每个参数 20 个词元');
  });

  it('follows a change of language without refitting', async () => {
    const el = await mount(fitOf(lockstepCsv()));
    const result = el.result;
    el.setAttribute('lang', 'zh');
    await el.updateComplete;
    expect(el.result).to.equal(result);
    expect(text(items(el).find((li) => li.dataset.code === 'collinear-nd'))).to.contain('每个参数约 20 个词元');
  });

  it('the demo data: no warning or error, a plain "Converged", the frontier drawn', async () => {
    const el = await mount(fitOf(demoCsv(), 'budget="5.76e23"'));
    const serious = el.result!.diagnostics.filter((d) => d.severity !== 'info');
    expect(serious, JSON.stringify(serious)).to.deep.equal([]);
    expect(items(el).filter((li) => li.dataset.severity !== 'info')).to.deep.equal([]);
    const status = root(el).querySelector('[part="status"]')!;
    expect(status.classList.contains('ok')).to.equal(true);
    expect(text(status)).to.match(/^Status Converged \(/);
    expect(root(el).querySelectorAll('[part="params"] .undetermined').length).to.equal(0);
    expect(root(el).querySelector('svg.chart path.curve.frontier')).to.exist;
  });
});
