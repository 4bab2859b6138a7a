/**
 * The one module with side effects: registers every <scaling-*> element.
 * Each import below is an element's `x.ts`, which defines its tag once
 * (idempotent, so importing this twice, or alongside a single element's
 * module, is harmless). Add new elements here, one line each:
 *
 *   <scaling-curve>       ./elements/curve/curve.js
 *   <scaling-fit>         ./elements/fit/fit.js               (to come)
 *   <scaling-calculator>  ./elements/calculator/calculator.js (to come)
 *   <scaling-isoflop>     ./elements/isoflop/isoflop.js       (to come)
 *   <scaling-landscape>   ./elements/landscape/landscape.js   (to come)
 */

import './elements/curve/curve.js';
import './elements/fit/fit.js';
import './elements/isoflop/isoflop.js';
import './elements/landscape/landscape.js';
import './elements/calculator/calculator.js';
