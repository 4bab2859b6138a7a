/**
 * Typed errors. Every failure the API reports is a `ScalingKitError` whose
 * `code` a program can switch on and whose message a person can read; data
 * errors name the 1-based data row and the column, option errors the option.
 *
 * Errors are raised by key: each area's words in src/i18n/error-words/ bind
 * `raisers` (below) to its English table, which gives `message`; the other
 * languages word `detail` for a reader (src/i18n/errors.ts). The core imports
 * its area's raisers, so a bundle carries only the words its code can raise.
 */

export type ErrorCode =
  | 'empty-input'
  | 'parse'
  | 'missing-column'
  | 'bad-value'
  | 'too-few-runs'
  | 'too-large'
  | 'bad-option'
  | 'engine';

/**
 * What a message says, as data: a message key and the values it names, so a
 * reader in another language can be shown the same facts in their words
 * (src/i18n/errors.ts, `describeError`). `message` stays the English sentence
 * the API and the CLI print; it is `key`'s English template filled with `values`.
 */
export interface ErrorMessageDetail {
  readonly key: string;
  readonly values: Readonly<Record<string, string | number>>;
}

/** The placeholders of a template, as a union of names. */
type Names<T extends string> = T extends `${string}{${infer N}}${infer Rest}` ? Word<N> | Names<Rest> : never;
/** A placeholder name is one word (`{row}`); braces around other text (`{ N, D }`) are literal, as fillTemplate reads them. */
type Word<N extends string> = N extends `${string} ${string}` | `${string},${string}` | '' ? never : N;
/** The values a template needs, each text or a number. */
export type TemplateValues<T extends string> = { readonly [N in Names<T>]: string | number };

/** Fills `{name}` placeholders (the same rule as src/i18n/tables.ts `format`). */
export function fillTemplate(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export class ScalingKitError extends Error {
  readonly code: ErrorCode;
  /** The message as a key and values, where the thrower gave one (reading runs does). */
  declare readonly detail?: ErrorMessageDetail;
  constructor(code: ErrorCode, message: string, detail?: ErrorMessageDetail) {
    super(message);
    this.name = 'ScalingKitError';
    this.code = code;
    if (detail) this.detail = detail;
  }
}

/** Bad data: `row` is the 1-based data row (header excluded), `column` the column name as written. */
export class DataError extends ScalingKitError {
  readonly row?: number;
  /** For delimited text: the line of the text the row starts on (1-based), which an editor shows. */
  readonly line?: number;
  readonly column?: string;
  constructor(code: ErrorCode, message: string, where: { row?: number; line?: number; column?: string } = {}, detail?: ErrorMessageDetail) {
    super(code, message, detail);
    this.name = 'DataError';
    this.row = where.row;
    this.line = where.line;
    this.column = where.column;
  }
}

/** A bad option value: `option` names it. */
export class OptionError extends ScalingKitError {
  readonly option: string;
  constructor(option: string, message: string, detail?: ErrorMessageDetail) {
    super('bad-option', message, detail);
    this.name = 'OptionError';
    this.option = option;
  }
}

/**
 * Input over a size limit (src/core/limits.ts), code 'too-large': `limit`
 * names the option that raises it (maxRows or maxBytes), `max` its value.
 * Raised before the input is parsed further.
 */
export class LimitError extends DataError {
  readonly limit: 'maxRows' | 'maxBytes';
  readonly max: number;
  constructor(limit: 'maxRows' | 'maxBytes', max: number, message: string, detail?: ErrorMessageDetail) {
    super('too-large', message, {}, detail);
    this.name = 'LimitError';
    this.limit = limit;
    this.max = max;
  }
}

/** Every table bound to raisers in this bundle, with its other languages: what `boundTemplate` reads. */
const bound: { readonly table: Readonly<Record<string, string>>; readonly translations: Readonly<Record<string, Readonly<Record<string, string>>>> }[] = [];

/**
 * The template of message `key` in `lang` ('en' or another language its
 * raisers were given), or undefined when no raisers in this bundle word
 * `key`. src/i18n/errors.ts words errors with it: a bundle then carries the
 * words, in every language, of the errors its code can raise, and no others.
 */
export function boundTemplate(key: string, lang: string): string | undefined {
  for (const { table, translations } of bound) {
    if (Object.hasOwn(table, key)) return lang === 'en' ? table[key] : translations[lang]?.[key];
  }
  return undefined;
}

/**
 * Error constructors bound to a table of English templates: each takes a key
 * of `table` and exactly the values its template names. `worded` gives the
 * message and detail without raising (a rejected isoFLOP budget says why).
 * `translations` are the same templates in other languages, key for key.
 */
export function raisers<T extends Readonly<Record<string, string>>>(table: T, translations: Readonly<Record<string, { readonly [K in keyof T]: string }>> = {}) {
  bound.push({ table, translations });
  type Key = keyof T & string;
  type Values<K extends Key> = TemplateValues<T[K]>;
  const worded = <K extends Key>(key: K, values: Values<K>): { message: string; detail: ErrorMessageDetail } => {
    const v = values as Readonly<Record<string, string | number>>;
    return { message: fillTemplate(table[key], v), detail: { key, values: v } };
  };
  return {
    worded,
    /** A ScalingKitError with `code`. */
    kitError<K extends Key>(code: ErrorCode, key: K, values: Values<K>): ScalingKitError {
      const { message, detail } = worded(key, values);
      return new ScalingKitError(code, message, detail);
    },
    /** A DataError with `code` at `where`. */
    dataError<K extends Key>(code: ErrorCode, key: K, values: Values<K>, where: { row?: number; line?: number; column?: string } = {}): DataError {
      const { message, detail } = worded(key, values);
      return new DataError(code, message, where, detail);
    },
    /** An OptionError naming `option`. */
    optionError<K extends Key>(option: string, key: K, values: Values<K>): OptionError {
      const { message, detail } = worded(key, values);
      return new OptionError(option, message, detail);
    },
    /** A LimitError for `limit` at `max`, worded by `key` with the limit shown as `shown` (limits.ts formatCount). */
    limitError<K extends Key>(limit: 'maxRows' | 'maxBytes', max: number, key: K, values: Values<K>): LimitError {
      const { message, detail } = worded(key, values);
      return new LimitError(limit, max, message, detail);
    },
  };
}
