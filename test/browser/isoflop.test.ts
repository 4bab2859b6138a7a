// <scaling-isoflop> in Chromium and Firefox: drawn from a src alone (Llama 3's digitised
// isoFLOP points), rejected budgets shown with their reason in plain words,
// bad data explained, hostile text kept as text, keyboard tooltips, Chinese.
import { expect } from '@esm-bundle/chai';
import { csvParse } from 'd3-dsv';
import '../../src/elements/isoflop/isoflop.js';
import type { ScalingIsoflop } from '../../src/elements/isoflop/isoflop.component.js';
import { preset, type LawPreset } from '../../src/core/presets.js';
import { mountWith, root, svg, unmount } from './helpers.js';

/** Mounts markup in a box of `width` px (720) and waits until the element has drawn (or shown an error). */
const mount = mountWith<ScalingIsoflop>({
  width: 720, selector: 'scaling-isoflop', ready: (el) => !!el.shadowRoot?.querySelector('svg.chart, [role="alert"]'),
});

const alert = (el: ScalingIsoflop) => root(el).querySelector('[role="alert"]');
const legendTexts = (el: ScalingIsoflop) => Array.from(root(el).querySelectorAll('.legend text'), (t) => t.textContent ?? '');

/**
 * Synthetic isoFLOP runs from Epoch's law: 5 sizes log-spaced over ±0.8 decade
 * around each budget's optimum N* = G·(C/6)^(β/(α+β)) (Hoffmann et al. eq. 4), plus
 * a budget with only two runs, and a budget whose losses make a hump (not convex).
 */
function syntheticCsv(): string {
  const { E, A, B, alpha, beta } = (preset('besiroglu2024') as LawPreset).law.params as unknown as Record<string, number>;
  const G = ((alpha * A) / (beta * B)) ** (1 / (alpha + beta));
  const lines = ['N,C,loss'];
  const profile = (C: number, sizes: number) => {
    const opt = G * (C / 6) ** (beta / (alpha + beta));
    for (let j = 0; j < sizes; j++) {
      const N = opt * 10 ** (-0.8 + (1.6 * j) / Math.max(1, sizes - 1));
      lines.push(`${N},${C},${E + A / N ** alpha + B / (C / (6 * N)) ** beta}`);
    }
  };
  [1e19, 1e20, 1e21].forEach((C) => profile(C, 5));
  profile(1e22, 2);
  [1e9, 2e9, 4e9, 8e9].forEach((N, j) => lines.push(`${N},1e23,${[2.1, 2.3, 2.3, 2.1][j]}`));
  return lines.join('\n');
}

describe('<scaling-isoflop>', () => {
  afterEach(() => {
    unmount();
    document.documentElement.removeAttribute('lang');
  });

  it('analyses the Llama 3 isoFLOP points from src alone: 10 budgets accepted, a ≈ 0.463, 133 points', async () => {
    let detail: unknown;
    document.addEventListener('scaling-isoflop-done', (e) => { detail = (e as CustomEvent).detail; }, { once: true });
    const el = await mount('<scaling-isoflop src="/test/fixtures/data/llama3-isoflops-digitized.csv"></scaling-isoflop>');
    expect(alert(el)).to.equal(null);
    const r = el.result!;
    expect(r.budgets.length).to.equal(10);
    expect(r.accepted).to.equal(10);
    // Llama 3 (Dubey et al. 2024, Fig. 3) and Open-Athena's re-analysis report a = 0.4632 on these points.
    expect(r.N.a).to.be.closeTo(0.4632, 0.0005);
    expect(detail).to.equal(r);
    expect(root(el).querySelectorAll('.runs circle.point').length).to.equal(133);
    expect(root(el).querySelectorAll('path.curve').length).to.equal(11);
    expect(root(el).querySelectorAll('path.optimum').length).to.equal(10);
    expect(root(el).querySelectorAll('.optima-points circle.point').length).to.equal(10);
    const label = svg(el).getAttribute('aria-label')!;
    expect(label).to.contain('IsoFLOP profiles for 10 budgets, 10 accepted; N* ∝ C^0.463');
    expect(label).to.contain('N* = 0.5568·C^0.4632; exponent 95% CI: 0.4213–0.5052');
    // The exponent is raised, as on the axes: no caret on the chart.
    const main = root(el).querySelector('.law-text .law-main')!;
    expect(main.firstChild!.textContent).to.equal('N* = 0.5568·C');
    expect(main.querySelector('tspan.sup')!.textContent).to.equal('0.4632');
    expect(main.textContent).to.not.contain('^');
    expect(legendTexts(el)).to.include('10²² FLOPs');
    const table = root(el).querySelector('.visually-hidden table')!;
    expect(table.querySelectorAll('tbody tr').length).to.equal(10);
  });

  it('rejects a budget of two runs and a hump, and says why in plain words', async () => {
    const el = await mount('<scaling-isoflop></scaling-isoflop>');
    el.runs = syntheticCsv();
    await el.updateComplete;
    expect(alert(el)).to.equal(null);
    const r = el.result!;
    expect(r.budgets.map((b) => b.accepted)).to.deep.equal([true, true, true, false, false]);
    expect(r.budgets[3].reason).to.equal('too-few-points');
    expect(r.budgets[4].reason).to.equal('not-convex');
    const legend = legendTexts(el);
    expect(legend).to.include('10²² FLOPs — rejected: too few points (2; at least 3 needed)');
    expect(legend).to.include('10²³ FLOPs — rejected: curvature not positive');
    expect(root(el).querySelectorAll('path.curve.rejected').length, 'the hump still gets its (dashed) parabola').to.equal(1);
    expect(root(el).querySelectorAll('.runs circle.point.rejected').length).to.equal(6);
    expect(svg(el).getAttribute('aria-label')).to.contain('Rejected: 10²² FLOPs — rejected: too few points');
    // Epoch's law: a = β/(α+β) exactly, whatever the budgets.
    const { alpha, beta } = (preset('besiroglu2024') as LawPreset).law.params as unknown as Record<string, number>;
    expect(r.N.a).to.be.closeTo(beta / (alpha + beta), 2e-3);
  });

  it('keeps axis titles inside their axes on a phone: a long one is cut, with its words in a tooltip, and meets no other text', async () => {
    const el = await mount('<scaling-isoflop src="/test/fixtures/data/llama3-isoflops-digitized.csv"></scaling-isoflop>', { width: 375 });
    const titles = Array.from(svg(el).querySelectorAll('.axis-title')) as SVGTextElement[];
    const texts = Array.from(svg(el).querySelectorAll('.law-text text')) as SVGTextElement[];
    for (const title of titles) {
      const a = title.getBoundingClientRect();
      for (const other of texts) {
        const b = other.getBoundingClientRect();
        const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
        expect(overlap, `"${title.textContent}" over "${other.textContent}"`).to.equal(false);
      }
    }
    const cut = titles.find((t) => t.querySelector('title'));
    if (cut) {
      expect(cut.firstChild!.textContent).to.match(/…$/);
      expect(cut.querySelector('title')!.textContent).to.not.match(/…$/);
    }
  });

  it('explains data it cannot use, naming the row and the column', async () => {
    const el = await mount('<scaling-isoflop><script type="text/csv">N,C,loss\n1e9,1e20,2.5\n2e9,1e20,lots\n</script></scaling-isoflop>');
    expect(alert(el)!.textContent).to.contain('line 3, column "loss"');
    expect(alert(el)!.textContent).to.contain('"lots"');
    expect(svg(el)).to.equal(null);
    const few = await mount('<scaling-isoflop><script type="text/csv">N,C,loss\n1e9,1e20,2.5\n2e9,1e20,2.4\n4e9,1e20,2.45\n</script></scaling-isoflop>');
    expect(alert(few)!.textContent).to.contain('at least 2 accepted budgets');
    const bad = await mount('<scaling-isoflop budgets="6e18, lots" src="/test/fixtures/data/llama3-isoflops-digitized.csv"></scaling-isoflop>');
    expect(alert(bad)!.textContent).to.contain('budgets attribute');
    const missing = await mount('<scaling-isoflop src="/test/fixtures/data/no-such-file.csv"></scaling-isoflop>');
    expect(alert(missing)!.textContent).to.contain('no-such-file.csv');
  });

  it('snaps runs to the budgets attribute and honours min-points', async () => {
    const el = await mount('<scaling-isoflop min-points="7" src="/test/fixtures/data/llama3-isoflops-digitized.csv"></scaling-isoflop>');
    expect(el.result!.accepted).to.equal(8);
    expect(legendTexts(el)).to.include('3×10²¹ FLOPs — rejected: too few points (6; at least 7 needed)');
    el.setAttribute('min-points', '3');
    el.setAttribute('budgets', '6e18,1e19,3e19,6e19,1e20');
    await el.updateComplete;
    expect(el.result!.budgets.length).to.equal(5);
    expect(el.result!.unassigned.length).to.equal(133 - 16 - 17 - 16 - 16 - 18);
  });

  it('shows hostile text from the data as text, never as markup', async () => {
    const hostile = '<img src=x onerror=window.__pwned=1>';
    const el = await mount(`<scaling-isoflop><script type="text/csv">N,C,loss\n1e9,1e20,${hostile}\n</script></scaling-isoflop>`);
    expect(alert(el)!.textContent).to.contain(hostile);
    expect(root(el).querySelector('img')).to.equal(null);
    const named = await mount('<scaling-isoflop></scaling-isoflop>');
    named.runs = syntheticCsv().replace('N,C,loss', `N,C,${hostile} loss`);
    await named.updateComplete;
    expect(root(named).querySelector('img')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('shows a tooltip when a point gets keyboard focus; arrow keys move on', async () => {
    const el = await mount('<scaling-isoflop src="/test/fixtures/data/llama3-isoflops-digitized.csv"></scaling-isoflop>');
    const points = Array.from(root(el).querySelectorAll<SVGCircleElement>('circle.point'));
    expect(points.filter((p) => p.getAttribute('tabindex') === '0').length).to.equal(1);
    points[0].focus();
    const tip = root(el).querySelector('.tooltip') as HTMLElement;
    expect(tip.hidden).to.equal(false);
    expect(tip.textContent).to.contain('6×10¹⁸ FLOPs');
    expect(tip.textContent).to.match(/Loss = 0\.9/);
    points[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true, composed: true }));
    expect(root(el).activeElement).to.equal(points[points.length - 1]);
    expect(tip.textContent).to.contain('Optimum of the 10²² FLOPs budget');
    expect(tip.textContent).to.contain('N* = 7');
  });

  it('zooms the profiles along N with the wheel when zoom is set, and resets', async () => {
    const el = await mount('<scaling-isoflop zoom src="/test/fixtures/data/llama3-isoflops-digitized.csv"></scaling-isoflop>');
    const plot = root(el).querySelector('.plot') as HTMLElement;
    const box = root(el).querySelector('.panel.profiles')!.getBoundingClientRect();
    plot.dispatchEvent(new WheelEvent('wheel', { deltaY: -400, clientX: box.left + box.width * 0.6, clientY: box.top + box.height / 2, bubbles: true, cancelable: true }));
    await el.updateComplete;
    const shown = root(el).querySelectorAll('.runs circle.point').length;
    expect(shown).to.be.within(1, 132);
    const reset = root(el).querySelector('[part="reset-zoom"]') as HTMLButtonElement;
    reset.click();
    await el.updateComplete;
    expect(root(el).querySelectorAll('.runs circle.point').length).to.equal(133);
  });

  it('speaks Chinese with lang="zh"', async () => {
    const el = await mount('<scaling-isoflop lang="zh"></scaling-isoflop>');
    el.runs = syntheticCsv();
    await el.updateComplete;
    expect(legendTexts(el)).to.include('10²³ FLOPs — 已舍弃：曲率不为正');
    expect(svg(el).getAttribute('aria-label')).to.contain('5 个计算预算的 IsoFLOP 曲线，其中 3 个被采用');
    expect(root(el).querySelector('.axis-title')!.textContent).to.equal('参数量 N');
    expect(root(el).querySelector('[part="export-button"]')!.textContent).to.equal('导出');
  });

  it('exports SVG, PNG, per-budget CSV and JSON', async () => {
    const el = await mount('<scaling-isoflop src="/test/fixtures/data/llama3-isoflops-digitized.csv"></scaling-isoflop>');
    const doc = new DOMParser().parseFromString(await (await el.exportBlob('svg')).text(), 'image/svg+xml');
    expect(doc.querySelector('parsererror')).to.equal(null);
    expect(doc.querySelectorAll('.runs circle').length).to.equal(133);
    const png = new Uint8Array(await (await el.exportBlob('png')).arrayBuffer());
    expect(Array.from(png.slice(1, 4), (c) => String.fromCharCode(c)).join('')).to.equal('PNG');
    const rows = csvParse(await (await el.exportBlob('csv')).text());
    expect(rows.length).to.equal(10);
    expect(Number(rows[9].C)).to.equal(1e22);
    expect(Number(rows[9].N_opt)).to.be.closeTo(el.result!.budgets[9].N, 1);
    const json = JSON.parse(await (await el.exportBlob('json')).text());
    expect(json.N.a).to.equal(el.result!.N.a);
    expect(json.budgets[0].rows.length).to.equal(16);
    const items = Array.from(root(el).querySelectorAll('[part="export-item"]'), (b) => b.getAttribute('data-format'));
    expect(items).to.deep.equal(['svg', 'png', 'csv', 'json']);
    // Its own words for its CSV; SVG keeps the shared label.
    const label = (f: string) => root(el).querySelector(`[part="export-item"][data-format="${f}"]`)!.textContent;
    expect(label('csv')).to.equal('CSV (optimum per budget)');
    expect(label('svg')).to.match(/SVG/);
  });
});
