/**
 * The element classes and their shared pieces, without registering any tag
 * (import src/define.ts, or an element's own `x.ts`, for that).
 */

export { ScalingElement, EXPORT_FILES, messageOf } from './base.js';
export type { Theme, ExportFormat, TextFormat, RenderDetail, ErrorDetail, ExportDetail, ScalingEventMap } from './base.js';
export { AttributeError, parseQuantity } from './attributes.js';
export { ResizeController } from './controllers/resize.js';
export { LangController } from './controllers/lang.js';
export { sharedStyles } from './shared-styles.js';
export { ScalingCurve } from './curve/curve.component.js';
export type { LawInput } from './curve/model.js';
