/**
 * Which language an element speaks, and its messages. English and Simplified
 * Chinese are built in; `resolveLang` reads the element's own `lang`, then the
 * nearest ancestor's (crossing shadow roots), then the document's: any `zh*`
 * tag gives Chinese, anything else English.
 */

import { en, type MessageKey, type Messages } from './en.js';
import { zh } from './zh.js';

export type { MessageKey, Messages };
export type Lang = 'en' | 'zh';

export const MESSAGES: { readonly [L in Lang]: Messages } = { en, zh };

/** 'zh' for zh, zh-CN, zh-Hans, …; 'en' otherwise (including empty). */
export function langFromTag(tag: string | null | undefined): Lang {
  return /^zh(?:-|_|$)/i.test((tag ?? '').trim()) ? 'zh' : 'en';
}

/** The nearest `lang` attribute at or above `element`, through shadow hosts, else the document's. */
export function langTag(element: Element): string {
  let node: Element | null = element;
  while (node) {
    const found: Element | null = node.closest('[lang]');
    if (found) return found.getAttribute('lang') ?? '';
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return element.ownerDocument?.documentElement.lang ?? '';
}

export const resolveLang = (element: Element): Lang => langFromTag(langTag(element));

/** Fills `{name}` placeholders; values become text (the caller renders text, never HTML). */
export function format(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** A translator bound to one language: `t('errRange', { from, to })`. */
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  const table = MESSAGES[lang];
  return (key, vars) => format(table[key], vars);
}
