/**
 * Whether developer warnings (console messages for a page's author: a
 * misspelled theme, a renamed attribute) are built in. True in the ES modules
 * and the tests; the single-file production build (dist/scaling-kit.min.js)
 * reads false here (rollup.config.mjs), and the minifier then drops every
 * `DEV && this.warn(…)` with its text. What readers must see is never a
 * warning: it is an error or a notice in the element, in their language.
 */
export const DEV: boolean = true;
