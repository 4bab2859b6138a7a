/**
 * Typed errors. Every failure the API reports is a `ScalingKitError` whose
 * `code` a program can switch on and whose message a person can read; data
 * errors name the 1-based data row and the column, option errors the option.
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
