/**
 * Every error's words, one file per area of the core: the English table
 * (`EN_ERRORS`, also the `message` the API and the CLI print) and the Chinese
 * one (`ZH_ERRORS`), typed key for key against it. Keys are unique across
 * areas (test/node/i18n/error-words.test.ts).
 */

import * as read from './read.js';
import * as options from './options.js';
import * as fit from './fit.js';
import * as planning from './planning.js';
import * as engine from './engine.js';

export const EN_ERRORS = { ...read.EN, ...options.EN, ...fit.EN, ...planning.EN, ...engine.EN } as const;

export type ErrorKey = keyof typeof EN_ERRORS;

export const ZH_ERRORS: { readonly [K in ErrorKey]: string } = { ...read.ZH, ...options.ZH, ...fit.ZH, ...planning.ZH, ...engine.ZH };

/** The areas, for the test that no key is defined twice. */
export const AREAS = { read, options, fit, planning, engine } as const;
