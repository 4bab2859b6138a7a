// Issue #12, step 5, "labels can spoof": a label ending in U+202E (right-to-left
// override) reversed the text after it, so a tooltip line "EVIL<U+202E>: Loss 4.728"
// read "EVIL827.4 ssoL :", and the same reached aria-labels. For every bidi
// control — the embeddings and overrides U+202A–U+202E, the isolates
// U+2066–U+2069, the marks U+200E, U+200F, U+061C — put at the end of text an
// author or a data file gives (law labels, model names, column names, a src URL,
// a linked fit's id, attribute values, URL-hash parts), what the elements show
// must keep that text's direction to itself: the user text inside an isolate
// (U+2068 … U+2069) where it meets other words, and no bidi control anywhere
// but inside a balanced isolate (so none can reorder what follows). The test
// checks the structure of the strings the DOM holds; it does not import the
// helper (src/chart/isolate.ts), so it runs against any version of the elements.
import { expect } from '@esm-bundle/chai';
import '../../src/elements/curve/curve.js';
import '../../src/elements/fit/fit.js';
import '../../src/elements/isoflop/isoflop.js';
import '../../src/elements/landscape/landscape.js';
import '../../src/elements/calculator/calculator.js';
import type { ScalingElement } from '../../src/elements/base.js';
import { demoCsv } from '../../src/data/demo.js';
import { mountWith, place, settle, unmount, until, wrap } from './helpers.js';

const FSI = '\u2068', PDI = '\u2069';
/** Every bidi formatting character, by name. */
const CONTROLS: Record<string, string> = {
  LRE: '\u202A', RLE: '\u202B', PDF: '\u202C', LRO: '\u202D', RLO: '\u202E',
  LRI: '\u2066', RLI: '\u2067', FSI: '\u2068', PDI: '\u2069',
  LRM: '\u200E', RLM: '\u200F', ALM: '\u061C',
};
const ALL = Object.entries(CONTROLS);
/** Controls with a scope (embeddings, overrides, isolates): the user's own are removed; only marks may stay, inside the isolate. */
const SCOPED = /[\u202A-\u202E\u2066-\u2069]/g;
const ANY = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;
const hex = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
/** A string with its controls spelled out, for failure messages. */
const spell = (s: string) => s.replace(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g, (c) => `<${hex(c)}>`);

/**
 * What is wrong with `text` as shown: a bidi control outside an isolate, an
 * embedding or override anywhere, a PDI without its FSI, an isolate left open.
 * Empty when every control sits between an FSI and its matching PDI. With
 * `standalone` (the text is the whole content of its own element: a legend's
 * <text>, a table cell), the element bounds it like an isolate, so the marks,
 * which have no scope, may stand outside one.
 */
function leaks(text: string, standalone = false): string[] {
  const out: string[] = [];
  let depth = 0;
  for (const [i, c] of Array.from(text).entries()) {
    if (c === FSI) depth++;
    else if (c === PDI) {
      if (depth === 0) out.push(`a PDI with no isolate open at ${i}`);
      else depth--;
    } else if (/[\u202A-\u202E\u2066\u2067]/.test(c)) out.push(`${hex(c)} (scoped) at ${i}`);
    else if (ANY.test(c) && depth === 0 && !standalone) out.push(`${hex(c)} outside an isolate at ${i}`);
  }
  if (depth > 0) out.push(`${depth} isolate(s) left open`);
  return out;
}

/** `text` shows the user's `given` inside an isolate (its scoped controls gone) and leaks nothing. */
function expectIsolated(text: string | null | undefined, given: string, where: string): void {
  const shown = `${FSI}${given.replace(SCOPED, '')}${PDI}`;
  expect(text ?? '', `${where}: ${spell(text ?? '')}`).to.contain(shown);
  expect(leaks(text ?? ''), `${where}: ${spell(text ?? '')}`).to.deep.equal([]);
}

/** `text` (the whole content of its own element) has no control but marks outside an isolate, and still shows the user's text. */
function expectClean(text: string | null | undefined, given: string, where: string): void {
  expect(leaks(text ?? '', true), `${where}: ${spell(text ?? '')}`).to.deep.equal([]);
  expect((text ?? '').replace(/[\u2068\u2069]/g, ''), where).to.contain(given.replace(SCOPED, '').replace(/[\u200E\u200F\u061C]/g, '').slice(0, 4));
}

type El = ScalingElement & Record<string, unknown>;
/** Mounts an element by tag name in the test's 900 px box (`wrap`) and waits until it has drawn. */
const mount = mountWith<El>({ inWrap: true });
const $ = (el: El, selector: string) => el.shadowRoot!.querySelector(selector);
const $$ = (el: El, selector: string) => Array.from(el.shadowRoot!.querySelectorAll(selector));
const errorText = (el: El) => $(el, '.error[role="alert"]')?.textContent ?? '';
const ariaLabel = (el: El) => $(el, 'svg.chart')!.getAttribute('aria-label') ?? '';

const LAW = { form: 'chinchilla', params: { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 } };
const runsCsv = demoCsv().trim().split('\n').slice(0, 28).join('\n');

describe('bidi controls in user text stay inside it', function () {
  this.timeout(120_000);
  beforeEach(() => {
    place('', { width: 900 });
  });
  afterEach(() => {
    unmount();
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('the leak check itself: catches the unwrapped label, passes the isolated one', () => {
    expect(leaks('EVIL\u202E: Loss 4.728')).to.have.length(1);
    expect(leaks(`${FSI}EVIL${PDI}: Loss 4.728`)).to.deep.equal([]);
    expect(leaks(`${FSI}EVIL${PDI}${PDI}: Loss`), 'an embedded PDI closing the isolate early').to.have.length(1);
    expect(leaks(`${FSI}EVIL\u2067${PDI}: Loss`), 'an unpaired RLI swallowing the PDI').to.not.deep.equal([]);
    expect(leaks(`${FSI}EVIL\u200F${PDI}: Loss`), 'a mark inside the isolate').to.deep.equal([]);
  });

  it('the helper: removes scoped controls and paragraph breaks, keeps marks, wraps in FSI … PDI', async () => {
    const { isolate, bidiSafe } = await import('../../src/chart/isolate.js');
    for (const [name, c] of ALL) {
      const out = isolate(`EVIL${c}`);
      expect(leaks(`${out}: Loss 4.728`), name).to.deep.equal([]);
      expect(out.startsWith(FSI) && out.endsWith(PDI), name).to.equal(true);
    }
    expect(isolate('a\u2069b\u2067c')).to.equal(`${FSI}abc${PDI}`);
    expect(isolate('a\u200Fb')).to.equal(`${FSI}a\u200Fb${PDI}`);
    expect(bidiSafe('a\u2029b\u0085c')).to.equal('a b c');
    expect(bidiSafe('plain text')).to.equal('plain text');
  });

  it('<scaling-curve> law labels: tooltip, aria-label, legend, table, error box', async () => {
    const laws = ALL.map(([, c], i) => ({ ...LAW, params: { ...LAW.params, E: 1.6 + 0.01 * i }, label: `EVIL${c}` }));
    const el = await mount('scaling-curve', { setup: (e) => { e.law = laws as never; } });
    expect(errorText(el)).to.equal('');
    // Tooltip: one line per law, "<label>: Loss 4.728".
    const plot = $(el, '.plot') as HTMLElement;
    plot.focus();
    plot.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    const tip = $(el, '.tooltip') as HTMLElement;
    expect(tip.hidden).to.equal(false);
    const lines = Array.from(tip.children, (d) => d.textContent ?? '');
    expect(lines).to.have.length(1 + ALL.length);
    for (const [k, [name, c]] of ALL.entries()) {
      expectIsolated(lines[k + 1], `EVIL${c}`, `tooltip line (${name})`);
      expect(lines[k + 1], name).to.match(new RegExp(`${PDI}: Loss \\d`));
    }
    // aria-label: the summary names every law.
    const label = ariaLabel(el);
    for (const [name, c] of ALL) expectIsolated(label, `EVIL${c}`, `aria-label (${name})`);
    // Legend: each label is its own <text>; nothing of it may leak.
    const legend = $$(el, '.legend text, .legend title').map((t) => t.textContent ?? '');
    for (const [i, [name, c]] of ALL.entries()) expectClean(legend[i], `EVIL${c}`, `legend (${name})`);
    // Hidden table: the column headers.
    const heads = $$(el, '.visually-hidden th[scope="col"]').map((t) => t.textContent ?? '');
    for (const [i, [name, c]] of ALL.entries()) expectClean(heads[i + 1], `EVIL${c}`, `table header (${name})`);
    // The SVG export carries the same text.
    const doc = new DOMParser().parseFromString(await (await el.exportBlob('svg')).text(), 'image/svg+xml');
    for (const t of doc.querySelectorAll('text, title')) expect(leaks(t.textContent ?? '', true), `SVG export: ${spell(t.textContent ?? '')}`).to.deep.equal([]);
    // The CSV export keeps the labels as given.
    const csv = await (await el.exportBlob('csv')).text();
    for (const [name, c] of ALL) expect(csv.includes(`EVIL${c}`), `CSV export (${name})`).to.equal(true);
  });

  it('<scaling-curve> a cut legend label: isolated from its ellipsis', async () => {
    wrap.style.width = '300px';
    const label = `${'EVIL '.repeat(30)}\u202E`;
    const el = await mount('scaling-curve', { setup: (e) => { e.law = { ...LAW, label: `\u202E${label}` } as never; } });
    const text = $(el, '.legend text')!.textContent ?? '';
    expect(text.endsWith('…')).to.equal(true);
    expect(leaks(text, true), spell(text)).to.deep.equal([]);
    expect(text.startsWith(FSI) && text.endsWith(`${PDI}…`), spell(text)).to.equal(true);
    expect(leaks($(el, '.legend title')!.textContent ?? '', true)).to.deep.equal([]);
  });

  it('<scaling-curve> attribute values and preset ids quoted in the error box', async () => {
    const el = await mount('scaling-curve', { attrs: { preset: 'hoffmann2022' } });
    for (const [name, c] of ALL) {
      for (const attr of ['preset', 'x', 'from', 'fixed-d']) {
        el.setAttribute(attr, `EVIL${c}`);
        await el.updateComplete;
        expectIsolated(errorText(el), `EVIL${c}`, `${attr} (${name})`);
        if (attr === 'preset') el.setAttribute(attr, 'hoffmann2022');
        else if (attr === 'x') el.setAttribute(attr, 'N');
        else el.removeAttribute(attr);
      }
      el.law = { ...LAW, params: { ...LAW.params, alpha: -1 }, label: `EVIL${c}` } as never;
      el.removeAttribute('preset');
      await el.updateComplete;
      expectIsolated(errorText(el), `EVIL${c}`, `law error (${name})`);
      el.law = undefined;
      el.setAttribute('preset', 'hoffmann2022');
      await el.updateComplete;
    }
  });

  it('<scaling-fit> CSV header names: the hidden table, the error box; a src URL: the aria-label', async () => {
    for (const [name, c] of ALL) {
      const column = `loss EVIL${c}`;
      const csv = runsCsv.replace(/^([^\n]*),loss/, `$1,${column}`);
      const el = await mount('scaling-fit', { setup: (e) => { e.runs = csv; e.columns = { loss: column }; } });
      await until(() => !!(el as unknown as { result?: unknown }).result || errorText(el) !== '', 15000);
      await settle(el);
      expect(errorText(el)).to.equal('');
      const heads = $$(el, '.visually-hidden th[scope="col"]').map((t) => t.textContent ?? '');
      const head = heads.find((h) => h.includes('loss EVIL'));
      expectClean(head, column, `table header (${name})`);
      // A cell that is not a number: the core's message names the column.
      el.runs = `N,D,${column}\n1e9,2e10,lots\n`;
      await el.updateComplete;
      expect(errorText(el)).to.contain('lots');
      expect(leaks(errorText(el)), `error box (${name}): ${spell(errorText(el))}`).to.deep.equal([]);
      el.remove();
    }
    for (const c of [CONTROLS.RLO, CONTROLS.PDI, CONTROLS.RLI]) {
      const src = `/test/fixtures/data/chinchilla-svg-extracted.csv?EVIL${c}`;
      const el = await mount('scaling-fit', { attrs: { src, 'drop-highest': '5' } });
      await until(() => !!(el as unknown as { result?: unknown }).result, 15000);
      await settle(el);
      expectIsolated(ariaLabel(el), src, `aria-label, src ${hex(c)}`);
      el.remove();
      const bad = await mount('scaling-fit', { attrs: { src: `/test/fixtures/data/missing-EVIL${c}.csv` } });
      await until(() => errorText(bad) !== '', 15000);
      expectIsolated(errorText(bad), `/test/fixtures/data/missing-EVIL${c}.csv`, `fetch error ${hex(c)}`);
      bad.remove();
    }
  });

  it('<scaling-fit> attribute values quoted in the error box', async () => {
    const el = await mount('scaling-fit', { setup: (e) => { e.runs = runsCsv; } });
    for (const [name, c] of ALL) {
      for (const attr of ['form', 'x', 'drop-highest', 'budget']) {
        el.setAttribute(attr, `EVIL${c}`);
        await el.updateComplete;
        expectIsolated(errorText(el), `EVIL${c}`, `${attr} (${name})`);
        el.removeAttribute(attr);
      }
    }
  });

  it('<scaling-landscape> model names and the law label: aria-label, tooltip, marker labels, map, table', async () => {
    const models = ALL.map(([, c], i) => ({ name: `EVIL${c}`, N: 1e9 * 10 ** (i / 4), D: 2e10 * 10 ** (i / 5) }));
    const el = await mount('scaling-landscape', { setup: (e) => { e.models = models; e.law = { ...LAW, label: `LAW${CONTROLS.RLO}` } as never; } });
    expect(errorText(el)).to.equal('');
    const label = ariaLabel(el);
    expectIsolated(label, `LAW${CONTROLS.RLO}`, 'aria-label, law label');
    for (const [name, c] of ALL) expectIsolated(label, `EVIL${c}`, `aria-label (${name})`);
    const markers = $$(el, 'circle.model') as SVGCircleElement[];
    const names = $$(el, 'text.model-name').map((t) => t.textContent ?? '');
    const cells = $$(el, '.visually-hidden tbody th').map((t) => t.textContent ?? '');
    const tip = $(el, '.tooltip') as HTMLElement;
    expect(markers).to.have.length(ALL.length);
    for (const [i, [name, c]] of ALL.entries()) {
      markers[i].focus();
      expect(tip.hidden).to.equal(false);
      expectIsolated(tip.textContent, `EVIL${c}`, `tooltip (${name})`);
      expectIsolated(markers[i].getAttribute('aria-label'), `EVIL${c}`, `marker aria-label (${name})`);
      expectClean(names[i], `EVIL${c}`, `name on the map (${name})`);
      expectClean(cells[i], `EVIL${c}`, `table (${name})`);
    }
    el.setAttribute('models', JSON.stringify([{ name: `EVIL${CONTROLS.RLO}`, N: 'x' }]));
    await el.updateComplete;
    expectIsolated(errorText(el), `EVIL${CONTROLS.RLO}`, 'models error');
  });

  it('<scaling-isoflop> attribute values in the error box', async () => {
    const el = await mount('scaling-isoflop', { setup: (e) => { e.runs = runsCsv; } });
    for (const [name, c] of ALL) {
      for (const attr of ['budgets', 'tolerance', 'min-points']) {
        el.setAttribute(attr, `EVIL${c}`);
        await el.updateComplete;
        expectIsolated(errorText(el), `EVIL${c}`, `${attr} (${name})`);
        el.removeAttribute(attr);
      }
    }
  });

  it('<scaling-calculator> a linked fit\'s id, attribute values and URL-hash parts', async () => {
    for (const [name, c] of ALL) {
      const id = `EVIL${c}`;
      const standIn = Object.assign(document.createElement('div'), { id, result: { law: LAW } });
      wrap.append(standIn);
      const el = await mount('scaling-calculator', { attrs: { for: id, laws: 'hoffmann2022' } });
      // The id is in the header's tooltip only (the header shows a name for readers).
      expect($$(el, 'table.results thead th').some((t) => (t.textContent ?? '').includes('EVIL')), `column header text (${name})`).to.equal(false);
      expectIsolated($(el, 'table.results thead th[title*="EVIL"]')?.getAttribute('title'), id, `header title (${name})`);
      el.setAttribute('flops', `EVIL${c}`);
      await el.updateComplete;
      expectIsolated(errorText(el), `EVIL${c}`, `flops (${name})`);
      el.setAttribute('flops', '1e23');
      el.setAttribute('laws', `EVIL${c}`);
      await el.updateComplete;
      expectIsolated(errorText(el), `EVIL${c}`, `laws (${name})`);
      el.remove();
      standIn.remove();
    }
    history.replaceState(null, '', `#calc=${encodeURIComponent(`bogus:EVIL${CONTROLS.RLO},mode:EVIL${CONTROLS.PDI}`)}`);
    const el = await mount('scaling-calculator', { attrs: { 'hash-state': '' } });
    const notice = $(el, '[part="notice"]')?.textContent ?? '';
    expectIsolated(notice, `EVIL${CONTROLS.RLO}`, 'hash notice');
    expectIsolated(notice, `EVIL${CONTROLS.PDI}`, 'hash notice');
  });
});
