// <scaling-curve> in Chromium and Firefox: drawn from attributes alone, readable axes,
// accessible, themed, bilingual, keyboard-usable, exportable, and safe with
// hostile text.
import { expect } from '@esm-bundle/chai';
import { csvParse } from 'd3-dsv';
import '../../src/elements/curve/curve.js';
import { ScalingCurve } from '../../src/elements/curve/curve.component.js';
import { PRESET_IDS } from '../../src/core/presets.js';
import { demoCsv } from '../../src/data/demo.js';
import { frame, mountWith, place, plain, root, svg, unmount, wrap } from './helpers.js';

/** Mounts markup in a 640 px wide box and waits until the element has drawn at that size. */
const mount = mountWith<ScalingCurve>({ selector: 'scaling-curve' });

const tickTexts = (el: ScalingCurve, axis: 'x' | 'y') => Array.from(root(el).querySelectorAll(`.axis-${axis} .tick text`), (t) => t.textContent);
const alert = (el: ScalingCurve) => root(el).querySelector('[role="alert"]');

describe('<scaling-curve>', () => {
  afterEach(() => {
    unmount();
    document.documentElement.removeAttribute('lang');
  });

  it('draws two presets from attributes alone: two curves, readable axes, legend', async () => {
    const el = await mount('<scaling-curve preset="hoffmann2022,besiroglu2024"></scaling-curve>');
    expect(alert(el)).to.equal(null);
    const paths = root(el).querySelectorAll('path.curve');
    expect(paths.length).to.equal(2);
    for (const p of paths) expect(p.getAttribute('d')!.length).to.be.greaterThan(100);
    expect(tickTexts(el, 'x')).to.deep.equal(['10M', '100M', '1B', '10B', '100B', '1T']);
    for (const t of tickTexts(el, 'y')) expect(t).to.match(/^\d+(\.\d+)?$/);
    const legend = Array.from(root(el).querySelectorAll('.legend text'), (t) => t.textContent);
    expect(legend).to.deep.equal(['Hoffmann et al. 2022 (Chinchilla), full precision', 'Besiroglu et al. 2024 (Epoch AI), Chinchilla replication']);
    expect(Number(svg(el).getAttribute('width'))).to.equal(640);
  });

  it('renders each element for the first time in a task of its own, in connection order', async () => {
    place('<scaling-curve preset="hoffmann2022"></scaling-curve><scaling-curve preset="besiroglu2024"></scaling-curve>');
    const [a, b] = Array.from(wrap.querySelectorAll('scaling-curve'));
    expect([a.hasUpdated, b.hasUpdated]).to.deep.equal([false, false]);
    await a.updateComplete;
    // Still in the task that rendered the first: the second waits for the next one.
    expect([a.hasUpdated, b.hasUpdated]).to.deep.equal([true, false]);
    expect(root(a).querySelectorAll('path.curve').length).to.equal(1);
    await b.updateComplete;
    expect(root(b).querySelectorAll('path.curve').length).to.equal(1);
  });

  it('is an image labelled with what it shows and the law', async () => {
    const el = await mount('<scaling-curve preset="hoffmann2022"></scaling-curve>');
    const img = root(el).querySelector('[role="img"]')!;
    const label = img.getAttribute('aria-label')!;
    expect(label).to.contain('Line chart of loss against parameters N');
    expect(label).to.contain('from 10M to 1T');
    expect(label).to.contain('20 tokens per parameter');
    expect(label).to.contain('L(N, D) = 1.693 + 406.4/N^0.3392 + 410.7/D^0.2849');
  });

  it('has a visually hidden table of the predictions', async () => {
    const el = await mount('<scaling-curve preset="hoffmann2022,besiroglu2024"></scaling-curve>');
    const table = root(el).querySelector('.visually-hidden > table')!;
    expect(table.querySelector('caption')!.textContent).to.contain('Predicted loss');
    expect(table.querySelectorAll('thead th').length).to.equal(3);
    expect(table.querySelectorAll('tbody tr').length).to.equal(6);
    const hidden = table.parentElement!.getBoundingClientRect();
    expect(hidden.width * hidden.height, 'takes no room on screen').to.be.at.most(1);
  });

  it('plots against compute with compute-optimal N and D, FLOPs ticks as 10 with a superscript', async () => {
    const el = await mount('<scaling-curve preset="hoffmann2022" x="C" x-range="1e18 1e24"></scaling-curve>');
    expect(alert(el)).to.equal(null);
    const label = Array.from(root(el).querySelectorAll('.axis-x .tick text')).find((t) => t.textContent === '1021')!;
    expect(label).to.exist;
    expect(label.querySelector('tspan.sup')!.textContent).to.equal('21');
    expect(svg(el).getAttribute('aria-label')).to.contain('compute-optimal');
  });

  it('takes a law as JSON and holds D fixed', async () => {
    const law = JSON.stringify({ form: 'chinchilla', params: { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 }, label: 'As printed' });
    const el = await mount(`<scaling-curve law='${law}' fixed-d="1.4T"></scaling-curve>`);
    expect(alert(el)).to.equal(null);
    expect(root(el).querySelector('.legend text')!.textContent).to.equal('As printed');
    expect(svg(el).getAttribute('aria-label')).to.contain('D fixed at 1.4T');
  });

  it('overlays runs from an inline <script type="text/csv"> and makes them keyboard-reachable', async () => {
    const el = await mount(`<scaling-curve preset="besiroglu2024"><script type="text/csv">${demoCsv()}</script></scaling-curve>`);
    const points = root(el).querySelectorAll('circle.point');
    expect(points.length).to.be.greaterThan(60);
    expect(Array.from(points).filter((p) => p.getAttribute('tabindex') === '0').length, 'one tab stop (roving)').to.equal(1);
    expect(points[0].getAttribute('aria-label')).to.match(/^N = .+, D = .+, C = .+×10.+ FLOPs, Loss = \d/);
    expect(root(el).querySelectorAll('.visually-hidden > table').length).to.equal(2);
  });

  it('shows a tooltip when a point gets keyboard focus, and arrow keys move between points', async () => {
    const el = await mount(`<scaling-curve preset="besiroglu2024"><script type="text/csv">${demoCsv()}</script></scaling-curve>`);
    const points = Array.from(root(el).querySelectorAll<SVGCircleElement>('circle.point'));
    points[0].focus();
    const tip = root(el).querySelector('.tooltip') as HTMLElement;
    expect(tip.hidden).to.equal(false);
    expect(tip.textContent).to.contain('Loss = ');
    expect(getComputedStyle(tip).display).to.not.equal('none');
    points[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }));
    expect(root(el).activeElement).to.equal(points[1]);
    expect(points[1].getAttribute('tabindex')).to.equal('0');
    expect(points[0].getAttribute('tabindex')).to.equal('-1');
    expect(root(el).querySelectorAll('[style]').length, 'no inline style attributes (CSP)').to.equal(0);
  });

  it('moves a cursor along the curves with the arrow keys and reads out each loss', async () => {
    const el = await mount('<scaling-curve preset="hoffmann2022,besiroglu2024"></scaling-curve>');
    const plot = root(el).querySelector('.plot') as HTMLElement;
    plot.focus();
    plot.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }));
    expect(root(el).querySelector('.cursor .rule')).to.exist;
    expect(root(el).querySelectorAll('.cursor .dot').length).to.equal(2);
    const tip = root(el).querySelector('.tooltip') as HTMLElement;
    expect(tip.hidden).to.equal(false);
    expect(tip.textContent).to.contain('N = 10M');
    expect(tip.textContent).to.contain('Hoffmann et al. 2022');
    plot.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(tip.hidden).to.equal(true);
  });

  it('follows prefers-color-scheme by default and theme="dark" changes the computed colours', async () => {
    const el = await mount('<scaling-curve preset="hoffmann2022" theme="light"></scaling-curve>');
    const light = { bg: getComputedStyle(el).backgroundColor, fg: getComputedStyle(el).color, stroke: getComputedStyle(root(el).querySelector('path.curve')!).stroke };
    el.theme = 'dark';
    await el.updateComplete;
    expect(el.getAttribute('theme')).to.equal('dark');
    const dark = { bg: getComputedStyle(el).backgroundColor, fg: getComputedStyle(el).color, stroke: getComputedStyle(root(el).querySelector('path.curve')!).stroke };
    expect(light.bg).to.equal('rgb(255, 255, 255)');
    expect(dark.bg).to.equal('rgb(13, 17, 23)');
    expect(dark.fg).to.not.equal(light.fg);
    expect(dark.stroke).to.not.equal(light.stroke);
  });

  it('wraps a legend name too long for a narrow chart onto more lines, whole and inside the element', async () => {
    const el = await mount('<scaling-curve preset="besiroglu2024"></scaling-curve>', { width: 280 });
    const text = root(el).querySelector('.legend text')!;
    const lines = Array.from(text.querySelectorAll('tspan'));
    expect(lines.length, 'lines').to.be.within(2, 3);
    expect(text.textContent, 'every word shown, none cut').to.equal('Besiroglu et al. 2024 (Epoch AI), Chinchilla replication');
    expect(root(el).querySelector('.legend title'), 'nothing cut, so no tooltip needed').to.equal(null);
    const box = el.getBoundingClientRect();
    for (const line of lines) {
      const r = line.getBoundingClientRect();
      expect(r.right, line.textContent!).to.be.at.most(box.right + 1);
      expect(r.left, line.textContent!).to.be.at.least(box.left - 1);
    }
    // Each line below the one before, and the plot below the legend.
    for (let k = 1; k < lines.length; k++) expect(lines[k].getBoundingClientRect().top).to.be.greaterThan(lines[k - 1].getBoundingClientRect().bottom - 2);
    const svg = root(el).querySelector('svg.chart') as SVGSVGElement;
    const plotTop = new DOMPoint(0, Number(svg.querySelector('clipPath rect')!.getAttribute('y'))).matrixTransform(svg.getScreenCTM()!).y;
    expect(plotTop).to.be.greaterThan(lines.at(-1)!.getBoundingClientRect().bottom);
  });

  it('lets authors restyle through --scaling-* custom properties', async () => {
    const el = await mount('<scaling-curve preset="hoffmann2022" theme="light"></scaling-curve>');
    el.style.setProperty('--scaling-series-0', 'rgb(1, 2, 3)');
    expect(getComputedStyle(root(el).querySelector('path.curve')!).stroke).to.equal('rgb(1, 2, 3)');
  });

  it('speaks Chinese with lang="zh" and follows <html lang>', async () => {
    const el = await mount('<scaling-curve preset="hoffmann2022" lang="zh"></scaling-curve>');
    expect(root(el).querySelector('.axis-x .axis-title')!.textContent).to.equal('参数量 N');
    expect(root(el).querySelector('.axis-y .axis-title')!.textContent).to.equal('损失（奈特/词元）');
    expect(svg(el).getAttribute('aria-label')).to.contain('损失随参数量 N变化的折线图');
    expect(root(el).querySelector('[part="export-button"]')!.textContent).to.equal('导出');
    el.removeAttribute('lang');
    await el.updateComplete;
    expect(root(el).querySelector('.axis-x .axis-title')!.textContent).to.equal('Parameters N');
    document.documentElement.lang = 'zh-CN';
    await frame();
    await el.updateComplete;
    expect(root(el).querySelector('.axis-x .axis-title')!.textContent).to.equal('参数量 N');
  });

  it('refuses a task law in a role="alert": it is a score against loss, not a loss curve', async () => {
    const law = JSON.stringify({ form: 'task-exp', variable: 'L', params: { eps: 0.85, k: 2.6, gamma: 0.8 }, label: 'Gadre 17-task error' });
    const el = await mount(`<scaling-curve law='${law}'></scaling-curve>`);
    expect(plain(alert(el)!.textContent)).to.contain('Gadre 17-task error is a task law');
    expect(svg(el)).to.equal(null);
  });

  it('names an unknown preset in a role="alert" and lists the valid ones', async () => {
    let message = '';
    place('');
    wrap.addEventListener('scaling-error', (e) => { message = e.detail.message; });
    const el = document.createElement('scaling-curve');
    el.setAttribute('preset', 'hoffman2022');
    wrap.append(el);
    await el.updateComplete;
    const box = alert(el)!;
    expect(box.getAttribute('part')).to.equal('error');
    expect(plain(box.textContent)).to.contain('Unknown preset "hoffman2022"');
    for (const id of ['hoffmann2022', 'besiroglu2024', 'kaplan2020-nd']) expect(box.textContent).to.contain(id);
    expect(box.textContent).to.not.contain('deepseek2024');
    expect(message).to.contain('hoffman2022');
    expect(svg(el)).to.equal(null);
    expect(PRESET_IDS).to.include('hoffmann2022');
  });

  it('explains other bad attributes in plain words, in the element language', async () => {
    const cases: [string, RegExp][] = [
      ['preset="deepseek2024"', /rule for splitting compute/],
      [`law='{"form":"chinchilla",'`, /not valid JSON/],
      [`law='{"form":"chinchilla","params":{"E":1,"A":-1,"B":1,"alpha":0.3,"beta":0.3}}'`, /params\.A/],
      ['preset="hoffmann2022" x="Q"', /x attribute must be one of N, D, C; got "Q"/],
      ['preset="hoffmann2022" fixed-d="lots"', /fixed-d attribute must be a positive number; got "lots"/],
      ['preset="hoffmann2022" fixed-n="70B"', /fixed-n attribute cannot be used when x is N/],
      ['preset="hoffmann2022" fixed-d="1T" tokens-per-param="20"', /only one of/],
      ['preset="hoffmann2022" from="1e12" to="1e9"', /"from" must be less than "to"/],
      ['', /Nothing to draw/],
    ];
    for (const [attrs, pattern] of cases) {
      const el = await mount(`<scaling-curve ${attrs}></scaling-curve>`);
      expect(plain(alert(el)?.textContent), attrs).to.match(pattern);
      wrap.remove();
    }
    const zh = await mount('<scaling-curve preset="nope" lang="zh"></scaling-curve>');
    expect(plain(alert(zh)!.textContent)).to.contain('未知的预设“nope”');
  });

  it('shows hostile text from data and labels as text, never as markup', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const csv = `${hostile},D,loss\n1e9,2e10,2.5\n`;
    const el = await mount(`<scaling-curve preset="hoffmann2022"><script type="text/csv">${csv}</script></scaling-curve>`);
    // Column names are quoted as JSON writes strings (inner quotes escaped).
    expect(alert(el)!.textContent).to.contain(JSON.stringify(hostile));
    expect(root(el).querySelector('img')).to.equal(null);

    const law = { form: 'chinchilla', params: { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 }, label: hostile };
    const el2 = document.createElement('scaling-curve');
    el2.law = law as never;
    wrap.append(el2);
    await el2.updateComplete;
    expect(root(el2).querySelector('.legend text')!.textContent).to.equal(hostile);
    expect(root(el2).querySelector('img')).to.equal(null);
    expect(root(el2).querySelector('table th[scope="col"]:nth-child(2)')!.textContent).to.equal(hostile);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('emits scaling-render after drawing and redraws when its container resizes', async () => {
    const el = await mount('<scaling-curve preset="hoffmann2022"></scaling-curve>', { width: 640 });
    const seen: number[] = [];
    el.addEventListener('scaling-render', (e) => seen.push(e.detail.width));
    wrap.style.width = '420px';
    await new Promise((r) => setTimeout(r, 100));
    await el.updateComplete;
    expect(seen).to.include(420);
    expect(Number(svg(el).getAttribute('width'))).to.equal(420);
  });

  it('exports SVG, PNG, CSV, JSON, Python and LaTeX', async () => {
    const el = await mount('<scaling-curve preset="hoffmann2022,besiroglu2024"></scaling-curve>');
    const svgText = await (await el.exportBlob('svg')).text();
    const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).to.equal(null);
    expect(doc.querySelectorAll('path.curve').length).to.equal(2);
    expect(doc.querySelector('path.curve')!.getAttribute('stroke')).to.match(/^rgb/);
    expect(doc.querySelector('.cursor')).to.equal(null);

    const png = new Uint8Array(await (await el.exportBlob('png')).arrayBuffer());
    expect(Array.from(png.slice(1, 4), (c) => String.fromCharCode(c)).join('')).to.equal('PNG');
    expect(new DataView(png.buffer).getUint32(16)).to.equal(1280);

    const rows = csvParse(await (await el.exportBlob('csv')).text());
    expect(rows.columns).to.deep.equal(['series', 'label', 'N', 'D', 'C', 'loss']);
    expect(rows.length).to.equal(320);
    const r = rows[0];
    expect(Number(r.D)).to.be.closeTo(20 * Number(r.N), 1e-6 * Number(r.D));

    const json = JSON.parse(await (await el.exportBlob('json')).text());
    expect(json.series.map((s: { id: string }) => s.id)).to.deep.equal(['hoffmann2022', 'besiroglu2024']);
    expect(json.series[0].law.params.E).to.equal(Math.exp(0.5267228));

    const py = await (await el.exportBlob('python')).text();
    expect(py).to.contain('def L_hoffmann2022(N, D):');
    expect(py).to.contain(`E = ${Math.exp(0.5267228)}`);
    const tex = await (await el.exportBlob('latex')).text();
    expect(tex).to.contain('\\frac{A}{N^{\\alpha}}');
  });

  it('fires a cancelable scaling-export from the toolbar menu', async () => {
    const el = await mount('<scaling-curve preset="hoffmann2022" filename="chinchilla"></scaling-curve>');
    const got = new Promise<CustomEvent>((resolve) => el.addEventListener('scaling-export', (e) => { e.preventDefault(); resolve(e); }));
    const button = root(el).querySelector('[part="export-item"][data-format="json"]') as HTMLButtonElement;
    expect(button.textContent).to.equal('JSON (parameters)');
    button.click();
    const e = await got;
    expect(e.detail.filename).to.equal('chinchilla.json');
    expect(e.detail.blob.type).to.contain('application/json');
  });

  it('zooms x with the wheel when zoom is set, and resets on double-click', async () => {
    const el = await mount('<scaling-curve preset="hoffmann2022" zoom></scaling-curve>');
    const plot = root(el).querySelector('.plot') as HTMLElement;
    const box = svg(el).getBoundingClientRect();
    plot.dispatchEvent(new WheelEvent('wheel', { deltaY: -300, clientX: box.left + box.width / 2, clientY: box.top + box.height / 2, bubbles: true, cancelable: true }));
    await el.updateComplete;
    const zoomed = tickTexts(el, 'x');
    expect(zoomed).to.not.deep.equal(['10M', '100M', '1B', '10B', '100B', '1T']);
    expect(root(el).querySelector('[part="reset-zoom"]')).to.exist;
    plot.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
    await el.updateComplete;
    expect(tickTexts(el, 'x')).to.deep.equal(['10M', '100M', '1B', '10B', '100B', '1T']);
  });

  describe('multiplier: two laws compared as a multiple of compute', () => {
    // Epoch's law, and the same law with N and D each worth s = 3 times as much: L_B(N, D) = L_A(sN, sD).
    // C = 6ND, so L_B*(C) = L_A*(s²C): law A needs exactly s² = 9 times the compute at every budget (a hand derivation).
    const E = 1.8172, A = 482.01, B = 2085.43, alpha = 0.3478, beta = 0.3658, s = 3;
    const laws = JSON.stringify([
      { form: 'chinchilla', params: { E, A, B, alpha, beta }, label: 'Plain data' },
      { form: 'chinchilla', params: { E, A: A / s ** alpha, B: B / s ** beta, alpha, beta }, label: 'Better data' },
    ]);

    it('reads the multiple at the cursor and at every decade, 9× for data worth 3× per parameter and per token', async () => {
      const el = await mount(`<scaling-curve multiplier x="C" x-range="1e18 1e24" law='${laws}'></scaling-curve>`);
      const rows = Array.from(root(el).querySelectorAll('[part="multiplier"] tbody tr'), (tr) => plain(tr.lastElementChild!.textContent));
      expect(rows.length).to.equal(7);
      for (const k of rows) expect(k).to.equal('9×');
      expect(plain(root(el).querySelector('[part="multiplier"] caption')!.textContent)).to.contain('Plain data').and.to.contain('Better data');
      const plot = root(el).querySelector('.plot') as HTMLElement;
      plot.focus();
      plot.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
      expect(plain(root(el).querySelector('.tooltip')!.textContent)).to.match(/Plain data needs 9× the compute to reach the loss Better data reaches here/);
    });

    it('writes a multiple past four digits as a power of ten: 9×10⁴× for data worth 300× (s² by the same derivation)', async () => {
      const big = JSON.stringify([
        { form: 'chinchilla', params: { E, A, B, alpha, beta }, label: 'Plain data' },
        { form: 'chinchilla', params: { E, A: A / 300 ** alpha, B: B / 300 ** beta, alpha, beta }, label: 'Far better data' },
      ]);
      const el = await mount(`<scaling-curve multiplier x="C" x-range="1e18 1e24" law='${big}'></scaling-curve>`);
      const rows = Array.from(root(el).querySelectorAll('[part="multiplier"] tbody tr'), (tr) => plain(tr.lastElementChild!.textContent));
      expect(rows.length).to.equal(7);
      for (const k of rows) expect(k).to.equal('9×10⁴×');
    });

    it('says when the first law never gets there, and drifts when the exponents differ', async () => {
      const floor = JSON.stringify([
        { form: 'chinchilla', params: { E: 2.2, A, B, alpha, beta }, label: 'High floor' },
        { form: 'chinchilla', params: { E, A, B, alpha, beta }, label: 'Epoch' },
      ]);
      const el = await mount(`<scaling-curve multiplier x="C" x-range="1e18 1e26" law='${floor}'></scaling-curve>`);
      const rows = Array.from(root(el).querySelectorAll('[part="multiplier"] tbody tr'), (tr) => plain(tr.lastElementChild!.textContent));
      expect(rows[rows.length - 1]).to.equal('∞');
      expect(Number(rows[0].replace('×', ''))).to.be.greaterThan(1);
      expect(plain(root(el).querySelector('[part="multiplier"] tfoot')!.textContent)).to.match(/^From 10¹⁸ to 10²⁶ the multiplier goes from \d+(\.\d+)?× to ∞\.$/);
    });

    it('asks for exactly two laws of N and D against compute, in words', async () => {
      for (const markup of [
        `<scaling-curve multiplier x="N" law='${laws}'></scaling-curve>`,
        '<scaling-curve multiplier x="C" preset="hoffmann2022,besiroglu2024,kaplan2020-nd"></scaling-curve>',
        `<scaling-curve multiplier x="C" preset="besiroglu2024"></scaling-curve>`,
      ]) {
        const el = await mount(markup);
        expect(plain(root(el).querySelector('.error[role="alert"]')?.textContent), markup).to.contain('multiplier attribute compares two laws');
      }
      const zh = await mount(`<scaling-curve lang="zh" multiplier x="C" law='${laws}'></scaling-curve>`);
      expect(plain(root(zh).querySelector('[part="multiplier"] caption')!.textContent)).to.contain('所需的计算量倍数');
    });
  });

  it('says the loss\'s unit on its axis, and takes another from y-label', async () => {
    const title = (el: ScalingCurve) => plain(svg(el).querySelector('.axis-y .axis-title')?.textContent);
    let el = await mount('<scaling-curve preset="besiroglu2024"></scaling-curve>');
    expect(title(el)).to.equal('Loss (nats per token)');
    el = await mount('<scaling-curve lang="zh" preset="besiroglu2024"></scaling-curve>');
    expect(title(el)).to.equal('损失（奈特/词元）');
    el = await mount('<scaling-curve preset="besiroglu2024" y-label="Loss (bits per byte)"></scaling-curve>');
    expect(title(el)).to.equal('Loss (bits per byte)');
  });

  it('names presets in the reader\'s language, never by id', async () => {
    const el = await mount('<scaling-curve lang="zh" preset="hoffmann2022-rounded,besiroglu2024"></scaling-curve>');
    const legend = Array.from(svg(el).querySelectorAll('.legend-item'), (g) => plain(g.querySelector('title')?.textContent ?? g.querySelector('text')!.textContent));
    expect(legend[0]).to.contain('论文印刷值');
    expect(legend[1]).to.contain('复现');
    for (const text of legend) expect(text).to.not.match(/hoffmann2022|besiroglu2024/);
  });

  it('define() is idempotent', () => {
    expect(() => ScalingCurve.define('scaling-curve')).to.not.throw();
    expect(customElements.get('scaling-curve')).to.equal(ScalingCurve);
  });
});
