// Nothing is run before it is needed (#16): a page that only draws published laws compiles no
// WebAssembly. The built bundle (dist/scaling-kit.min.js, `npm run build` first) is loaded in a
// fresh iframe whose WebAssembly compile and instantiate entry points count their calls; a
// <scaling-curve> draws, and the count must stay 0. Then a <scaling-fit> in the same page fits,
// and the count must rise: the spies do see the bundle's compiles (so the first check can fail).
import { expect } from '@esm-bundle/chai';
import { until } from './helpers.js';

const CSV = ['N,D,loss', '7e7,1.4e9,3.92', '2e8,4e9,3.35', '6e8,1.2e10,2.98', '1.5e9,3e10,2.71', '4e9,8e10,2.50', '1e10,2e11,2.35',
  '3e8,2e9,3.30', '1e9,5e9,2.95', '3e9,1.5e10,2.70', '8e9,4e10,2.52', '2e10,1e11,2.38', '5e10,2.5e11,2.27'].join('\n');

// Installed before the bundle runs: every way a script can compile or instantiate a module, counted.
const SPIES = `<script>
  window.__compiles = 0;
  for (const name of ['compile', 'instantiate', 'compileStreaming', 'instantiateStreaming']) {
    const real = WebAssembly[name];
    if (real) WebAssembly[name] = function (...args) { window.__compiles++; return real.apply(this, args); };
  }
  const RealModule = WebAssembly.Module;
  WebAssembly.Module = function (bytes) { window.__compiles++; return new RealModule(bytes); };
  WebAssembly.Module.prototype = RealModule.prototype;
  Object.setPrototypeOf(WebAssembly.Module, RealModule);
</script>`;

type SpiedWindow = Window & { __compiles: number };

describe('WebAssembly is compiled only when a fit runs', function () {
  this.timeout(60_000);
  let frame: HTMLIFrameElement;
  afterEach(() => frame?.remove());

  it('a page with one <scaling-curve> compiles none; a fit on the same page does', async () => {
    const bundle = await fetch('/dist/scaling-kit.min.js', { method: 'HEAD' });
    if (!bundle.ok) throw new Error('dist/scaling-kit.min.js is missing: run `npm run build` first (npm test does)');
    frame = document.createElement('iframe');
    frame.style.cssText = 'width:700px;height:600px;border:0';
    frame.srcdoc = `<!doctype html><html><head>${SPIES}<script src="/dist/scaling-kit.min.js"></script></head>
      <body><scaling-curve preset="hoffmann2022,besiroglu2024" x="C"></scaling-curve></body></html>`;
    const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
    document.body.append(frame);
    await loaded;
    const win = frame.contentWindow as SpiedWindow, doc = frame.contentDocument!;
    const curve = doc.querySelector('scaling-curve')!;
    await until(() => !!curve.shadowRoot?.querySelector('svg.chart path.curve'), 20_000, 'the curve drawn');
    await new Promise((resolve) => setTimeout(resolve, 300)); // anything scheduled after the first draw
    expect(win.__compiles, 'WebAssembly compiled for a page of published laws').to.equal(0);

    const fit = doc.createElement('scaling-fit');
    fit.innerHTML = `<script type="text/csv">${CSV}</script>`;
    const done = new Promise<void>((resolve) => fit.addEventListener('scaling-fit-done', () => resolve(), { once: true }));
    doc.body.append(fit);
    await done;
    expect(win.__compiles, 'the spies see a fit compile its engine').to.be.greaterThan(0);
  });
});
