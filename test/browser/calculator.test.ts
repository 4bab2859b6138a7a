// <scaling-calculator> in Chromium and Firefox: a budget → N*, D*, loss and cost per law,
// from attributes alone; GPU mode; slider, keyboard and text input; URL hash
// state (and a hostile hash); a linked fit through a stand-in element;
// accessibility, Chinese, exports, speed.
import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import { csvParse } from 'd3-dsv';
import '../../src/elements/calculator/calculator.js';
import type { ScalingCalculator } from '../../src/elements/calculator/calculator.component.js';
import { readHash, scenarioFields, writeHash } from '../../src/elements/calculator/hash.js';
import { CALC_DEFAULTS, parseNumber, type CalcResult, type Scenario } from '../../src/elements/calculator/model.js';
import { CALCULATOR, COMMON, joinTables, translator } from '../../src/i18n/index.js';
import { mountWith, plain, root, settle, sleep, unmount, wrap } from './helpers.js';

/** Mounts markup in a 760 px wide box and waits until the calculator has drawn at that size. */
const mount = mountWith<ScalingCalculator>({ width: 760, selector: 'scaling-calculator' });

const $ = <T extends Element = HTMLElement>(el: ScalingCalculator, sel: string) => root(el).querySelector(sel) as T;
const alert = (el: ScalingCalculator) => root(el).querySelector('[role="alert"]');
const result = (el: ScalingCalculator) => el.result as CalcResult;
/** The results table as { row label: [cell texts] }. */
const table = (el: ScalingCalculator) => Object.fromEntries(Array.from(root(el).querySelectorAll('table.results tbody tr'), (tr) =>
  [tr.querySelector('th')!.textContent!.trim(), Array.from(tr.querySelectorAll('td'), (td) => td.textContent!.trim())]));
const near = (x: number, want: number, rel: number) => expect(Math.abs(x - want) / want, `${x} vs ${want}`).to.be.below(rel);
const result0: Scenario = { mode: 'flops', C: CALC_DEFAULTS.C, laws: CALC_DEFAULTS.laws, hardware: 'h100-sxm', gpus: 1024, days: 30, mfu: 0.4, price: 2, inferenceTokens: 0 };
const clearHash = () => history.replaceState(null, '', location.pathname + location.search);

describe('<scaling-calculator>', () => {
  afterEach(() => {
    unmount();
    clearHash();
    document.documentElement.removeAttribute('lang');
  });

  it('renders from attributes alone: the budget, one column per law, a chart with a curve per loss law', async () => {
    const el = await mount('<scaling-calculator></scaling-calculator>');
    expect(alert(el)).to.equal(null);
    // Heads name each law for readers; the id is only in the tooltip.
    const cols = Array.from(root(el).querySelectorAll('table.results thead th[scope="col"][title]'));
    expect(cols.map((th) => plain(th.textContent).trim())).to.deep.equal(['Besiroglu 2024', 'Hoffmann 2022', 'Llama 3 2024']);
    expect(cols.map((th) => /\(([^)]+)\)$/.exec(th.getAttribute('title')!)![1])).to.deep.equal(['besiroglu2024', 'hoffmann2022', 'llama3-2024']);
    expect($(el, 'table.results caption').textContent).to.contain('5.76×10²³');
    const budget = Array.from(root(el).querySelectorAll('.budget dd:not(.sub)'), (d) => d.textContent);
    expect(budget).to.deep.equal(['5.76×10²³', '404K', '16.5 days', '$809K', '340 MWh', '163 t CO₂e']);
    expect(root(el).querySelectorAll('svg.chart path.curve').length, 'llama3 has no loss curve').to.equal(2);
    expect(root(el).querySelectorAll('svg.chart .budget-dot').length).to.equal(2);
    expect(root(el).querySelectorAll('[style]').length, 'no inline styles (CSP)').to.equal(0);
  });

  it('gives the worked values of docs/laws.md at C = 5.76e23', async () => {
    const el = await mount('<scaling-calculator budget="5.76e23" laws="besiroglu2024,hoffmann2022-rounded"></scaling-calculator>');
    const [epoch, printed] = result(el).rows;
    near(epoch.N, 72.3e9, 0.002);
    near(epoch.D, 1.33e12, 0.005);
    near(epoch.tokensPerParam, 18.4, 0.005);
    near(printed.N, 32.2e9, 0.002);
    near(printed.D, 2.98e12, 0.002);
    near(printed.tokensPerParam, 92.6, 0.002);
    expect(epoch.N * epoch.D * 6).to.be.closeTo(5.76e23, 5.76e23 * 1e-12);
    const t = table(el);
    // Column heads are names for readers, never preset ids.
    const heads = Array.from(root(el).querySelectorAll('table.results thead th'), (th) => plain(th.textContent));
    expect(heads.join(' | ')).to.contain('Hoffmann 2022, printed').and.to.contain('Besiroglu 2024');
    expect(heads.join(' | ')).to.not.match(/hoffmann2022|besiroglu2024/);
    expect(t['Parameters N*'][1]).to.equal('32.2B');
    expect(t['Training tokens D*'][1]).to.equal('2.98T');
    expect(t['Parameters N*'][0]).to.match(/^72\.[34]B$/);
    const cell = $(el, 'table.results tbody tr td');
    expect(Number(cell.getAttribute('title')), 'full precision in title').to.equal(epoch.N);
  });

  it('GPU mode: 16,384 H100 × 67.8 days × 40% MFU ≈ 3.8e25 FLOPs (dense peak, not sparse)', async () => {
    const el = await mount('<scaling-calculator mode="gpu" gpus="16384" days="67.8" mfu="0.4" hardware="h100-sxm" laws="llama3-2024"></scaling-calculator>');
    const expected = 16384 * 67.8 * 86400 * 989.4e12 * 0.4;
    const b = result(el).budget;
    expect(b.C).to.be.closeTo(expected, expected * 1e-12);
    near(b.C, 3.8e25, 0.005);
    expect(b.gpuHours).to.be.closeTo(16384 * 67.8 * 24, 1e-6);
    expect(b.dollars).to.be.closeTo(16384 * 67.8 * 24 * 2, 1e-3);
    expect($(el, '[part="gpu-flops"]').textContent).to.contain('3.8×10²⁵');
    el.hardware = 'a100-sxm';
    await el.updateComplete;
    expect(result(el).budget.C).to.be.closeTo((expected * 312) / 989.4, expected * 1e-12);
  });

  it('updates the table and emits scaling-change as the slider moves, once per step (npm run bench times the steps)', async () => {
    const el = await mount('<scaling-calculator laws="besiroglu2024,hoffmann2022,kaplan2020-nd" inference-tokens="2T"></scaling-calculator>');
    const seen: CalcResult[] = [];
    el.addEventListener('scaling-change', (e) => seen.push(e.detail));
    const slider = $<HTMLInputElement>(el, '#flops-slider');
    const before = table(el)['Parameters N*'][0];
    slider.value = '24';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    await el.updateComplete;
    expect(seen.length).to.equal(1);
    expect(seen[0].budget.C).to.equal(1e24);
    expect(seen[0].rows.map((r) => r.key)).to.deep.equal(['besiroglu2024', 'hoffmann2022', 'kaplan2020-nd']);
    expect(table(el)['Parameters N*'][0]).to.not.equal(before);
    expect($(el, 'table.results caption').textContent).to.contain('10²⁴');
    for (let i = 0; i < 70; i++) {
      slider.value = String(18.5 + (i % 30) * 0.28);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      await el.updateComplete;
    }
    expect(seen.length).to.equal(71);
    // the last step put the slider at 18.5 + 9·0.28 = 21.02: 10^21.02 = 1.0471e21, kept to three digits
    expect(seen[70].budget.C).to.equal(1.05e21);
  });

  it('moves the slider with the keyboard: arrows a tenth of a decade, PageUp a decade, Home and End', async () => {
    const el = await mount('<scaling-calculator></scaling-calculator>');
    const slider = $<HTMLInputElement>(el, '#flops-slider');
    slider.focus();
    const press = async (key: string) => { await sendKeys({ press: key }); await el.updateComplete; return el.flops; };
    const at = (v: number) => Number((10 ** v).toPrecision(3));
    expect(await press('ArrowRight')).to.equal(at(23.86));
    expect(await press('PageUp')).to.equal(at(24.86));
    expect(await press('ArrowLeft')).to.equal(at(24.76));
    expect(await press('Home')).to.equal(1e18);
    expect(slider.getAttribute('aria-valuetext')).to.equal('10¹⁸ FLOPs');
    expect(root(el).activeElement).to.equal(slider);
  });

  it('takes FLOPs typed as 5.76e23 or 5.76×10^23, and flags bad text in words without changing anything', async () => {
    const el = await mount('<scaling-calculator budget="1e22"></scaling-calculator>');
    const input = $<HTMLInputElement>(el, '#f-flops');
    const type = async (text: string) => {
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await el.updateComplete;
    };
    await type('5.76e23');
    expect(el.flops).to.equal(5.76e23);
    await type('3×10^24');
    expect(el.flops).to.equal(3e24);
    await type('lots');
    expect(el.flops).to.equal(3e24);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#e-flops').textContent).to.contain('Enter a number from 10¹² to 10³²');
    // The figures below are for 3e24, not for "lots": result is undefined, and they are dimmed and said to be stale.
    expect(el.result).to.equal(undefined);
    expect($(el, '[part="stale"]').textContent).to.contain('for the last valid inputs');
    expect($(el, '.outputs').classList.contains('stale')).to.equal(true);
    let exportError = '';
    try { await el.exportBlob('csv'); } catch (e) { exportError = (e as Error).message; }
    expect(exportError).to.contain('last valid inputs');
    await type('1e24');
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect($(el, '#e-flops')).to.equal(null);
    expect(el.result!.scenario.C).to.equal(1e24);
    expect($(el, '[part="stale"]')).to.equal(null);
    expect($(el, '.outputs').classList.contains('stale')).to.equal(false);
  });

  it('round-trips its state through the URL hash', async () => {
    history.replaceState(null, '', '#calc=C:1e24,laws:besiroglu2024|hoffmann2022-rounded,mode:flops');
    const el = await mount('<scaling-calculator hash-state></scaling-calculator>');
    expect(result(el).scenario.C).to.equal(1e24);
    expect(result(el).scenario.laws).to.deep.equal(['besiroglu2024', 'hoffmann2022-rounded']);
    el.flops = 2.5e25;
    el.inferenceTokens = 1e13;
    await el.updateComplete;
    await sleep(350);
    expect(location.hash).to.contain('C:2.5e25');
    expect(location.hash).to.contain('inf:1e13');
    const saved = scenarioFields(result(el).scenario);
    wrap.remove();
    const again = await mount('<scaling-calculator hash-state></scaling-calculator>');
    expect(scenarioFields(result(again).scenario)).to.equal(saved);

    $<HTMLInputElement>(again, 'input[name="mode"][value="gpu"]').click();
    again.gpus = 16384;
    again.days = 67.8;
    await again.updateComplete;
    await sleep(350);
    expect(location.hash).to.match(/mode:gpu,gpus:16384,days:67\.8/);
    wrap.remove();
    const third = await mount('<scaling-calculator hash-state></scaling-calculator>');
    expect(third.mode).to.equal('gpu');
    near(result(third).budget.C, 3.8e25, 0.005);
    expect(root(third).querySelector('[part="notice"]')).to.equal(null);
  });

  it('shows a hostile or malformed hash as plain text, injects nothing and keeps the valid parts', async () => {
    history.replaceState(null, '', '#calc=<img src=x onerror="window.__pwned=1">');
    const el = await mount('<scaling-calculator hash-state></scaling-calculator>');
    const notice = $(el, '[part="notice"]');
    expect(notice.textContent).to.contain('<img src=x onerror="window.__pwned=1">');
    expect(root(el).querySelector('img')).to.equal(null);
    expect(document.querySelector('img')).to.equal(null);
    expect(result(el).scenario.C, 'defaults stand').to.equal(5.76e23);
    wrap.remove();

    history.replaceState(null, '', '#top&calc=C:lots,mode:gpu,laws:nope|besiroglu2024,bogus:1,mfu:7,days:');
    const el2 = await mount('<scaling-calculator hash-state></scaling-calculator>');
    const text = plain($(el2, '[part="notice"]').textContent);
    for (const bit of ['C: “lots”', 'laws: “nope”', 'bogus: “1”', 'mfu: “7”', 'days: “”']) expect(text).to.contain(bit);
    expect(alert(el2), 'the valid parts still compute').to.equal(null);
    expect(el2.mode).to.equal('gpu');
    expect(result(el2).scenario.laws).to.deep.equal(['besiroglu2024']);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    await sleep(50);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('adds a linked fit: by its fit event, and by .result, in either order', async () => {
    const law = { form: 'chinchilla', params: { E: 1.8, A: 400, B: 2000, alpha: 0.34, beta: 0.36 } };
    // The calculator first; the fit element appears later and announces its fit.
    const el = await mount('<scaling-calculator for="my-fit" laws="hoffmann2022"></scaling-calculator>');
    expect(result(el).rows.map((r) => r.key)).to.deep.equal(['hoffmann2022']);
    const standIn = (id: string) => wrap.appendChild(Object.assign(document.createElement('div'), { id }));
    const announce = (from: Element, A: number) => from.dispatchEvent(new CustomEvent('scaling-fit-done', { bubbles: true, composed: true, detail: { law: { ...law, params: { ...law.params, A } }, objective: 1e-3 } }));
    const fit = standIn('my-fit');
    announce(fit, 400);
    await el.updateComplete;
    expect(result(el).rows.map((r) => r.key)).to.deep.equal(['fit', 'hoffmann2022']);
    const head = $(el, 'table.results thead th[scope="col"]:nth-child(2)');
    expect(head.textContent).to.contain('Your fit');
    // Readers see names, not element ids: the id is in the header's tooltip only.
    expect(head.getAttribute('title')).to.equal('Law fitted on this page (#\u2068my-fit\u2069)');
    expect(el.shadowRoot!.textContent, 'no text in the element names the id').to.not.contain('my-fit');
    const first = result(el).rows[0].N;
    announce(fit, 800);
    await el.updateComplete;
    expect(result(el).rows[0].N).to.be.greaterThan(first);
    const second = result(el).rows[0].N;
    announce(standIn('other'), 50); // another element's fit is not ours
    await el.updateComplete;
    expect(result(el).rows[0].N).to.equal(second);
    wrap.remove();

    // A fit element already fitted before the calculator connects: read from .result.
    const host = document.body.appendChild(document.createElement('div'));
    host.append(Object.assign(document.createElement('div'), { id: 'ready-fit', result: { law } }));
    const el2 = host.appendChild(Object.assign(document.createElement('scaling-calculator'), { for: 'ready-fit' }));
    await settle(el2);
    expect(result(el2).rows[0].key).to.equal('fit');
    host.remove();

    // <scaling-fit> defined after the calculator: its .result is read once the tag is defined.
    const el3 = await mount('<scaling-fit id="late"></scaling-fit><scaling-calculator for="late" laws="besiroglu2024"></scaling-calculator>');
    expect(result(el3).rows.length).to.equal(1);
    if (!customElements.get('scaling-fit')) {
      customElements.define('scaling-fit', class extends HTMLElement { result = { law }; });
      await sleep(0);
      await el3.updateComplete;
      expect(result(el3).rows.map((r) => r.key)).to.deep.equal(['fit', 'besiroglu2024']);
    }
  });

  it('shows allocation rules with N* and D* but no loss, and explains why', async () => {
    const el = await mount('<scaling-calculator laws="llama3-2024,deepseek2024"></scaling-calculator>');
    const t = table(el);
    expect(t['Predicted loss']).to.deep.equal(['—', '—']);
    expect(t['Parameters N*'][0]).to.equal('55.9B');
    expect(t['Parameters N*'][1]).to.match(/^≈ 8\dB$/);
    expect(t.Notes[1]).to.contain('M/6');
    expect(root(el).querySelectorAll('svg.chart path.curve').length, 'falls back to N* against C').to.equal(2);
  });

  it('adds the inference-aware split when inference tokens are given', async () => {
    const el = await mount('<scaling-calculator laws="besiroglu2024,llama3-2024" inference-tokens="5T"></scaling-calculator>');
    const [row] = result(el).rows;
    expect(row.inference!.N).to.be.lessThan(row.N);
    expect(row.inference!.savingFraction).to.be.within(0, 1);
    const t = table(el);
    expect(t['Inference-aware N'][0]).to.match(/B$/);
    expect(t['Lifetime FLOPs saved'][0]).to.match(/%$/);
    expect(t['Lifetime FLOPs saved'][1]).to.equal('—');
  });

  it('labels every control and speaks Chinese with lang="zh"', async () => {
    const el = await mount('<scaling-calculator lang="zh" mode="gpu"></scaling-calculator>');
    for (const c of root(el).querySelectorAll<HTMLInputElement>('input, select')) {
      expect(c.labels?.length ?? 0, c.outerHTML).to.be.greaterThan(0);
      expect(c.labels![0].textContent!.trim()).to.not.equal('');
    }
    expect($(el, '.mode legend').textContent).to.equal('预算');
    expect($(el, 'label[for="f-days"]').textContent).to.equal('天数');
    expect(Object.keys(table(el))).to.include('参数量 N*');
    expect($(el, '[part="export-button"]').textContent).to.equal('导出');
    expect($(el, 'svg.chart').getAttribute('aria-label')).to.contain('计算最优损失');
    el.removeAttribute('lang');
    el.mode = 'flops';
    await el.updateComplete;
    for (const c of root(el).querySelectorAll<HTMLInputElement>('input, select')) expect(c.labels?.length ?? 0, c.outerHTML).to.be.greaterThan(0);
    expect($(el, 'label[for="flops-slider"]').textContent).to.equal('Training compute (log scale)');
  });

  it('summarises the chart for screen readers and announces the result politely after a change', async () => {
    const el = await mount('<scaling-calculator laws="besiroglu2024,hoffmann2022"></scaling-calculator>');
    const svg = $(el, 'svg.chart');
    expect(svg.getAttribute('role')).to.equal('img');
    const label = svg.getAttribute('aria-label')!;
    expect(label).to.contain('compute-optimal loss against training compute from 10¹⁸ to 10²⁷ FLOPs');
    expect(label).to.contain('5.76×10²³ FLOPs, reads Besiroglu 2024 1.974');
    const hidden = $(el, '[part="chart-table"]');
    expect(hidden.closest('.visually-hidden')).to.exist;
    expect(hidden.querySelectorAll('tbody tr').length).to.equal(10);
    const live = $(el, '[part="announce"]');
    expect(live.getAttribute('aria-live')).to.equal('polite');
    expect(live.textContent!.trim(), 'quiet at load').to.equal('');
    el.flops = 1e24;
    await el.updateComplete;
    await sleep(700);
    expect(live.textContent).to.contain('At 10²⁴ FLOPs:');
    expect(live.textContent).to.match(/Besiroglu 2024: [\d.]+B parameters on [\d.]+T tokens/);
  });

  it('exports the table as CSV and JSON at full precision, the chart as SVG and PNG', async () => {
    const el = await mount('<scaling-calculator laws="besiroglu2024,llama3-2024"></scaling-calculator>');
    const rows = csvParse(await (await el.exportBlob('csv')).text());
    expect(rows.map((r) => r.law)).to.deep.equal(['besiroglu2024', 'llama3-2024']);
    expect(Number(rows[0].N)).to.equal(result(el).rows[0].N);
    expect(rows[1].loss).to.equal('');
    expect(Number(rows[0].peak_flops_per_s)).to.equal(989.4e12);
    const json = JSON.parse(await (await el.exportBlob('json')).text());
    expect(json.scenario.C).to.equal(5.76e23);
    expect(json.rows[1].loss).to.equal(null);
    expect(json.hash).to.contain('C:5.76e23');
    const doc = new DOMParser().parseFromString(await (await el.exportBlob('svg')).text(), 'image/svg+xml');
    expect(doc.querySelector('parsererror')).to.equal(null);
    expect(doc.querySelectorAll('.budget-dot').length).to.equal(1);
    const png = new Uint8Array(await (await el.exportBlob('png')).arrayBuffer());
    expect(Array.from(png.slice(1, 4), (c) => String.fromCharCode(c)).join('')).to.equal('PNG');
    const items = Array.from(root(el).querySelectorAll('[part="export-item"]'), (b) => (b as HTMLElement).dataset.format);
    expect(items).to.deep.equal(['svg', 'png', 'csv', 'json']);
  });

  it('explains bad attributes in plain words and keeps the form usable', async () => {
    const cases: [string, RegExp][] = [
      ['laws="nope"', /Unknown preset "nope"/],
      ['laws="kaplan2020-n"', /law of one variable/],
      ['laws=""', /Nothing to compare/],
      ['mfu="2"', /mfu attribute must be between 0 and 1/],
      ['gpus="1.5"', /gpus attribute must be a whole number/],
      ['mode="tpu"', /mode attribute must be one of flops, gpu/],
      ['budget="1e40"', /budget attribute must be between/],
    ];
    for (const [attrs, pattern] of cases) {
      const el = await mount(`<scaling-calculator ${attrs}></scaling-calculator>`);
      expect(plain(alert(el)?.textContent), attrs).to.match(pattern);
      expect(el.result).to.equal(undefined);
      expect($(el, '#hardware'), 'the form stays').to.exist;
      wrap.remove();
    }
  });

  it('mirrors attributes in properties and accepts a list of laws', async () => {
    const el = await mount('<scaling-calculator budget="1e24" mode="flops" price="3"></scaling-calculator>');
    expect([el.flops, el.price, el.mode]).to.deep.equal(['1e24', '3', 'flops']);
    el.laws = ['hoffmann2022'];
    await el.updateComplete;
    expect(result(el).rows.map((r) => r.key)).to.deep.equal(['hoffmann2022']);
    expect(result(el).budget.dollars).to.be.closeTo(result(el).budget.gpuHours * 3, 1e-6);
  });

  it('reads numbers as people write them, and hash entries next to other ones', () => {
    const cases: [string, number][] = [['5.76e23', 5.76e23], ['5.76×10^23', 5.76e23], ['5.76 × 10²³', 5.76e23], ['10^24', 1e24], ['10²⁴', 1e24], ['16,384', 16384], ['2T', 2e12], ['40%', 0.4]];
    for (const [text, want] of cases) expect(parseNumber(text), text).to.be.closeTo(want, want * 1e-15);
    expect(parseNumber('lots')).to.be.NaN;
    const t = translator(joinTables(COMMON, CALCULATOR), 'en');
    const s = { ...result0, C: 3e24, laws: ['besiroglu2024'], inferenceTokens: 2e12 };
    const hash = writeHash('#intro&calc=old&x=1', 'calc', s);
    expect(hash).to.equal(`#intro&calc=${scenarioFields(s)}&x=1`);
    const back = readHash(hash, 'calc', t);
    expect(back.problems).to.deep.equal([]);
    expect({ ...s, ...back.state }).to.deep.equal(s);
    expect(readHash('#x=1', 'calc', t).found).to.equal(false);
    expect(readHash('#calc=%E0%A4%A', 'calc', t).problems.length, 'bad percent-encoding').to.equal(1);
  });
});
