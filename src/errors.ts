/**
 * Typed errors. Every failure the API reports is a `ScalingKitError` whose
 * `code` a program can switch on and whose message a person can read; data
 * errors name the 1-based data row and the column, option errors the option.
 *
 * Errors are raised by key (`dataError`, `optionError`, `limitError`,
 * `kitError` below): the words live in src/i18n/error-words/, whose English
 * table gives `message` and whose other tables word `detail` for a reader.
 */

import { EN_ERRORS, type ErrorKey } from './i18n/error-words/index.js';

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
type Names<T extends string> = T extends `${string}{${infer N}}${infer Rest}` ? N | Names<Rest> : never;
/** The values a key's template needs, each text or a number. */
export type ErrorValues<K extends ErrorKey> = { readonly [N in Names<(typeof EN_ERRORS)[K]>]: string | number };
export type { ErrorKey };

/** Fills `{name}` placeholders (the same rule as src/i18n/tables.ts `format`). */
export function fillTemplate(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** `key`'s English message filled with `values`, and the detail that words it in other languages. */
function worded<K extends ErrorKey>(key: K, values: ErrorValues<K>): [string, ErrorMessageDetail] {
  const v = values as Readonly<Record<string, string | number>>;
  return [fillTemplate(EN_ERRORS[key], v), { key, values: v }];
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
  readonly column?: string;
  constructor(code: ErrorCode, message: string, where: { row?: number; column?: string } = {}, detail?: ErrorMessageDetail) {
    super(code, message, detail);
    this.name = 'DataError';
    this.row = where.row;
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

/** A ScalingKitError with `code`, worded by `key`. */
export function kitError<K extends ErrorKey>(code: ErrorCode, key: K, values: ErrorValues<K>): ScalingKitError {
  const [message, detail] = worded(key, values);
  return new ScalingKitError(code, message, detail);
}

/** A DataError with `code` at `where`, worded by `key`. */
export function dataError<K extends ErrorKey>(code: ErrorCode, key: K, values: ErrorValues<K>, where: { row?: number; column?: string } = {}): DataError {
  const [message, detail] = worded(key, values);
  return new DataError(code, message, where, detail);
}

/** An OptionError naming `option`, worded by `key`. */
export function optionError<K extends ErrorKey>(option: string, key: K, values: ErrorValues<K>): OptionError {
  const [message, detail] = worded(key, values);
  return new OptionError(option, message, detail);
}

/** A LimitError for `limit` at `max`, the limit shown as `shownMax` (limits.ts formatCount). */
export function limitError(limit: 'maxRows' | 'maxBytes', max: number, shownMax: string): LimitError {
  const [message, detail] = worded(limit === 'maxRows' ? 'too-many-rows' : 'too-many-bytes', { max: shownMax });
  return new LimitError(limit, max, message, detail);
}
