// Hostile text in every element, in Chromium and Firefox: a corpus of 60 HTML/SVG/script
// payloads (test/fixtures/hostile-payloads.ts) as column names, cell values,
// law and model labels, attributes, `src` URLs, a linked fit's id and the URL
// hash. Each must show as the very text it is — in legends, tables, tooltips,
// error boxes, aria-labels and the SVG, CSV and JSON exports — with no element
// injected and no script run. Three detectors: the global flag every payload
// sets if it runs, MutationObservers on the document and on each shadow root,
// and a walk of every shadow tree for tags and attributes that only markup
// could have put there.
import { expect } from '@esm-bundle/chai';
import { csvFormatRows, csvParse, csvParseRows } from 'd3-dsv';
import '../../src/elements/curve/curve.js';
import '../../src/elements/fit/fit.js';
import '../../src/elements/isoflop/isoflop.js';
import '../../src/elements/landscape/landscape.js';
import '../../src/elements/calculator/calculator.js';
import type { ScalingElement } from '../../src/elements/base.js';
import { readRuns } from '../../src/core/runs.js';
import type { Runs } from '../../src/core/runs-types.js';
import { demoCsv } from '../../src/data/demo.js';
import { HOSTILE_PAYLOADS, PWNED, chunks } from '../fixtures/hostile-payloads.js';
import { mountWith, place, settle, sleep, unmount, until, wrap } from './helpers.js';
import { bidiSafe } from '../../src/chart/isolate.js';

type El = ScalingElement & Record<string, unknown>;
const pwned = () => (window as unknown as Record<string, unknown>)[PWNED];
/** Whitespace as the accessible summary writes it (runs collapsed to one space). */
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
/** Text as an exported SVG carries it: characters XML forbids become U+FFFD. */
const asXml = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '\uFFFD');
/**
 * Text as the elements show it: without the bidi embeddings, overrides and isolates of
 * its own (src/chart/isolate.ts; bidi.test.ts checks where the isolates go). Exports keep it as given.
 */
const shown = (s: string) => bidiSafe(s);

/**
 * Runs a test body, rethrowing any failure with control characters escaped: a
 * message holding a NUL (from a payload) would stall the test runner's report.
 */
const safely = (body: () => Promise<void>) => async () => {
  try {
    await body();
  } catch (e) {
    const clean = (s: string) => s.replace(/[\u0000-\u0008\u000B-\u001F\u007F\u202E]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    const error = new Error(clean(String((e as Error)?.message ?? e)));
    error.stack = clean(String((e as Error)?.stack ?? ''));
    throw error;
  }
};

/** Tags only injected markup could add to an element's shadow tree or the page. */
const DANGER = new Set(['img', 'script', 'iframe', 'object', 'embed', 'foreignobject', 'video', 'audio', 'source', 'link', 'meta', 'base',
  'math', 'mtext', 'template', 'marquee', 'noscript', 'animate', 'set', 'image', 'use', 'frame', 'frameset', 'applet', 'x', 'body', 'keygen']);
const URL_ATTRS = ['href', 'xlink:href', 'src', 'action', 'formaction', 'data', 'srcdoc'];

/** Every element under `root`, through nested shadow roots. */
function* walk(root: ParentNode): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* walk(el.shadowRoot);
  }
}

function assertClean(node: Element, where: string): void {
  const tag = node.localName.toLowerCase();
  expect(DANGER.has(tag), `${where}: <${tag}> injected`).to.equal(false);
  // The fit element's own paste box (its empty state) is the one <textarea> allowed.
  if (tag === 'textarea') expect(node.getAttribute('part'), `${where}: <textarea> injected`).to.equal('paste');
  for (const a of Array.from(node.attributes)) {
    expect(/^on/i.test(a.name), `${where}: <${tag} ${a.name}> handler attribute`).to.equal(false);
    if (URL_ATTRS.includes(a.name.toLowerCase())) expect(a.value, `${where}: ${a.name}`).to.not.match(/^\s*(javascript|data|vbscript):/i);
  }
}

/** Added nodes seen by the MutationObservers (document and each shadow root). */
const added: { node: Node; where: string }[] = [];
const documentObserver = new MutationObserver((records) => {
  for (const r of records) for (const n of r.addedNodes) added.push({ node: n, where: 'document' });
});

function watch(el: Element): void {
  const o = new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) added.push({ node: n, where: el.localName });
  });
  o.observe(el.shadowRoot!, { childList: true, subtree: true });
  observers.push(o);
}
const observers: MutationObserver[] = [];

/** Nothing ran, nothing was injected anywhere (now or since the last check). */
async function assertSafe(els: readonly Element[]): Promise<void> {
  await sleep(30); // image errors, autofocus and friends fire asynchronously
  expect(pwned(), 'a payload ran').to.equal(undefined);
  for (const el of els) for (const node of walk(el.shadowRoot!)) assertClean(node, el.localName);
  for (const { node, where } of added.splice(0)) {
    if (!(node instanceof Element)) continue;
    // The tests add their own wrappers and <script type="text/csv"> data blocks to the page; nothing else may appear.
    if (where === 'document' && node.localName === 'script' && (node as HTMLScriptElement).type === 'text/csv') continue;
    assertClean(node, `${where} (added)`);
    for (const inner of walk(node)) assertClean(inner, `${where} (added)`);
  }
  // The page itself (the test runner's own scripts aside: an injected one would have been seen being added).
  for (const el of document.body.querySelectorAll('*')) if (el.localName !== 'script') assertClean(el, 'page');
}

/** Mounts an element by tag name in the test's 640 px box (`wrap`), watches its shadow root, and waits until it has drawn. */
const mount = mountWith<El>({ inWrap: true, connected: watch });

const errorText = (el: El) => el.shadowRoot!.querySelector('.error[role="alert"]')?.textContent ?? '';

/** The exported SVG parses as XML, holds no markup from the payloads, and carries each of `shown` as text. */
async function checkSvgExport(el: El, shown: readonly string[]): Promise<void> {
  const svgText = await (await el.exportBlob('svg')).text();
  const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
  expect(doc.querySelector('parsererror'), 'the SVG export is well-formed XML').to.equal(null);
  for (const node of walk(doc)) assertClean(node, `${el.localName} SVG export`);
  const texts = Array.from(doc.querySelectorAll('text, title, tspan'), (t) => squash(t.textContent ?? '')).join('\n');
  for (const p of shown) expect(texts.includes(squash(asXml(p))), `SVG export carries ${JSON.stringify(p)}`).to.equal(true);
}

/** The CSV export reads back with each of `shown` as a whole cell (a leading =, +, - or @ guarded by an apostrophe). */
async function checkCsvExport(el: El, shown: readonly string[]): Promise<void> {
  const cells = new Set(csvParseRows(await (await el.exportBlob('csv')).text()).flat());
  for (const p of shown) expect(cells.has(p) || cells.has(`'${p}`), `CSV export cell ${JSON.stringify(p)}`).to.equal(true);
}

const LAW = { form: 'chinchilla', params: { E: 1.69, A: 406.4, B: 410.7, alpha: 0.34, beta: 0.28 } };
const runsCsv = demoCsv().trim().split('\n').slice(0, 28).join('\n');
/** Demo runs whose N, D and loss columns are named by hostile text. */
function hostileRuns(names: readonly string[]): Runs {
  const r = readRuns(runsCsv);
  return { ...r, columns: { N: names[0], D: names[1 % names.length], loss: names[2 % names.length] } };
}

describe('hostile text', function () {
  this.timeout(120_000);
  before(() => {
    expect(HOSTILE_PAYLOADS.length).to.be.at.least(50);
    documentObserver.observe(document, { childList: true, subtree: true });
  });
  beforeEach(() => {
    place('', { width: 640 });
  });
  afterEach(safely(async () => {
    await assertSafe(Array.from(wrap.children));
    for (const o of observers.splice(0)) o.disconnect();
    unmount();
    history.replaceState(null, '', location.pathname + location.search);
  }));
  after(() => documentObserver.disconnect());

  describe('<scaling-curve>', () => {
    it('law labels: legend, hidden table, tooltip, aria-label and the SVG and CSV exports', safely(async () => {
      for (const group of chunks(HOSTILE_PAYLOADS, 8)) {
        const el = await mount('scaling-curve', { setup: (e) => { e.law = group.map((label, i) => ({ ...LAW, params: { ...LAW.params, E: 1.6 + 0.01 * i }, label })) as never; } });
        expect(errorText(el)).to.equal('');
        const legend = Array.from(el.shadowRoot!.querySelectorAll('.legend title, .legend text'), (t) => t.textContent);
        const heads = Array.from(el.shadowRoot!.querySelectorAll('.visually-hidden th[scope="col"]'), (t) => t.textContent);
        const label = squash(el.shadowRoot!.querySelector('svg.chart')!.getAttribute('aria-label')!);
        const plot = el.shadowRoot!.querySelector('.plot') as HTMLElement;
        plot.focus();
        plot.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
        const tip = el.shadowRoot!.querySelector('.tooltip') as HTMLElement;
        expect(tip.hidden).to.equal(false);
        for (const p of group) {
          expect(legend, 'legend').to.include(shown(p));
          expect(heads, 'table header').to.include(shown(p));
          expect(label, 'aria-label').to.contain(squash(shown(p)));
          expect(tip.textContent, 'tooltip').to.contain(shown(p));
        }
        expect(Array.from(tip.children).every((c) => c.localName === 'div' && c.children.length === 0), 'tooltip lines are text').to.equal(true);
        await checkSvgExport(el, group.map(shown));
        await checkCsvExport(el, group);
        await assertSafe([el]);
        el.remove();
      }
    }));

    it('regression: a label holding control characters (NUL) still exports a well-formed SVG', safely(async () => {
      const label = 'a\u0000b\u0007c\u001bd';
      const el = await mount('scaling-curve', { setup: (e) => { e.law = [{ ...LAW, label }] as never; } });
      await checkSvgExport(el, [label]);
      const doc = new DOMParser().parseFromString(await (await el.exportBlob('svg')).text(), 'image/svg+xml');
      expect(doc.querySelector('.legend text')!.textContent).to.equal('a\uFFFDb\uFFFDc\uFFFDd');
    }));

    it('column names of runs, and attributes, as text in tables and error boxes', safely(async () => {
      for (const group of chunks(HOSTILE_PAYLOADS, 3)) {
        const el = await mount('scaling-curve', { setup: (e) => { e.runs = hostileRuns(group); }, attrs: { preset: 'hoffmann2022' } });
        const heads = Array.from(el.shadowRoot!.querySelectorAll('th[scope="col"]'), (t) => t.textContent);
        for (const p of group) expect(heads).to.include(shown(p));
        el.remove();
      }
      const el = await mount('scaling-curve', { attrs: { preset: 'hoffmann2022' } });
      for (const p of HOSTILE_PAYLOADS) {
        for (const attr of ['preset', 'x', 'from', 'fixed-d']) {
          el.setAttribute(attr, p);
          await el.updateComplete;
          // preset is a list: the error names its first unknown id.
          expect(errorText(el), attr).to.contain(shown(attr === 'preset' ? p.split(/[\s,]+/).filter(Boolean)[0] : p.trim()));
          el.setAttribute(attr, attr === 'preset' ? 'hoffmann2022' : attr === 'x' ? 'N' : '');
          if (attr !== 'preset' && attr !== 'x') el.removeAttribute(attr);
        }
      }
    }));
  });

  describe('<scaling-fit>', () => {
    it('column names: the data table, the column pickers and the JSON export', safely(async () => {
      let offered = 0;
      for (const part of chunks(HOSTILE_PAYLOADS, 3)) {
        const group = [part[0], part[1] ?? `${part[0]} (D)`, part[2] ?? `${part[0]} (loss)`];
        // Explicitly mapped N, D and loss columns, plus loss-like extra columns offered as alternatives.
        const extra = group.map((p) => `loss ${p}`);
        // A first column of row numbers: text starting with [ or { is read as JSON (runs.ts), whatever follows.
        const body = runsCsv.split('\n').slice(1).map((line, i) => `${i + 1},${line},${extra.map((_, k) => 2 + k / 10).join(',')}`);
        const csv = [csvFormatRows([['#', ...group, ...extra]]), ...body].join('\n');
        const el = await mount('scaling-fit', { setup: (e) => { e.runs = csv; e.columns = { N: group[0], D: group[1], loss: group[2] }; } });
        await until(() => !!el.result || errorText(el) !== '', 15000);
        await settle(el);
        expect(errorText(el)).to.equal('');
        const heads = Array.from(el.shadowRoot!.querySelectorAll('.visually-hidden th[scope="col"]'), (t) => t.textContent);
        for (const p of group) expect(heads, 'table header').to.include(shown(p));
        // Extra columns recognised as loss-like (column rules permitting) are offered in a picker, by name.
        const options = Array.from(el.shadowRoot!.querySelectorAll('[part="columns"] option'), (o) => o.textContent);
        offered += options.length;
        for (const o of options) expect([...group, ...extra].map(shown), 'picker options are column names').to.include(o);
        const json = JSON.parse(await (await el.exportBlob('json')).text());
        expect(Object.values(json.columns)).to.include.members(group.slice(0, 1));
        await assertSafe([el]);
        el.remove();
      }
      expect(offered, 'pickers offered hostile column names').to.be.greaterThan(20);
    }));

    it('cell values and attributes: the error box quotes them as text', safely(async () => {
      const el = await mount('scaling-fit');
      for (const p of HOSTILE_PAYLOADS) {
        el.runs = csvFormatRows([['N', 'D', 'loss'], ['1e9', '2e10', p]]);
        await el.updateComplete;
        expect(errorText(el)).to.contain(`line 2, column "loss"`);
        // Quoted as JSON writes strings, cut after 80 characters: its start is always shown.
        expect(errorText(el)).to.contain(shown(JSON.stringify(p.trim()).slice(0, 40)));
      }
      el.runs = runsCsv;
      for (const p of HOSTILE_PAYLOADS) {
        for (const attr of ['form', 'loss', 'strategy', 'x', 'drop-highest', 'bootstrap', 'budget']) {
          el.setAttribute(attr, p);
          await el.updateComplete;
          expect(errorText(el), attr).to.contain(shown(p));
          el.removeAttribute(attr);
        }
      }
      el.setAttribute('x', 'C');
    }));

    it('a src URL carrying payloads: the error box, then the aria-label and the SVG and JSON exports', safely(async () => {
      for (const p of HOSTILE_PAYLOADS.slice(0, 12)) {
        const el = await mount('scaling-fit', { attrs: { src: `/test/fixtures/data/missing-${p}.csv` } });
        await until(() => errorText(el) !== '', 15000);
        expect(errorText(el)).to.contain(shown(p));
        el.remove();
      }
      const p = HOSTILE_PAYLOADS[0] + HOSTILE_PAYLOADS[2];
      const el = await mount('scaling-fit', { attrs: { src: `/test/fixtures/data/chinchilla-svg-extracted.csv?${p}`, 'drop-highest': '5' } });
      await until(() => !!el.result, 15000);
      await settle(el);
      expect(squash(el.shadowRoot!.querySelector('svg.chart')!.getAttribute('aria-label')!)).to.contain(squash(shown(p)));
      await checkSvgExport(el, [shown(p)]);
      expect(JSON.parse(await (await el.exportBlob('json')).text()).source).to.contain(p);
    }));
  });

  describe('<scaling-isoflop>', () => {
    it('column names in its tables, attributes and src in its error box', safely(async () => {
      const llama = readRuns(await (await fetch('/test/fixtures/data/llama3-isoflops-digitized.csv')).text());
      for (const group of chunks(HOSTILE_PAYLOADS, 3)) {
        const el = await mount('scaling-isoflop', { setup: (e) => { e.runs = { ...llama, columns: { N: group[0], D: group[1 % group.length], loss: group[2 % group.length] } }; } });
        expect(errorText(el)).to.equal('');
        const heads = Array.from(el.shadowRoot!.querySelectorAll('th[scope="col"]'), (t) => t.textContent);
        for (const p of group) expect(heads).to.include(shown(p));
        el.remove();
      }
      const el = await mount('scaling-isoflop', { setup: (e) => { e.runs = llama; } });
      for (const p of HOSTILE_PAYLOADS) {
        for (const attr of ['budgets', 'tolerance', 'min-points']) {
          el.setAttribute(attr, p);
          await el.updateComplete;
          expect(errorText(el), attr).to.contain(shown(attr === 'budgets' ? p.split(/[\s,;]+/).filter(Boolean)[0] : p.trim()));
          el.removeAttribute(attr);
        }
      }
      await el.updateComplete;
      await checkSvgExport(el, []);
      for (const p of HOSTILE_PAYLOADS.slice(12, 20)) {
        const bad = await mount('scaling-isoflop', { attrs: { src: `/test/fixtures/data/missing-${p}.csv` } });
        await until(() => errorText(bad) !== '', 15000);
        expect(errorText(bad)).to.contain(shown(p));
        bad.remove();
      }
    }));
  });

  describe('<scaling-landscape>', () => {
    it('model names: on the map, in tooltips, tables, the aria-label and the SVG, CSV and JSON exports', safely(async () => {
      for (const group of chunks(HOSTILE_PAYLOADS, 6)) {
        const models = group.map((name, i) => ({ name, N: 1e9 * 10 ** (i / 2), D: 2e10 * 10 ** (i / 3) }));
        const el = await mount('scaling-landscape', { setup: (e) => { e.models = models; e.law = { ...LAW, label: group[0] } as never; } });
        expect(errorText(el)).to.equal('');
        // A long name is cut on the map and one with no room dropped (labels never collide); both stay whole in the marker's <title>.
        const names = Array.from(el.shadowRoot!.querySelectorAll('text.model-name, circle.model > title'), (t) => t.textContent);
        expect(el.shadowRoot!.querySelectorAll('text.model-name').length, 'some names drawn on the map').to.be.greaterThan(0);
        const label = squash(el.shadowRoot!.querySelector('svg.chart')!.getAttribute('aria-label')!);
        const cells = Array.from(el.shadowRoot!.querySelectorAll('.visually-hidden th, .visually-hidden td'), (t) => t.textContent);
        const tip = el.shadowRoot!.querySelector('.tooltip') as HTMLElement;
        const markers = Array.from(el.shadowRoot!.querySelectorAll<SVGCircleElement>('circle.model'));
        expect(markers.length).to.equal(group.length);
        for (const [i, p] of group.entries()) {
          expect(names, 'on the map or on its marker').to.include(shown(p));
          expect(label, 'aria-label').to.contain(squash(shown(p)));
          expect(cells, 'table').to.include(shown(p));
          markers[i].focus();
          expect(tip.textContent, 'tooltip').to.contain(shown(p));
          expect(markers[i].getAttribute('aria-label')).to.contain(shown(p));
        }
        await checkSvgExport(el, group.map(shown));
        await checkCsvExport(el, group);
        const json = JSON.parse(await (await el.exportBlob('json')).text());
        expect(json.models.map((m: { name: string }) => m.name)).to.deep.equal(group);
        expect(json.label).to.equal(group[0]);
        await assertSafe([el]);
        el.remove();
      }
    }));

    it('attributes in its error box', safely(async () => {
      const el = await mount('scaling-landscape');
      for (const p of HOSTILE_PAYLOADS) {
        for (const attr of ['n-range', 'd-range', 'law', 'models']) {
          el.setAttribute(attr, p);
          await el.updateComplete;
          expect(errorText(el), attr).to.not.equal('');
          if (attr === 'law' && !/^\s*[[{]/.test(p)) expect(errorText(el)).to.contain(shown(p.trim()));
          el.removeAttribute(attr);
        }
      }
    }));
  });

  describe('<scaling-calculator>', () => {
    it('URL-hash state: ignored parts shown as text', safely(async () => {
      for (const group of chunks(HOSTILE_PAYLOADS, 4)) {
        history.replaceState(null, '', `#calc=${encodeURIComponent(group.join(','))}&calc=${group.map((p) => `laws:${encodeURIComponent(p)}`).join(',')}`);
        const el = await mount('scaling-calculator', { attrs: { 'hash-state': '' } });
        const notice = el.shadowRoot!.querySelector('[part="notice"]');
        expect(notice, 'a notice').to.exist;
        expect(errorText(el), 'the defaults still compute').to.equal('');
        expect(notice!.textContent!.length).to.be.greaterThan(10);
        await assertSafe([el]);
        el.remove();
      }
    }));

    it('a linked fit whose id is hostile: its column, the CSV export; bad attributes in the error box', safely(async () => {
      for (const p of HOSTILE_PAYLOADS.slice(0, 20)) {
        const standIn = Object.assign(document.createElement('div'), { id: p, result: { law: LAW } });
        wrap.append(standIn);
        const el = await mount('scaling-calculator', { attrs: { for: p, laws: 'hoffmann2022' } });
        // Named for readers in the header; the id, as text, in its tooltip.
        const titles = Array.from(el.shadowRoot!.querySelectorAll('table.results thead th[title]'), (t) => t.getAttribute('title') ?? '');
        expect(titles.some((h) => h.includes(shown(p))), 'column header tooltip').to.equal(true);
        const csv = csvParse(await (await el.exportBlob('csv')).text());
        expect(csv.some((r) => (r.label ?? '').includes(shown(p))), 'CSV export').to.equal(true);
        el.remove();
        standIn.remove();
      }
      const el = await mount('scaling-calculator');
      for (const p of HOSTILE_PAYLOADS) {
        for (const attr of ['laws', 'flops', 'mode', 'hardware', 'chart']) {
          el.setAttribute(attr, p);
          await el.updateComplete;
          expect(errorText(el), attr).to.not.equal('');
          el.removeAttribute(attr);
        }
      }
    }));
  });
});
