// Accessibility, checked automatically with axe-core.
//
// Every element (<scaling-curve>, <scaling-fit>, <scaling-isoflop>,
// <scaling-landscape>, <scaling-calculator>) in the light and the dark theme,
// in English and in Chinese, after it has drawn (its fit finished), shadow
// root included (axe walks open shadow roots); then the demo pages
// (demo/index.html, demo/zh/index.html, demo/embed.html, which load the built
// bundle: `npm run build` first) in an iframe, in the light and the dark theme.
// Any violation of impact `serious` or `critical` fails the test, listed
// rule by rule with the elements it was found on.
//
// One check of our own rides along, because axe-core does not make it: no
// focusable element sits inside a `role="img"` (an image's children are
// presentational, and Chromium drops them from the accessibility tree, so a
// screen reader never hears a focused point inside an image-role chart).
import { expect } from '@esm-bundle/chai';
import type { AxeResults, NodeResult, Result, RunOptions } from 'axe-core';
import '../../src/define.js';
import { demoCsv } from '../../src/data/demo.js';
import { frame, sleep, until } from './helpers.js';

type Axe = { run: (context: Node, options: RunOptions) => Promise<AxeResults> };
type AxeWindow = Window & typeof globalThis & { axe?: Axe };

const AXE_SRC = '/node_modules/axe-core/axe.min.js';
const FAILING_IMPACTS = new Set(['serious', 'critical']);
/** How long an element may take to draw (the demo's exact fit runs 4,500 starts; a slow CI core needs time). */
const DRAW_TIMEOUT = 45_000;


/** axe-core in `win` (loaded once per document as a classic script: it is not an ES module). */
async function axeIn(win: AxeWindow): Promise<Axe> {
  if (win.axe) return win.axe;
  const doc = win.document;
  const script = doc.createElement('script');
  script.src = AXE_SRC;
  await new Promise<void>((resolve, reject) => {
    script.addEventListener('load', () => resolve(), { once: true });
    script.addEventListener('error', () => reject(new Error(`could not load ${AXE_SRC}: is axe-core installed (npm install)?`)), { once: true });
    doc.head.append(script);
  });
  if (!win.axe) throw new Error(`${AXE_SRC} loaded but defined no axe`);
  return win.axe;
}

/** An axe target (a selector, or a path of selectors through shadow roots and frames) as one line. */
const targetText = (t: NodeResult['target']): string =>
  t.map((part) => (Array.isArray(part) ? part.join(' ⟫ ') : String(part))).join(' ⟫ ');

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Violations readably: one block per rule, impact, count, help and the first few elements. */
function describeViolations(where: string, violations: readonly Result[]): string {
  const lines = [`${where}: ${violations.length} serious/critical axe rule(s) violated`];
  for (const v of violations) {
    lines.push(`  [${v.impact}] ${v.id} on ${v.nodes.length} element(s): ${v.help} (${v.helpUrl})`);
    for (const n of v.nodes.slice(0, 5)) {
      lines.push(`      ${targetText(n.target)}`);
      lines.push(`        ${clip(n.html.replace(/\s+/g, ' '), 160)}`);
      const why = (n.failureSummary ?? '').split('\n').map((l) => l.trim()).filter(Boolean).slice(1, 3).join('; ');
      if (why) lines.push(`        ${clip(why, 200)}`);
    }
    if (v.nodes.length > 5) lines.push(`      … and ${v.nodes.length - 5} more`);
  }
  return lines.join('\n');
}

/** `root` and every open shadow root below it. */
function* roots(root: Document | Element | ShadowRoot): Generator<Document | Element | ShadowRoot> {
  yield root;
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) yield* roots(el.shadowRoot);
}

/** Roles whose children are presentational (ARIA 1.2) that a chart could use for itself or a mark. */
const PRESENTATIONAL_CHILDREN = '[role="img"], [role="graphics-symbol"]';

/** Focusable elements (any tabindex) that an ancestor with presentational children hides from assistive technology. */
function hiddenFocusables(root: Document | Element): string[] {
  const found: string[] = [];
  for (const r of roots(root)) {
    for (const el of r.querySelectorAll('[tabindex]')) {
      const owner = el.parentElement?.closest(PRESENTATIONAL_CHILDREN);
      if (owner) found.push(`${clip(el.outerHTML.replace(/\s+/g, ' '), 120)} inside <${owner.localName} role="${owner.getAttribute('role')}">`);
    }
  }
  return found;
}

/** Runs axe over `context` in `win` and fails, listing them, on serious or critical violations. */
async function audit(win: AxeWindow, context: Document | Element, where: string): Promise<void> {
  const axe = await axeIn(win);
  const results = await axe.run(context, { resultTypes: ['violations'], iframes: false });
  const bad = results.violations.filter((v) => FAILING_IMPACTS.has(v.impact ?? ''));
  expect(bad.length, describeViolations(where, bad)).to.equal(0);
  const hidden = hiddenFocusables(context);
  expect(hidden.length, `${where}: ${hidden.length} focusable element(s) hidden inside an image:\n  ${hidden.slice(0, 5).join('\n  ')}`).to.equal(0);
}

const alertText = (el: Element): string =>
  Array.from(el.shadowRoot?.querySelectorAll('[role="alert"]') ?? [], (a) => a.textContent?.trim() ?? '').filter(Boolean).join(' | ');
/** The error boxes alone (warnings a fit says of itself are alerts too, and belong on the page). */
const errorText = (el: Element): string =>
  Array.from(el.shadowRoot?.querySelectorAll('.error[role="alert"]') ?? [], (a) => a.textContent?.trim() ?? '').filter(Boolean).join(' | ');
/** Elements that compute asynchronously expose their outcome as `result` (fit, isoflop, calculator). */
const pending = (el: Element): boolean => 'result' in el && (el as Element & { result?: unknown }).result === undefined;
const drew = (el: Element): boolean => !!el.shadowRoot?.querySelector('svg, table');
/** An element a demo page leaves empty on purpose: it offers its paste/file form instead. */
const empty = (el: Element): boolean => el.hasAttribute('data-empty-state');

/** Waits until `el` has drawn and has its result (or shows an error, or offers its input form when empty on purpose). */
async function settle(el: Element): Promise<void> {
  const end = performance.now() + DRAW_TIMEOUT;
  while (performance.now() < end) {
    if (alertText(el) || (empty(el) ? !!el.shadowRoot?.querySelector('[part~="data-input"]') : drew(el) && !pending(el))) break;
    await sleep(50);
  }
  // The hidden tables follow the chart a task later (controllers/lagging.ts).
  await (el as Element & { updateComplete?: Promise<unknown> }).updateComplete;
  await frame();
  await sleep(0);
  await frame();
  await (el as Element & { updateComplete?: Promise<unknown> }).updateComplete;
}

const CHINCHILLA = '/test/fixtures/data/chinchilla-svg-extracted.csv';

/** `rows` synthetic Chinchilla-like runs (N, D, loss) as CSV, from a fixed seed: more than the 500 focusable marks A11Y_LIMITS allows. */
function manyRunsCsv(rows: number): string {
  let a = 7;
  const random = () => ((a = (Math.imul(a, 1103515245) + 12345) >>> 0) / 4294967296);
  const lines = ['N,D,loss'];
  for (let i = 0; i < rows; i++) {
    const N = 10 ** (7 + 3 * random()), D = N * 10 ** (0.7 + 1.6 * random());
    lines.push(`${N.toPrecision(6)},${D.toPrecision(6)},${(1.82 + 482 / N ** 0.348 + 2085 / D ** 0.366).toPrecision(6)}`);
  }
  return lines.join('\n');
}

/** Each element as the tests draw it, with what must be in its shadow root once drawn (so the audit covers the marks). */
const ELEMENTS = [
  { tag: 'scaling-curve', attrs: 'preset="hoffmann2022,besiroglu2024"', inner: `<script type="text/csv">${demoCsv()}</script>`, drawn: 'svg.chart circle.point[tabindex]' },
  { tag: 'scaling-fit', attrs: `src="${CHINCHILLA}" drop-highest="5"`, inner: '', drawn: 'svg.chart circle.point[tabindex]' },
  { tag: 'scaling-isoflop', attrs: 'src="/test/fixtures/data/llama3-isoflops-digitized.csv"', inner: '', drawn: 'svg.chart circle.point[tabindex]' },
  { tag: 'scaling-landscape', attrs: '', inner: '', drawn: 'svg.chart circle.model[tabindex]' },
  { tag: 'scaling-calculator', attrs: '', inner: '', drawn: 'svg.chart' },
  { tag: 'scaling-task', attrs: 'src="/test/fixtures/data/gadre2024-rpj-fit-set.csv" form="overtrained" loss="squared" holdout="2" chance="0.85" columns="loss=loss_c4_val,metric=err_avg17"', inner: '', drawn: 'svg.chart circle.point[tabindex]' },
] as const;

describe('accessibility (axe-core): serious and critical violations', function () {
  this.timeout(120_000);

  describe('elements, shadow roots included', () => {
    let wrap: HTMLDivElement | undefined;
    afterEach(() => {
      wrap?.remove();
      wrap = undefined;
      // <scaling-calculator> keeps its scenario in the URL hash.
      history.replaceState(null, '', location.pathname + location.search);
    });

    /** Mounts `<tag attrs theme lang>inner</tag>` 760 px wide, waits until it has drawn `drawn`, and audits it. */
    async function check(tag: string, attrs: string, inner: string, drawn: string, where: string): Promise<void> {
      wrap = document.createElement('div');
      wrap.style.width = '760px';
      wrap.innerHTML = `<${tag} ${attrs}>${inner}</${tag}>`;
      document.body.append(wrap);
      const el = wrap.querySelector(tag)!;
      await settle(el);
      // An element that fits (two fits for <scaling-task>) draws a little later.
      await until(() => !!el.shadowRoot!.querySelector(drawn) || errorText(el) !== '', 15000, `<${tag}> drawn`);
      expect(errorText(el), `<${tag}> shows an error`).to.equal('');
      expect(el.shadowRoot!.querySelector(drawn), `<${tag}> has not drawn ${drawn}`).to.not.equal(null);
      await audit(window, wrap, where);
    }

    for (const { tag, attrs, inner, drawn } of ELEMENTS) {
      for (const theme of ['light', 'dark'] as const) {
        for (const lang of ['en', 'zh'] as const) {
          it(`<${tag}> theme="${theme}" lang="${lang}"`, () =>
            check(tag, `${attrs} theme="${theme}" lang="${lang}"`, inner, drawn, `<${tag} theme="${theme}" lang="${lang}">`));
        }
      }
    }

    it('<scaling-fit> with more runs than focusable marks (the capped, labelled group)', () =>
      check('scaling-fit', '', `<script type="text/csv">${manyRunsCsv(600)}</script>`, 'svg.chart g.points circle[aria-hidden]', '<scaling-fit> with 600 runs'));
  });

  const PAGES = ['/demo/index.html', '/demo/zh/index.html', '/demo/embed.html'];

  for (const path of PAGES) {
    describe(`demo page ${path}`, () => {
      let iframe: HTMLIFrameElement | undefined;
      let win: AxeWindow;

      before(async function () {
        const bundle = await fetch('/dist/scaling-kit.min.js', { method: 'HEAD' });
        if (!bundle.ok) throw new Error('dist/scaling-kit.min.js is missing: run `npm run build` first (npm test does)');
        iframe = document.createElement('iframe');
        iframe.style.cssText = 'width:1000px;height:800px;border:0';
        const loaded = new Promise<void>((resolve, reject) => {
          iframe!.addEventListener('load', () => resolve(), { once: true });
          iframe!.addEventListener('error', () => reject(new Error(`could not load ${path}`)), { once: true });
        });
        iframe.src = path;
        document.body.append(iframe);
        await loaded;
        win = iframe.contentWindow as AxeWindow;
        const elements = Array.from(win.document.querySelectorAll('*')).filter((el) => el.localName.startsWith('scaling-'));
        expect(elements.length, `${path} has no <scaling-*> element`).to.be.greaterThan(0);
        await Promise.all(elements.map(settle));
      });

      after(() => iframe?.remove());

      /** Sets every element's theme (and the page's, as the demo's theme button does). */
      const setTheme = async (theme: 'light' | 'dark') => {
        const doc = win.document;
        doc.documentElement.dataset.theme = theme;
        const elements = Array.from(doc.querySelectorAll('*')).filter((el) => el.localName.startsWith('scaling-'));
        for (const el of elements) el.setAttribute('theme', theme);
        await Promise.all(elements.map((el) => (el as Element & { updateComplete?: Promise<unknown> }).updateComplete));
        await frame();
        await frame();
      };

      for (const theme of ['light', 'dark'] as const) {
        it(`theme ${theme}`, async () => {
          await setTheme(theme);
          await audit(win, win.document, `${path} (theme ${theme})`);
        });
      }
    });
  }
});
