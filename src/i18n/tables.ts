/**
 * Message tables and translators. Each element carries the shared table
 * (common.ts) joined with its own (fit.ts, curve.ts, …), so a page or bundle
 * that uses one element does not ship every element's words. A translator is
 * typed by the keys its table holds: code that takes a `Translate<K>` can only
 * ask for keys in K, and a translator over more keys is accepted where fewer
 * are needed.
 */

export type Lang = 'en' | 'zh';

/** One table per language, key for key. */
export type Tables<K extends string> = { readonly [L in Lang]: { readonly [Q in K]: string } };

/** A translator bound to one language: `t('errRange', { from, to })`. */
export type Translate<K extends string> = (key: K, vars?: Record<string, string | number>) => string;

/** Fills `{name}` placeholders; values become text (the caller renders text, never HTML). */
export function format(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Both tables' keys in each language. */
export function joinTables<A extends string, B extends string>(a: Tables<A>, b: Tables<B>): Tables<A | B> {
  return { en: { ...a.en, ...b.en }, zh: { ...a.zh, ...b.zh } } as Tables<A | B>;
}

export function translator<K extends string>(tables: Tables<K>, lang: Lang): Translate<K> {
  const table = tables[lang];
  return (key, vars) => format(table[key], vars);
}
