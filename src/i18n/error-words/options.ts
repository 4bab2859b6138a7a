/**
 * The words of the errors raised by AREA: English, which is also each
 * error's `message` in the API and the CLI, and Simplified Chinese, key for
 * key. A leaf: it imports nothing, so src/errors.ts can build messages from it.
 */

export const EN = {
} as const;

export const ZH: { readonly [K in keyof typeof EN]: string } = {
};
