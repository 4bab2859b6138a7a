// theme="auto" follows the reader's prefers-color-scheme, in every browser.
//
// Chromium could fake the preference (emulateMedia, over CDP); Firefox's WebDriver
// BiDi cannot. A document in an iframe takes its preferred colour scheme from the
// iframe element's `color-scheme` (CSS Color Adjustment), in both, so the element
// is put in an iframe, loaded there from the sources, and the iframe's
// color-scheme is switched.
import { expect } from '@esm-bundle/chai';
import { until } from './helpers.js';

const DARK = 'rgb(13, 17, 23)', LIGHT = 'rgb(255, 255, 255)';
type Themed = HTMLElement & { theme: string; updateComplete: Promise<unknown> };

describe('theme="auto" and prefers-color-scheme', () => {
  let frame: HTMLIFrameElement;
  let el: Themed;
  const background = () => frame.contentWindow!.getComputedStyle(el).backgroundColor;
  const prefers = (scheme: 'light' | 'dark') => frame.contentWindow!.matchMedia(`(prefers-color-scheme: ${scheme})`).matches;

  before(async () => {
    frame = document.createElement('iframe');
    frame.style.cssText = 'width: 640px; height: 480px; color-scheme: dark';
    document.body.append(frame);
    const doc = frame.contentDocument!;
    const script = doc.createElement('script');
    script.type = 'module';
    script.textContent = `import ${JSON.stringify(new URL('../../src/elements/curve/curve.ts', import.meta.url).href)};`;
    doc.head.append(script);
    await until(() => !!frame.contentWindow!.customElements.get('scaling-curve'), 20_000, '<scaling-curve> defined in the iframe');
    doc.body.innerHTML = '<scaling-curve preset="hoffmann2022"></scaling-curve>';
    el = doc.body.firstElementChild as Themed;
    await el.updateComplete;
  });
  after(() => frame.remove());

  it('is dark where the reader prefers dark, and turns light when the preference does', async () => {
    expect(el.getAttribute('theme')).to.equal('auto');
    expect(prefers('dark'), 'the iframe says the reader prefers dark').to.equal(true);
    expect(background()).to.equal(DARK);
    frame.style.colorScheme = 'light';
    await until(() => prefers('light'), 4000, 'the preference switched to light');
    expect(background()).to.equal(LIGHT);
  });

  it('an explicit theme wins over the preference', async () => {
    frame.style.colorScheme = 'light';
    await until(() => prefers('light'), 4000, 'a light preference');
    el.theme = 'dark';
    await el.updateComplete;
    expect(background()).to.equal(DARK);
    frame.style.colorScheme = 'dark';
    await until(() => prefers('dark'), 4000, 'a dark preference');
    el.theme = 'light';
    await el.updateComplete;
    expect(background()).to.equal(LIGHT);
  });
});
