/** Defines <scaling-isoflop>. The only side effect of this module. */

import type { IsoflopResult } from '../../core/isoflop.js';
import { ScalingIsoflop } from './isoflop.component.js';

ScalingIsoflop.define('scaling-isoflop');

declare global {
  interface HTMLElementTagNameMap {
    'scaling-isoflop': ScalingIsoflop;
  }
  interface HTMLElementEventMap {
    /** <scaling-isoflop> finished an analysis; detail is the IsoflopResult. */
    'scaling-isoflop-done': CustomEvent<IsoflopResult>;
  }
}

export { ScalingIsoflop };
