/**
 * The word key naming each quantity a chart's x axis can show: parameters N,
 * tokens D or compute C. The curve and the fit name their axis, table column
 * and summary with it; the words are in the i18n tables.
 */

export const QUANTITY_WORD = { N: 'quantityN', D: 'quantityD', C: 'quantityC' } as const;
