/**
 * The one module with side effects: registers every <scaling-*> element.
 * Each import below is an element's `x.ts`, which defines its tag once
 * (idempotent, so importing this twice, or alongside a single element's
 * module, is harmless). A new element gets one line here.
 */

import './elements/curve/curve.js';
import './elements/fit/fit.js';
import './elements/isoflop/isoflop.js';
import './elements/landscape/landscape.js';
import './elements/calculator/calculator.js';
import './elements/task/task.js';
