/**
 * Entry of the single-file IIFE build (window.ScalingKit): the public API
 * of src/index.ts, the element classes, and — as a side effect — every
 * <scaling-*> tag defined, so one <script src="scaling-kit.min.js"> is all a
 * page needs (it also works from file://). The ES module build keeps
 * src/index.ts as its entry, which registers nothing.
 */

export * from './index.js';
export * from './elements/index.js';
import './define.js';
