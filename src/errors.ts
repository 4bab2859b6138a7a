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

export class ScalingKitError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'ScalingKitError';
    this.code = code;
  }
}

/** Bad data: `row` is the 1-based data row (header excluded), `column` the column name as written. */
export class DataError extends ScalingKitError {
  readonly row?: number;
  readonly column?: string;
  constructor(code: ErrorCode, message: string, where: { row?: number; column?: string } = {}) {
    super(code, message);
    this.name = 'DataError';
    this.row = where.row;
    this.column = where.column;
  }
}

/** A bad option value: `option` names it. */
export class OptionError extends ScalingKitError {
  readonly option: string;
  constructor(option: string, message: string) {
    super('bad-option', message);
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
  constructor(limit: 'maxRows' | 'maxBytes', max: number, message: string) {
    super('too-large', message);
    this.name = 'LimitError';
    this.limit = limit;
    this.max = max;
  }
}
