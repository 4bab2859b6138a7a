/**
 * Every error's words: the shared keys (./common.ts) and one file per area of
 * the core. `EN_ERRORS` is the English table (each error's `message` in the
 * API and the CLI), `ZH_ERRORS` the Chinese one, typed key for key against it.
 * The core imports its own area's file, never this one, so a bundle that only
 * reads runs carries only those words, in both languages (each area gives its
 * raisers both; src/i18n/errors.ts words an error through them).
 * No key is defined twice (test/node/i18n/error-words-common.test.ts).
 */

import * as common from './common.js';
import * as read from './read.js';
import * as options from './options.js';
import * as fit from './fit.js';
import * as planning from './planning.js';
import * as engine from './engine.js';
import * as extrapolate from './extrapolate.js';
import * as law from './law.js';
import * as names from './names.js';
import * as checks from './checks.js';
import * as isoflop from './isoflop.js';
import * as loglinear from './loglinear.js';
import * as cost from './cost.js';

// Object.assign marked pure, not spreads: a bundle that never words an error drops both tables.
export const EN_ERRORS: typeof common.EN & typeof read.EN & typeof options.EN & typeof fit.EN & typeof planning.EN & typeof engine.EN & typeof extrapolate.EN & typeof law.EN & typeof names.EN & typeof checks.EN & typeof isoflop.EN & typeof loglinear.EN & typeof cost.EN =
  /* @__PURE__ */ Object.assign({}, common.EN, read.EN, options.EN, fit.EN, planning.EN, engine.EN, extrapolate.EN, law.EN, names.EN, checks.EN, isoflop.EN, loglinear.EN, cost.EN);

export type ErrorKey = keyof typeof EN_ERRORS;

export const ZH_ERRORS: { readonly [K in ErrorKey]: string } =
  /* @__PURE__ */ Object.assign({}, common.ZH, read.ZH, options.ZH, fit.ZH, planning.ZH, engine.ZH, extrapolate.ZH, law.ZH, names.ZH, checks.ZH, isoflop.ZH, loglinear.ZH, cost.ZH);

/**
 * Both languages' tables. Only tests and tools import this module: importing
 * it brings in every area (each binds its raisers), so an element words its
 * errors through src/i18n/errors.ts `describeError` instead.
 */
export const ERRORS: { readonly en: { readonly [K in ErrorKey]: string }; readonly zh: { readonly [K in ErrorKey]: string } } = { en: EN_ERRORS, zh: ZH_ERRORS };

/** The tables one by one, for the test that no key is defined twice. */
export const AREAS = { common, read, options, fit, planning, engine, extrapolate, law, names, checks, isoflop, loglinear, cost } as const;
