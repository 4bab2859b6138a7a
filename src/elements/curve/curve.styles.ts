/** Styles of <scaling-curve> beyond the shared ones. */

import { css } from 'lit';

export const curveStyles = css`
  .figure { margin: 0; }
  .figure[hidden] { display: none; }
  .plot { touch-action: pan-y; }
  :host([zoom]) .plot { cursor: grab; touch-action: none; }
  :host([zoom]) .plot:active { cursor: grabbing; }
`;
