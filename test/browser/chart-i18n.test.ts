// Languages (src/i18n): the same keys in English and Chinese, and how an
// element's language is chosen.
import { expect } from '@esm-bundle/chai';
import { sharedStyles } from '../../src/elements/shared-styles.js';
import { PRESET_IDS } from '../../src/core/presets.js';
import { CALCULATOR, COMMON, CURVE, FIT, ISOFLOP, LANDSCAPE, TASK, format, joinTables, langFromTag, resolveLang, translator } from '../../src/i18n/index.js';

// Every table, and all of them at once (no key may appear in two tables).
const TABLES = { COMMON, CURVE, FIT, ISOFLOP, LANDSCAPE, CALCULATOR, TASK };
const en: Record<string, string> = Object.assign({}, ...Object.values(TABLES).map((t) => t.en));
const zh: Record<string, string> = Object.assign({}, ...Object.values(TABLES).map((t) => t.zh));

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('chart i18n', () => {
  it('English and Chinese have exactly the same keys, and no key is in two tables', () => {
    for (const [name, t] of Object.entries(TABLES)) expect(Object.keys(t.zh).sort(), name).to.deep.equal(Object.keys(t.en).sort());
    const count = Object.values(TABLES).reduce((n, t) => n + Object.keys(t.en).length, 0);
    expect(Object.keys(en).length).to.equal(count);
  });

  it('each Chinese message uses the same placeholders as its English one', () => {
    for (const key of Object.keys(en)) {
      expect([...new Set(placeholders(zh[key]))], key).to.deep.equal([...new Set(placeholders(en[key]))]);
    }
  });

  it('no message is empty', () => {
    for (const table of [en, zh]) for (const [k, v] of Object.entries(table)) expect(v.trim(), k).to.not.equal('');
  });

  it('langFromTag maps zh* to zh and everything else to en', () => {
    expect(langFromTag('zh')).to.equal('zh');
    expect(langFromTag('zh-CN')).to.equal('zh');
    expect(langFromTag('zh-Hans-CN')).to.equal('zh');
    expect(langFromTag('en-GB')).to.equal('en');
    expect(langFromTag('')).to.equal('en');
    expect(langFromTag('zhx')).to.equal('en');
  });

  it('resolveLang reads the element, then ancestors (through shadow roots), then the document', () => {
    const outer = document.createElement('div');
    outer.setAttribute('lang', 'zh-CN');
    const host = document.createElement('div');
    outer.append(host);
    document.body.append(outer);
    const inner = document.createElement('span');
    host.attachShadow({ mode: 'open' }).append(inner);
    try {
      expect(resolveLang(inner)).to.equal('zh');
      host.setAttribute('lang', 'en');
      expect(resolveLang(inner)).to.equal('en');
      inner.setAttribute('lang', 'zh');
      expect(resolveLang(inner)).to.equal('zh');
    } finally {
      outer.remove();
    }
  });

  it('format fills placeholders as text and leaves unknown ones', () => {
    expect(format('a {x} b {y}', { x: '<i>' })).to.equal('a <i> b {y}');
    expect(translator(joinTables(COMMON, CURVE), 'zh')('errRange', { from: 5, to: 1 })).to.contain('5');
  });

  it('names common Chinese system fonts in the elements\' font stack, and downloads none', () => {
    const css = sharedStyles.map((c) => c.cssText).join('\n');
    const stack = /font-family: var\(--scaling-font, ([^;]+)\);/.exec(css)![1];
    for (const font of ['PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei']) expect(stack).to.contain(`'${font}'`);
    expect(stack.trim().endsWith('sans-serif')).to.equal(true);
    expect(css).to.not.match(/@font-face|@import|url\(/);
  });

  it('names every preset for readers in both languages, long and short, with no id in the short name', () => {
    for (const id of PRESET_IDS) {
      for (const prefix of ['preset', 'presetShort']) {
        const key = `${prefix}.${id}` as keyof typeof COMMON.en;
        expect(COMMON.en[key], `${key} (en)`).to.be.a('string');
        expect(COMMON.zh[key], `${key} (zh)`).to.be.a('string');
        expect(COMMON.en[key]).to.not.contain(id.includes('-') ? id : `(${id})`);
      }
      expect(COMMON.zh[`preset.${id}` as keyof typeof COMMON.zh]).to.match(/[\u4e00-\u9fff]/);
    }
  });
});
