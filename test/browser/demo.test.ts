// The demo articles, as a reader gets them: demo/index.html and
// demo/zh/index.html loaded into an iframe with the built IIFE bundle
// (dist/scaling-kit.min.js, made by `npm run build`, which `npm test` runs
// first). Every <scaling-*> element on them is defined, draws an SVG or a
// table and shows no error; the Chinese page's elements speak Chinese; the
// inline datasets match demo/data/*.csv (scripts/make-demo-data.mjs keeps
// them in step); the theme button reaches every element; and nothing is
// requested from outside the page's own origin.
//
// An element the article uses but the bundle does not define fails here by
// name: the article is only finished when every element on it works.
import { expect } from '@esm-bundle/chai';
import { fit, readRuns } from '../../src/index.js';
import { sleep } from './helpers.js';

/** Every element the article is built from; each page must use all six. */
const TAGS = ['scaling-curve', 'scaling-landscape', 'scaling-calculator', 'scaling-fit', 'scaling-isoflop', 'scaling-task'] as const;

const PAGES = [
  { path: '/demo/index.html', lang: 'en' },
  { path: '/demo/zh/index.html', lang: 'zh' },
] as const;

/** CJK Unified Ideographs: any one of them means Chinese text. */
const HAN = /[\u4e00-\u9fff]/;

/** How long an element may take to draw (the exact fit runs 4,500 starts; a slow CI core needs time). */
const DRAW_TIMEOUT = 45_000;

interface Loaded {
  frame: HTMLIFrameElement;
  win: Window & typeof globalThis;
  doc: Document;
}

/** Loads `path` into a 1000 × 800 iframe and resolves after its load event. */
async function load(path: string, width = 1000): Promise<Loaded> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `width:${width}px;height:800px;border:0`;
  const loaded = new Promise<void>((resolve, reject) => {
    frame.addEventListener('load', () => resolve(), { once: true });
    frame.addEventListener('error', () => reject(new Error(`could not load ${path}`)), { once: true });
  });
  frame.src = path;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as Window & typeof globalThis;
  return { frame, win, doc: frame.contentDocument! };
}

/** Every <scaling-*> element in the document, in order. */
const scalingElements = (doc: Document): HTMLElement[] =>
  Array.from(doc.querySelectorAll<HTMLElement>('*')).filter((el) => el.localName.startsWith('scaling-'));

/** The page's own script sources (the test server injects one of its own, /__web-dev-server…, into HTML). */
const scriptSources = (doc: Document): (string | null)[] =>
  Array.from(doc.querySelectorAll('script[src]'), (s) => s.getAttribute('src')).filter((src) => !src?.startsWith('/__web-dev-server'));

/** A short name for messages: <scaling-fit#demo-fit> (3rd on the page). */
const nameOf = (el: HTMLElement, i: number) => `<${el.localName}${el.id ? `#${el.id}` : ''}> (element ${i + 1} on the page)`;

/** The error boxes (the warnings a fit gives about itself are alerts too, and belong on the page). */
const alertText = (el: HTMLElement): string =>
  Array.from(el.shadowRoot?.querySelectorAll('.error[role="alert"]') ?? [], (a) => a.textContent?.trim() ?? '').filter(Boolean).join(' | ');

const drew = (el: HTMLElement): boolean => !!el.shadowRoot?.querySelector('svg, table');

/** An element the article leaves empty on purpose (data-empty-state): it must offer its paste/file form instead. */
const empty = (el: HTMLElement): boolean => el.hasAttribute('data-empty-state');
const offersInput = (el: HTMLElement): boolean => !!el.shadowRoot?.querySelector('[part~="data-input"] textarea');

/** Elements that compute asynchronously expose their outcome as `result` (fit, isoflop, calculator). */
const pending = (el: HTMLElement): boolean => 'result' in el && (el as HTMLElement & { result?: unknown }).result === undefined;

/**
 * Waits until `el` has drawn an SVG or a table (and, if it computes something,
 * has its `result`), or shows an error, or the time is up.
 */
async function settle(el: HTMLElement): Promise<void> {
  const end = performance.now() + DRAW_TIMEOUT;
  while (performance.now() < end) {
    if (alertText(el) || (empty(el) ? offersInput(el) : drew(el) && !pending(el))) return;
    await sleep(100);
  }
}

/** All visible text of an element's shadow tree (SVG text included). */
const shadowText = (el: HTMLElement): string => el.shadowRoot?.textContent ?? '';

for (const page of PAGES) {
  describe(`demo article ${page.path}`, function () {
    this.timeout(120_000);
    let loaded: Loaded;

    before(async function () {
      const bundle = await fetch('/dist/scaling-kit.min.js', { method: 'HEAD' });
      if (!bundle.ok) throw new Error('dist/scaling-kit.min.js is missing: run `npm run build` first (npm test does)');
      loaded = await load(page.path);
      // Give the asynchronous ones (fits, bootstrap-free isoFLOP analysis) their time.
      await Promise.all(scalingElements(loaded.doc).map(settle));
    });

    after(() => loaded?.frame.remove());

    it(`declares lang="${page.lang === 'zh' ? 'zh-CN' : 'en'}" and loads the IIFE bundle with one classic script`, () => {
      expect(loaded.doc.documentElement.lang).to.equal(page.lang === 'zh' ? 'zh-CN' : 'en');
      expect(scriptSources(loaded.doc)).to.deep.equal([page.lang === 'zh' ? '../../dist/scaling-kit.min.js' : '../dist/scaling-kit.min.js']);
      const modules = Array.from(loaded.doc.querySelectorAll('script[type="module"]')).filter((s) => !s.getAttribute('src')?.startsWith('/__web-dev-server'));
      expect(modules.length, 'module scripts do not load from file://').to.equal(0);
    });

    for (const tag of TAGS) {
      it(`uses <${tag}>, and the bundle defines it`, () => {
        const count = loaded.doc.querySelectorAll(tag).length;
        expect(count, `the article has no <${tag}>`).to.be.greaterThan(0);
        expect(loaded.win.customElements.get(tag), `<${tag}> is not defined by dist/scaling-kit.min.js`).to.not.equal(undefined);
      });

      it(`draws every <${tag}> (an SVG or a table) without an error box`, () => {
        const elements = Array.from(loaded.doc.querySelectorAll<HTMLElement>(tag));
        expect(elements.length, `the article has no <${tag}>`).to.be.greaterThan(0);
        const all = scalingElements(loaded.doc);
        for (const el of elements) {
          const name = nameOf(el, all.indexOf(el));
          expect(loaded.win.customElements.get(tag), `${name} is not defined`).to.not.equal(undefined);
          expect(el.shadowRoot, `${name} has no shadow root`).to.not.equal(null);
          expect(alertText(el), `${name} shows an error`).to.equal('');
          if (empty(el)) {
            expect(offersInput(el), `${name} is empty on purpose but offers no paste box`).to.equal(true);
            continue;
          }
          expect(drew(el), `${name} drew neither an SVG nor a table within ${DRAW_TIMEOUT / 1000} s`).to.equal(true);
          expect(pending(el), `${name} has no result after ${DRAW_TIMEOUT / 1000} s`).to.equal(false);
        }
      });
    }

    it('uses no element the bundle leaves undefined', () => {
      const undefinedTags = [...new Set(scalingElements(loaded.doc).map((el) => el.localName))].filter((tag) => !loaded.win.customElements.get(tag));
      expect(undefinedTags, `not defined: ${undefinedTags.join(', ')}`).to.deep.equal([]);
    });

    if (page.lang === 'zh') {
      it('shows Chinese labels in every element', () => {
        const all = scalingElements(loaded.doc);
        for (const [i, el] of all.entries()) {
          expect(shadowText(el), `${nameOf(el, i)} shows no Chinese text`).to.match(HAN);
        }
        // The first chart plots against N: its axis title comes from the element's own messages.
        expect(shadowText(loaded.doc.querySelector('scaling-curve')!)).to.contain('参数量 N');
      });
    } else {
      it('shows English labels in every element', () => {
        const all = scalingElements(loaded.doc);
        for (const [i, el] of all.entries()) {
          expect(shadowText(el), `${nameOf(el, i)} shows Chinese text on the English page`).to.not.match(HAN);
          expect(shadowText(el), `${nameOf(el, i)} shows no text`).to.match(/[A-Za-z]{3}/);
        }
      });
    }

    it('embeds the datasets that scripts/make-demo-data.mjs wrote to demo/data/', async () => {
      const blocks = Array.from(loaded.doc.querySelectorAll<HTMLScriptElement>('script[type="text/csv"][data-file]'));
      expect(blocks.length).to.be.greaterThan(0);
      for (const block of blocks) {
        const file = block.dataset.file!.replace(/^(\.\.\/)+/, '');
        const response = await fetch(`/demo/${file}`);
        expect(response.ok, `demo/${file} is missing`).to.equal(true);
        expect(block.textContent!.trim(), `the inline copy of demo/${file} is stale: run node --import tsx scripts/make-demo-data.mjs --html`)
          .to.equal((await response.text()).trim());
      }
    });

    it('shows in each <scaling-fit> the fit of its own data (fits running side by side do not mix)', async () => {
      for (const el of Array.from(loaded.doc.querySelectorAll<HTMLElement & { result?: { runs: number; objective: number } }>('scaling-fit:not([data-empty-state])'))) {
        const csv = el.querySelector('script[type="text/csv"]')!.textContent!;
        const strategy = (el.getAttribute('strategy') ?? 'fast') as 'fast' | 'exact';
        const expected = await fit(readRuns(csv), { strategy });
        const name = nameOf(el, scalingElements(loaded.doc).indexOf(el));
        expect(el.result, `${name} has no result`).to.not.equal(undefined);
        expect(el.result!.runs, `${name}: runs fitted`).to.equal(expected.runs);
        expect(el.result!.objective / expected.objective, `${name}: objective ${el.result!.objective} vs ${expected.objective} from its own data`)
          .to.be.closeTo(1, 1e-6);
      }
    });

    it('fills in the live receipts under the fits', async () => {
      const receipt = loaded.doc.getElementById('demo-fit-receipt')!;
      const backtest = loaded.doc.getElementById('backtest-result')!;
      const end = performance.now() + DRAW_TIMEOUT;
      while (performance.now() < end && (!receipt.textContent || /…/.test(backtest.textContent ?? ''))) await sleep(100);
      expect(receipt.textContent).to.match(/4,50[0-2]/); // Hoffmann's grid and up to two negative-exponent starts
      expect(backtest.textContent).to.match(/27/);
      expect(backtest.textContent).to.match(/\d\.\d\d%/);
    });

    it('sets theme on every element from the theme button, and back to auto', () => {
      const button = loaded.doc.getElementById('theme-toggle') as HTMLButtonElement;
      const themes = () => new Set(scalingElements(loaded.doc).map((el) => el.getAttribute('theme') ?? 'auto'));
      const start = button.dataset.theme;
      const seen: string[] = [];
      for (let i = 0; i < 3; i++) {
        button.click();
        const now = button.dataset.theme!;
        seen.push(now);
        expect([...themes()], `after choosing ${now}`).to.deep.equal([now]);
        expect(loaded.doc.documentElement.dataset.theme ?? 'auto').to.equal(now);
      }
      expect(new Set(seen)).to.deep.equal(new Set(['auto', 'light', 'dark']));
      expect(button.dataset.theme).to.equal(start);
    });

    it('requests nothing outside its own origin', () => {
      const origin = loaded.win.location.origin;
      const foreign = loaded.win.performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'));
      expect(foreign).to.deep.equal([]);
      // And no stylesheet, font or image points anywhere else either.
      const external = Array.from(loaded.doc.querySelectorAll('link[href], img[src], source[src], iframe[src]'))
        .map((el) => new URL(el.getAttribute('href') ?? el.getAttribute('src')!, loaded.win.location.href))
        .filter((url) => url.origin !== origin && url.protocol !== 'data:');
      expect(external.map(String)).to.deep.equal([]);
    });

    it('links every arXiv citation to an abs page and nothing else off-site', () => {
      const origin = loaded.win.location.origin;
      const offsite = Array.from(loaded.doc.querySelectorAll('a[href]'), (a) => new URL(a.getAttribute('href')!, loaded.win.location.href))
        .filter((url) => url.origin !== origin);
      for (const url of offsite) expect(url.href).to.match(/^https:\/\/arxiv\.org\/abs\/\d{4}\.\d{4,5}$/);
    });
  });
}

describe('demo/embed.html', function () {
  this.timeout(120_000);

  it('draws one <scaling-fit> from its inline CSV with nothing but the bundle', async () => {
    const { frame, win, doc } = await load('/demo/embed.html', 700);
    try {
      expect(scriptSources(doc)).to.deep.equal(['../dist/scaling-kit.min.js']);
      const el = doc.querySelector<HTMLElement>('scaling-fit')!;
      expect(win.customElements.get('scaling-fit'), '<scaling-fit> is not defined').to.not.equal(undefined);
      await settle(el);
      expect(alertText(el)).to.equal('');
      expect(drew(el)).to.equal(true);
      const foreign = win.performance.getEntriesByType('resource').map((e) => e.name)
        .filter((url) => !url.startsWith(`${win.location.origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:'));
      expect(foreign).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
