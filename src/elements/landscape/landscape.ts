/** Defines <scaling-landscape>. The only side effect of this module. */

import { ScalingLandscape } from './landscape.component.js';

ScalingLandscape.define('scaling-landscape');

declare global {
  interface HTMLElementTagNameMap {
    'scaling-landscape': ScalingLandscape;
  }
}

export { ScalingLandscape };
