// <scaling-fit> in Chromium and Firefox: fits from attributes alone, reads every data
// source, says what went wrong in plain words, keeps hostile text as text, is
// keyboard-usable and accessible, speaks Chinese, bootstraps (and cancels),
// and exports data that reads back.
import { expect } from '@esm-bundle/chai';
import { csvParse } from 'd3-dsv';
import '../../src/elements/fit/fit.js';
import { ScalingFit } from '../../src/elements/fit/fit.component.js';
import { demoCsv, demoRuns } from '../../src/data/demo.js';
import type { FitResult } from '../../src/core/fit.js';
import { render } from 'lit';
import { renderParams } from '../../src/elements/fit/params.js';
import { COMMON, FIT, joinTables, translator } from '../../src/i18n/index.js';
import { mountWith, place, plain, root, sleep, svg, unmount, until, wrap } from './helpers.js';

const CHINCHILLA = '/test/fixtures/data/chinchilla-svg-extracted.csv';
/** The reference optimum of the Huber objective on the 240 kept runs (independent numpy computation). */
const REFERENCE_OBJECTIVE = 0.001018274017800597;

/** Mounts markup in a 720 px wide box; resolves with the element once it fired `fit` (or after settling with `fit: false`). */
const mount = mountWith<ScalingFit>({ width: 720, selector: 'scaling-fit', fit: 8000 });

const alert = (el: ScalingFit) => root(el).querySelector('.error[role="alert"]');
const tickTexts = (el: ScalingFit, axis: 'x' | 'y') => Array.from(root(el).querySelectorAll(`.axis-${axis} .tick text`), (t) => t.textContent ?? '');

describe('<scaling-fit>', () => {
  afterEach(() => {
    unmount();
    document.documentElement.removeAttribute('lang');
  });

  it('fits the Chinchilla runs from attributes alone: 240 points, a fitted path, readable axes, the reference optimum', async () => {
    let detail: FitResult | undefined;
    const el = await mount(`<scaling-fit src="${CHINCHILLA}" drop-highest="5"></scaling-fit>`, {
      setup: (e) => e.addEventListener('scaling-fit-done', (ev) => { detail = ev.detail; }),
    });
    expect(alert(el)).to.equal(null);
    expect(root(el).querySelectorAll('g.points circle.point').length).to.equal(240);
    const frontier = root(el).querySelector('path.curve.frontier')!;
    expect(frontier.getAttribute('d')!.length).to.be.greaterThan(100);
    expect(root(el).querySelectorAll('path.curve.fitted').length).to.be.greaterThan(2);
    const xs = tickTexts(el, 'x');
    expect(xs.length).to.be.greaterThan(2);
    for (const t of xs) expect(t).to.match(/^10\d{2}$|^\d×10\d{2}$/);
    expect(root(el).querySelector('.axis-x .tick tspan.sup')).to.exist;
    for (const t of tickTexts(el, 'y')) expect(t).to.match(/^\d+(\.\d+)?$/);
    expect(detail).to.equal(el.result);
    const r = el.result!;
    expect(r.runs).to.equal(240);
    expect(Math.abs(r.objective - REFERENCE_OBJECTIVE) / REFERENCE_OBJECTIVE).to.be.below(1e-10);
    expect(r.converged).to.equal(true);
    expect(root(el).querySelector('[part="status"]')!.textContent).to.contain('Converged');
    expect(root(el).querySelector('.frontier-label text')!.textContent).to.equal('L*(C)');
  });

  it('names the law and the data in its accessible summary, and has a hidden data table', async () => {
    const el = await mount(`<scaling-fit src="${CHINCHILLA}" drop-highest="5"></scaling-fit>`);
    const label = plain(svg(el).getAttribute('aria-label'));
    // Its runs are focusable images, so the chart is a group (an img's children are presentational): marks/points.ts exposeMarks.
    expect(svg(el).getAttribute('role')).to.equal('group');
    expect(label).to.match(/^Loss against training compute C for 240 runs from \/test\/fixtures\/data\/chinchilla-svg-extracted\.csv; fitted L\(N, D\) = 1\.817 \+ 477\.8\/N\^0\.3473 \+ 2143\/D\^0\.3672\./);
    // The table follows the chart a task later (a frame of its own for its layout), with each
    // run's prediction from the fit once the fit is drawn.
    const predicted = () => root(el).querySelector('.visually-hidden > table tbody tr')?.querySelectorAll('td')[4]?.textContent ?? '';
    await until(() => /^\d\.\d+$/.test(predicted()));
    const table = root(el).querySelector('.visually-hidden > table')!;
    expect(table.querySelectorAll('tbody tr').length).to.equal(240);
    expect(table.querySelector('thead')!.textContent).to.contain('Model Size');
    for (const control of root(el).querySelectorAll('select, textarea, input')) {
      const id = control.id;
      expect(id && root(el).querySelector(`label[for="${id}"]`), `label for ${control.outerHTML.slice(0, 60)}`).to.exist;
    }
    for (const b of root(el).querySelectorAll('button')) expect(b.textContent!.trim().length).to.be.greaterThan(0);
  });

  it('reads inline <script type="text/csv"> data', async () => {
    const el = await mount(`<scaling-fit><script type="text/csv">${demoCsv()}</script></scaling-fit>`);
    expect(root(el).querySelectorAll('g.points circle.point').length).to.equal(81);
    expect(el.result!.params).to.have.property('alpha');
    expect(svg(el).getAttribute('aria-label')).to.contain('from inline data');
  });

  it('reads a plain <table> child (the no-JavaScript fallback)', async () => {
    const rows = csvParse(demoCsv()).slice(0, 30);
    const body = rows.map((r) => `<tr><td>${r.N}</td><td>${r.D}</td><td>${r.loss}</td></tr>`).join('');
    const el = await mount(`<scaling-fit><table><thead><tr><th>N</th><th>D</th><th>loss</th></tr></thead><tbody>${body}</tbody></table></scaling-fit>`);
    expect(root(el).querySelectorAll('g.points circle.point').length).to.equal(30);
  });

  it('takes .runs = demoRuns() and re-reads when inline data changes', async () => {
    const el = await mount('<scaling-fit></scaling-fit>', { setup: (e) => { e.runs = demoRuns(); } });
    expect(root(el).querySelectorAll('g.points circle.point').length).to.equal(81);
    expect(el.result!.runs).to.equal(81);
    const again = new Promise((r) => el.addEventListener('scaling-fit-done', r, { once: true }));
    el.runs = undefined;
    const script = document.createElement('script');
    script.type = 'text/csv';
    script.textContent = csvParse(demoCsv()).slice(0, 20).map((r) => `${r.N},${r.D},${r.loss}`).join('\n').replace(/^/, 'N,D,loss\n');
    el.append(script);
    await again;
    await el.updateComplete;
    expect(root(el).querySelectorAll('g.points circle.point').length).to.equal(20);
  });

  it('shows a friendly empty state with paste and file controls, and fits pasted runs', async () => {
    const el = await mount('<scaling-fit></scaling-fit>', { fit: false });
    expect(alert(el)).to.equal(null);
    expect(svg(el)).to.equal(null);
    expect(root(el).textContent).to.contain('No training runs yet.');
    expect(root(el).querySelector('input[type="file"]')).to.exist;
    const area = root(el).querySelector('textarea')!;
    area.value = demoCsv();
    const fitted = new Promise((r) => el.addEventListener('scaling-fit-done', r, { once: true }));
    (root(el).querySelector('[part="paste-button"]') as HTMLButtonElement).click();
    await fitted;
    await el.updateComplete;
    expect(root(el).querySelectorAll('g.points circle.point').length).to.equal(81);
  });

  it('reads a chosen file in the page', async () => {
    const el = await mount('<scaling-fit></scaling-fit>', { fit: false });
    const input = root(el).querySelector('input[type="file"]') as HTMLInputElement;
    const data = new DataTransfer();
    data.items.add(new File([demoCsv()], 'runs.csv', { type: 'text/csv' }));
    input.files = data.files;
    const fitted = new Promise((r) => el.addEventListener('scaling-fit-done', r, { once: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await fitted;
    await el.updateComplete;
    expect(root(el).querySelectorAll('g.points circle.point').length).to.equal(81);
    expect(svg(el).getAttribute('aria-label')).to.contain('runs.csv');
  });

  it('says which URL failed and how when src answers 404', async () => {
    let message = '';
    const el = await mount('<scaling-fit src="/test/fixtures/data/no-such-file.csv"></scaling-fit>', {
      fit: false, setup: (e) => e.addEventListener('scaling-error', (ev) => { message = ev.detail.message; }),
    });
    await until(() => !!alert(el));
    expect(alert(el)!.textContent).to.contain('/test/fixtures/data/no-such-file.csv');
    expect(alert(el)!.textContent).to.contain('404');
    expect(message).to.contain('404');
    expect(svg(el)).to.equal(null);
  });

  it('draws the legend swatch of the per-size curves in the size colours, as the curves are', async () => {
    const el = await mount(`<scaling-fit src="${CHINCHILLA}" drop-highest="5"></scaling-fit>`);
    const swatch = svg(el).querySelector('.legend .swatch-sizes')!;
    const colours = Array.from(swatch.querySelectorAll('line'), (l) => getComputedStyle(l).stroke);
    expect(colours.length).to.equal(3);
    expect(new Set(colours).size).to.equal(3);
    const curve = svg(el).querySelector('path.curve.fitted.size-0')!;
    expect(colours[0]).to.equal(getComputedStyle(curve).stroke);
  });

  it('puts the frontier\'s name where it overlaps no run and no line, at phone and desktop widths, or leaves it to the legend', async () => {
    for (const width of [320, 375, 768, 1280]) {
      const el = await mount(`<scaling-fit src="${CHINCHILLA}" drop-highest="5"></scaling-fit>`, { width });
      const label = svg(el).querySelector('.frontier-label text') as SVGTextElement | null;
      if (!label) {
        expect(plain(svg(el).querySelector('.legend')!.textContent)).to.contain('L*(C)');
        continue;
      }
      const b = label.getBBox();
      const hit = (x: number, y: number, pad = 0) => x >= b.x - pad && x <= b.x + b.width + pad && y >= b.y - pad && y <= b.y + b.height + pad;
      for (const c of svg(el).querySelectorAll('g.points circle')) {
        expect(hit(+c.getAttribute('cx')!, +c.getAttribute('cy')!, 2), `${width} px: label over a run`).to.equal(false);
      }
      for (const path of svg(el).querySelectorAll<SVGPathElement>('path.curve')) {
        if (path.closest('.legend')) continue;
        const n = path.getTotalLength();
        for (let k = 0; k <= 400; k++) {
          const p = path.getPointAtLength((n * k) / 400);
          expect(hit(p.x, p.y), `${width} px: label over ${path.getAttribute('class')}`).to.equal(false);
        }
      }
    }
  });

  it('names the row and the column of a bad value', async () => {
    const csv = 'N,D,loss\n1e8,2e9,3.1\n2e8,lots,2.9\n';
    const el = await mount(`<scaling-fit><script type="text/csv">${csv}</script></scaling-fit>`, { fit: false });
    await until(() => !!alert(el));
    expect(alert(el)!.textContent).to.contain('line 3, column "D"');
    expect(alert(el)!.textContent).to.contain('"lots"');
  });

  it('shows hostile column names and values as text, never as markup', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    (window as { alert?: unknown }).alert = () => { (window as { __pwned?: number }).__pwned = 1; };
    const body = csvParse(demoCsv()).slice(0, 12).map((r) => `${r.N},${r.D},${r.loss}`).join('\n');
    const el = await mount('<scaling-fit></scaling-fit>', { setup: (e) => { e.runs = `${hostile},D,loss\n${body}\n`; e.columns = { N: hostile }; } });
    const heads = Array.from(root(el).querySelectorAll('.visually-hidden thead th'), (th) => th.textContent);
    expect(heads).to.include(hostile);

    const bad = document.createElement('scaling-fit');
    bad.runs = `N,D,loss\n1e8,2e9,${hostile}\n`;
    wrap!.append(bad);
    await until(() => !!alert(bad));
    expect(alert(bad)!.textContent).to.contain(hostile);
    for (const node of [el, bad]) expect(root(node).querySelector('img')).to.equal(null);
    await sleep(50);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('shows a tooltip when a point gets keyboard focus, and arrow keys move between points', async () => {
    const el = await mount('<scaling-fit></scaling-fit>', { setup: (e) => { e.runs = demoRuns(); } });
    const points = Array.from(root(el).querySelectorAll<SVGCircleElement>('g.points circle.point'));
    expect(points.filter((p) => p.getAttribute('tabindex') === '0').length).to.equal(1);
    points[0].focus();
    const tip = root(el).querySelector('.tooltip') as HTMLElement;
    expect(tip.hidden).to.equal(false);
    expect(tip.textContent).to.contain('Loss = ');
    expect(tip.textContent).to.contain('Predicted = ');
    points[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }));
    expect(root(el).activeElement).to.equal(points[1]);
  });

  it('speaks Chinese with lang="zh"', async () => {
    const el = await mount('<scaling-fit lang="zh" budget="5.76e23"></scaling-fit>', { setup: (e) => { e.runs = demoRuns(); } });
    expect(root(el).querySelector('.axis-x .axis-title')!.textContent).to.equal('训练计算量 C（FLOPs）');
    expect(root(el).querySelector('.axis-y .axis-title')!.textContent).to.equal('损失（奈特/词元）');
    expect(root(el).querySelector('[part="bootstrap-button"]')!.textContent).to.equal('自助法置信区间');
    expect(root(el).querySelector('.params caption')!.textContent).to.equal('拟合参数');
    expect(root(el).querySelector('.budget caption')!.textContent).to.contain('计算最优');
    expect(svg(el).getAttribute('aria-label')).to.contain('拟合结果 L(N, D)');
    expect(root(el).querySelector('[part="export-button"]')!.textContent).to.equal('导出');
  });

  it('switches to residuals and to N on the x axis', async () => {
    const el = await mount('<scaling-fit></scaling-fit>', { setup: (e) => { e.runs = demoRuns(); } });
    const [fitButton, residualButton] = root(el).querySelectorAll<HTMLButtonElement>('[part="view"] button');
    residualButton.click();
    await el.updateComplete;
    expect(residualButton.getAttribute('aria-pressed')).to.equal('true');
    expect(root(el).querySelector('.axis-y .axis-title')!.textContent).to.contain('Residual');
    expect(root(el).querySelector('.zero line')).to.exist;
    expect(root(el).querySelectorAll('g.points circle.point').length).to.equal(81);
    fitButton.click();
    const select = root(el).querySelector('[part="x-select"]') as HTMLSelectElement;
    select.value = 'N';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(root(el).querySelector('.axis-x .axis-title')!.textContent).to.equal('Parameters N');
    expect(tickTexts(el, 'x').some((t) => /^\d+(\.\d+)?[MB]$/.test(t))).to.equal(true);
  });

  it('bootstraps 200 resamples: a band, intervals in the table; and a cancel leaves no band', async () => {
    const el = await mount('<scaling-fit bootstrap="200" budget="5.76e23"></scaling-fit>', { setup: (e) => { e.runs = demoRuns(); } });
    const button = root(el).querySelector('[part="bootstrap-button"]') as HTMLButtonElement;
    const booted = new Promise<CustomEvent>((r) => el.addEventListener('scaling-bootstrap-done', (e) => r(e), { once: true }));
    button.click();
    await el.updateComplete;
    expect(root(el).querySelector('[part="bootstrap-progress"] progress')).to.exist;
    expect(root(el).querySelector('[part="bootstrap-cancel"]')).to.exist;
    const e = await booted;
    await el.updateComplete;
    expect(e.detail.resamples).to.equal(200);
    expect(el.intervals).to.equal(e.detail);
    // The intervals' point estimates are the element's own fit, the numbers in its parameter table.
    const fitted = el.result!.params as unknown as Record<string, number>;
    for (const k of ['A', 'B', 'E', 'alpha', 'beta'] as const) expect(e.detail.params[k].estimate, k).to.equal(fitted[k]);
    const band = root(el).querySelector('path.interval')!;
    expect(band.getAttribute('d')!.length).to.be.greaterThan(100);
    const alpha = root(el).querySelector('.params tr[data-param="alpha"] .interval-cell')!.textContent!;
    expect(alpha).to.match(/^0\.\d+ – 0\.\d+$/);
    expect(root(el).querySelector('.budget tr[data-budget="N"] .interval-cell')!.textContent).to.match(/B – .+B$/);

    // Run again and cancel at once: the band goes, the button comes back.
    (root(el).querySelector('[part="bootstrap-button"]') as HTMLButtonElement).click();
    await el.updateComplete;
    (root(el).querySelector('[part="bootstrap-cancel"]') as HTMLButtonElement).click();
    await until(() => !root(el).querySelector('[part="bootstrap-progress"]'));
    await el.updateComplete;
    expect(root(el).querySelector('path.interval')).to.equal(null);
    expect(root(el).querySelector('[part="bootstrap-button"]')).to.exist;
    expect(el.intervals).to.equal(undefined);
    expect(root(el).textContent).to.contain('Bootstrap cancelled.');
  });

  it('exports a CSV that parses back with one row per run, and JSON, Python and LaTeX of the fit', async () => {
    const el = await mount(`<scaling-fit src="${CHINCHILLA}" drop-highest="5"></scaling-fit>`);
    const got = new Promise<CustomEvent>((resolve) => el.addEventListener('scaling-export', (e) => { e.preventDefault(); resolve(e); }));
    (root(el).querySelector('[part="export-item"][data-format="csv"]') as HTMLButtonElement).click();
    const rows = csvParse(await (await got).detail.blob.text());
    expect(rows.length).to.equal(240);
    expect(rows.columns).to.deep.equal(['row', 'N', 'D', 'C', 'loss', 'predicted', 'residual']);
    const r = rows[0];
    expect(Number(r.residual)).to.be.closeTo(Math.log(Number(r.loss)) - Math.log(Number(r.predicted)), 1e-12);
    const json = JSON.parse(await (await el.exportBlob('json')).text());
    expect(json.result.objective).to.equal(el.result!.objective);
    expect(await (await el.exportBlob('python')).text()).to.contain('def L(N, D):');
    expect(await (await el.exportBlob('latex')).text()).to.contain('\\alpha');
    const svgText = await (await el.exportBlob('svg')).text();
    expect(new DOMParser().parseFromString(svgText, 'image/svg+xml').querySelectorAll('g.points circle.point').length).to.equal(240);
  });

  it('offers a column picker when the header has alternatives, and refits with the choice', async () => {
    const rows = csvParse(demoCsv());
    const csv = ['params,N_no_embed,tokens,loss', ...rows.map((r) => `${r.N},${Number(r.N) * 0.9},${r.D},${r.loss}`)].join('\n');
    const el = await mount('<scaling-fit></scaling-fit>', { setup: (e) => { e.runs = csv; } });
    expect(el.result!.runs).to.equal(81);
    const select = root(el).querySelector('[part="columns"] select[data-role="N"]') as HTMLSelectElement;
    expect(Array.from(select.options, (o) => o.value)).to.deep.equal(['params', 'N_no_embed']);
    expect(root(el).querySelector(`label[for="${select.id}"]`)!.textContent).to.contain('parameters N');
    const first = el.result!;
    const refit = new Promise<CustomEvent<FitResult>>((r) => el.addEventListener('scaling-fit-done', (e) => r(e), { once: true }));
    select.value = 'N_no_embed';
    select.dispatchEvent(new Event('change'));
    const e = await refit;
    expect(el.columns).to.deep.equal({ N: 'N_no_embed' });
    expect(e.detail).to.not.equal(first);
    expect(e.detail.params).to.not.deep.equal(first.params);
  });

  it('says visibly when a fit did not converge, and why', () => {
    const box = document.createElement('div');
    const result = { params: { A: 1, B: 2, E: 1.5, alpha: 0.3, beta: 0.3 }, objective: 0.5, runs: 10, converged: false, status: 'iteration-limit' } as unknown as FitResult;
    render(renderParams(result, undefined, translator(joinTables(COMMON, FIT), 'en'), 'en'), box);
    expect(box.querySelector('.status.bad')!.textContent).to.contain('NOT converged: iteration limit reached');
    render(renderParams(result, undefined, translator(joinTables(COMMON, FIT), 'zh'), 'zh'), box);
    expect(box.querySelector('.status.bad')!.textContent).to.contain('未收敛：达到迭代次数上限');
  });

  it('keeps side-by-side fits apart: an exact fit and a fast one on other data each fit their own runs', async () => {
    place(`<scaling-fit id="a" strategy="exact"></scaling-fit><scaling-fit id="b" src="${CHINCHILLA}" drop-highest="5"></scaling-fit>`, { width: 720, connect: false });
    const [a, b] = Array.from(wrap.querySelectorAll('scaling-fit'));
    a.runs = demoRuns();
    const done = [a, b].map((el) => new Promise<FitResult>((r) => el.addEventListener('scaling-fit-done', (e) => r(e.detail), { once: true })));
    document.body.append(wrap);
    const [ra, rb] = await Promise.all(done);
    expect(ra.strategy).to.equal('exact');
    expect(ra.runs).to.equal(81);
    expect(ra.objective).to.be.closeTo(0.0005675630898977, 1e-12);
    expect(Math.abs(rb.objective - REFERENCE_OBJECTIVE) / REFERENCE_OBJECTIVE).to.be.below(1e-10);
  });

  it('explains bad attributes in plain words', async () => {
    const el = await mount('<scaling-fit form="chinchila" x="Q"></scaling-fit>', { fit: false, setup: (e) => { e.runs = demoRuns(); } });
    expect(alert(el)!.textContent).to.contain('form attribute must be one of');
    el.form = 'chinchilla';
    await el.updateComplete;
    expect(plain(alert(el)!.textContent)).to.contain('x attribute must be one of C, N, D; got "Q"');
  });

  it('refuses a task form in place: it predicts a score, not the loss this element draws', async () => {
    const el = await mount('<scaling-fit form="task-exp"></scaling-fit>', { fit: false, setup: (e) => { e.runs = demoRuns(); } });
    const text = plain(alert(el)!.textContent);
    expect(text).to.contain('form attribute must be one of');
    expect(text).to.contain('got "task-exp"');
    expect(text).to.not.contain('task-sigmoid');
  });

  it('define() is idempotent', () => {
    expect(() => ScalingFit.define('scaling-fit')).to.not.throw();
    expect(customElements.get('scaling-fit')).to.equal(ScalingFit);
  });
});
