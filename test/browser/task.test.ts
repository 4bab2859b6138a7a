// <scaling-task> in Chromium and Firefox: Gadre et al.'s two-step prediction on their
// RedPajama fit set (the numbers scipy finds), the three views, the chained
// intervals, held-out runs and chance marked, worded errors, Chinese, exports
// that read back, and a fit that always belongs to the data shown.
import { expect } from '@esm-bundle/chai';
import { csvParse } from 'd3-dsv';
import '../../src/elements/task/task.js';
import type { ScalingTask } from '../../src/elements/task/task.component.js';
import { mountWith, plain, root, svg, unmount, until } from './helpers.js';

const GADRE = '/test/fixtures/data/gadre2024-rpj-fit-set.csv';
const GADRE_ATTRS = `src="${GADRE}" form="overtrained" loss="squared" columns="loss=loss_c4_val,metric=err_avg17"`;
// scipy 1.17.1 least_squares on the six fit-set rows (as in test/node/cli/gadre-fit-set.test.ts):
// the task law, and the chain to open_lm_1b at M = 640 (C 7.96e21) and open_lm_7b at M = 20 (C 5.70e21).
const TASK_LAW = { eps: 0.856991910032, k: 2.206490550392, gamma: 0.714590644944 };
const CHAINED = { oneB: 0.4940416544036538, sevenB: 0.4735983293390051 };
const MEASURED = { oneB: 0.47521523167105284, sevenB: 0.47163718062288623 };

const mount = mountWith<ScalingTask>({ width: 720, selector: 'scaling-task', ready: (el) => !!el.result || !!root(el)?.querySelector('.error') });
const near = (got: number, want: number, rel: number) => expect(Math.abs(got - want), `${got} vs ${want}`).to.be.at.most(rel * Math.abs(want));
const alert = (el: ScalingTask) => plain(root(el).querySelector('.error[role="alert"]')?.textContent);

describe('<scaling-task>', () => {
  afterEach(() => unmount());

  it('fits both steps on the six fit-set runs and predicts the two held-out models as scipy does', async () => {
    const el = await mount(`<scaling-task ${GADRE_ATTRS} holdout="2"></scaling-task>`);
    expect(alert(el)).to.equal('');
    const r = el.result!;
    expect(r.taskFit.runs).to.equal(6);
    const params = r.taskFit.law.params as unknown as Record<string, number>;
    near(params.eps, TASK_LAW.eps, 1e-6);
    near(params.k, TASK_LAW.k, 1e-6);
    near(params.gamma, TASK_LAW.gamma, 1e-6);
    expect(r.heldOut.filter(Boolean).length).to.equal(2);
    // Points: six fitted, two held out (hollow), and a diamond at each held-out prediction.
    expect(root(el).querySelectorAll('g.points circle.point.fitted-run').length).to.equal(6);
    expect(root(el).querySelectorAll('g.points circle.point.held-out').length).to.equal(2);
    expect(root(el).querySelectorAll('path.predicted').length).to.equal(2);
    const rows = Array.from(root(el).querySelectorAll('[part="backtest"] tbody tr'), (tr) => Array.from(tr.children, (c) => plain(c.textContent)));
    expect(rows.map((c) => c[0])).to.deep.equal(['7', '8']);
    expect(Number(rows[0][6].split(' ')[0])).to.be.closeTo(CHAINED.oneB, 5e-4);
    expect(Number(rows[1][6].split(' ')[0])).to.be.closeTo(CHAINED.sevenB, 5e-4);
    const mre = (Math.abs(CHAINED.oneB - MEASURED.oneB) / MEASURED.oneB + Math.abs(CHAINED.sevenB - MEASURED.sevenB) / MEASURED.sevenB) / 2;
    expect(plain(root(el).querySelector('[part="backtest"] tfoot')!.textContent)).to.contain(`${(100 * mre).toFixed(1)}%`);
    // The diamonds sit at the chained predictions on the chart's own scale.
    const csv = csvParse(await (await el.exportBlob('csv')).text());
    expect(csv.filter((row) => row.held_out === '1').map((row) => row.row)).to.deep.equal(['7', '8']);
    near(Number(csv.find((row) => row.row === '7')!.chained), CHAINED.oneB, 1e-8);
    near(Number(csv.find((row) => row.row === '8')!.chained), CHAINED.sevenB, 1e-8);
    // Each step's law is written with raised powers, as on the charts: no caret reaches the reader.
    const heads = Array.from(root(el).querySelectorAll('[part="params"] h4'));
    expect(heads.length).to.equal(2);
    for (const h of heads) expect(h.textContent, h.textContent!).to.not.contain('^');
    const powers = Array.from(root(el).querySelectorAll('[part="params"] h4 sup'), (s) => s.textContent);
    expect(powers.length, 'C, M and M again in the loss law').to.equal(3);
    for (const p of powers) expect(p).to.match(/^−?\d+(\.\d+)?$/);
  });

  it('draws the three views: score and loss against compute, score against loss; chance only where a score is plotted', async () => {
    const el = await mount(`<scaling-task ${GADRE_ATTRS} holdout="2" chance="0.85"></scaling-task>`);
    const title = (axis: string) => plain(root(el).querySelector(`.axis-${axis} .title, .axis-${axis} text.title`)?.textContent ?? svg(el).querySelector(`.axis-${axis}`)?.textContent);
    expect(title('y')).to.contain('err_avg17');
    expect(title('x')).to.contain('FLOPs');
    expect(root(el).querySelector('[part="chance"] line')).to.exist;
    (root(el).querySelector('[data-view="loss"]') as HTMLButtonElement).click();
    await until(() => !root(el).querySelector('[part="chance"]'), 4000, 'loss view');
    expect(title('y')).to.contain('Loss');
    (root(el).querySelector('[data-view="step"]') as HTMLButtonElement).click();
    await until(() => !!root(el).querySelector('[part="chance"]'), 4000, 'step view');
    expect(title('x')).to.contain('Loss');
    expect(root(el).querySelector('[data-view="step"]')!.getAttribute('aria-pressed')).to.equal('true');
  });

  it('names the chance level where no run is near it', async () => {
    const el = await mount(`<scaling-task ${GADRE_ATTRS} holdout="2" chance="0.8"></scaling-task>`);
    const label = root(el).querySelector('[part="chance"] text')!.getBoundingClientRect();
    for (const c of root(el).querySelectorAll('g.points circle.point')) {
      const b = c.getBoundingClientRect();
      const overlaps = b.right > label.left && b.left < label.right && b.bottom > label.top && b.top < label.bottom;
      expect(overlaps, 'chance label over a run').to.equal(false);
    }
  });

  it('computes chained intervals on demand: a band, whiskers on the held-out predictions, intervals around the estimate', async () => {
    const el = await mount(`<scaling-task ${GADRE_ATTRS} holdout="2" bootstrap="150"></scaling-task>`);
    let event: unknown;
    el.addEventListener('scaling-chain-done', (e) => { event = e.detail; });
    (root(el).querySelector('[part="bootstrap-button"]') as HTMLButtonElement).click();
    await until(() => !!root(el).querySelector('path.interval.chain'), 20000, 'band');
    const iv = el.intervals!;
    expect(event).to.equal(iv);
    expect(iv.resamples).to.equal(150);
    for (const p of iv.predictions) expect(p.metric.lo).to.be.at.most(p.metric.hi);
    expect(root(el).querySelectorAll('line.whisker').length).to.equal(2);
    expect(plain(root(el).querySelector('.status-line')!.textContent)).to.match(/^\d+ resamples of both fits; 95% intervals\.$/);
  });

  it('auto-intervals starts them once the fits are done', async () => {
    const el = await mount(`<scaling-task ${GADRE_ATTRS} holdout="2" bootstrap="100" auto-intervals></scaling-task>`);
    await until(() => !!el.intervals && !!root(el).querySelector('path.interval.chain'), 20000, 'auto intervals');
    expect(el.intervals!.resamples).to.equal(100);
  });

  it('says in words what is wrong: no score column, a bad holdout, too few runs left, a bad chance', async () => {
    let el = await mount(`<scaling-task src="${GADRE}" columns="loss=loss_c4_val"></scaling-task>`);
    expect(alert(el)).to.contain('No score column').and.to.contain('err_avg17');
    el = await mount(`<scaling-task ${GADRE_ATTRS} holdout="two"></scaling-task>`);
    expect(alert(el)).to.contain('holdout').and.to.contain('"two"');
    el = await mount(`<scaling-task ${GADRE_ATTRS} holdout="5"></scaling-task>`);
    expect(alert(el)).to.contain('The fit failed').and.to.match(/5/);
    el = await mount(`<scaling-task ${GADRE_ATTRS} chance="lots"></scaling-task>`);
    expect(alert(el)).to.contain('chance').and.to.contain('"lots"');
  });

  it('speaks Chinese', async () => {
    const el = await mount(`<scaling-task lang="zh" ${GADRE_ATTRS} holdout="2"></scaling-task>`);
    expect(plain(root(el).querySelector('[data-view="metric"]')!.textContent)).to.equal('得分—计算量');
    expect(plain(root(el).querySelector('[part="backtest"] caption')!.textContent)).to.contain('留出');
    expect(plain(svg(el).getAttribute('aria-label'))).to.contain('留出');
  });

  it('keeps a hostile axis label as text, and names held-out runs in its summary and tooltips', async () => {
    const el = await mount(`<scaling-task ${GADRE_ATTRS} holdout="2" metric-label="<img src=x onerror=alert(1)>"></scaling-task>`);
    expect(root(el).querySelector('img')).to.equal(null);
    expect(svg(el).textContent).to.contain('<img src=x onerror=alert(1)>');
    expect(plain(svg(el).getAttribute('aria-label'))).to.match(/8 runs, 2 of them held out/);
    const held = root(el).querySelector('circle.point.held-out') as SVGCircleElement;
    expect(held.getAttribute('aria-label')).to.contain('held out').and.to.contain('relative error');
  });

  it('exports JSON with both laws and the held-out predictions', async () => {
    const el = await mount(`<scaling-task ${GADRE_ATTRS} holdout="2"></scaling-task>`);
    const json = JSON.parse(await (await el.exportBlob('json')).text());
    expect(json.columns.metric).to.equal('err_avg17');
    expect(json.taskLaw.form).to.equal('task-exp');
    expect(json.lossLaw.form).to.equal('overtrained');
    expect(json.heldOut.map((h: { row: number }) => h.row)).to.deep.equal([7, 8]);
    near(json.heldOut[0].predicted, CHAINED.oneB, 1e-8);
  });

  it('never shows the fit of runs it no longer holds: runs replaced while fitting', async () => {
    const text = await (await fetch(GADRE)).text();
    const lines = text.trim().split('\n');
    const el = document.createElement('scaling-task') as ScalingTask;
    el.setAttribute('columns', 'loss=loss_c4_val,metric=err_avg17');
    el.setAttribute('form', 'overtrained');
    el.runs = text;
    const box = document.createElement('div');
    box.style.width = '640px';
    box.append(el);
    document.body.append(box);
    await new Promise((r) => setTimeout(r, 0));
    // Replaced before the first fit (eight runs) can finish: six runs, then seven.
    el.runs = lines.slice(0, 7).join('\n');
    el.runs = lines.slice(0, 8).join('\n');
    await until(() => !!el.result, 15000, 'fit');
    await new Promise((r) => setTimeout(r, 300));
    expect(el.result!.taskFit.runs).to.equal(7);
    expect(root(el).querySelectorAll('g.points circle.point').length).to.equal(7);
    box.remove();
  });
});
