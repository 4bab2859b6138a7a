/**
 * The part of the WebAssembly JavaScript API the engine uses. TypeScript ships
 * WebAssembly's types only inside its DOM library, and tsconfig.numerics.json
 * checks the numerics without the DOM, so it reads these instead (the main
 * tsconfig uses the DOM library's, which these must not contradict).
 */
declare namespace WebAssembly {
  interface Memory { readonly buffer: ArrayBuffer }
  interface Module {}
  interface Instance { readonly exports: Record<string, unknown> }
  var Module: { new (bytes: BufferSource): Module; prototype: Module };
  var Instance: { new (module: Module, imports?: Record<string, Record<string, unknown>>): Instance; prototype: Instance };
  var Memory: { new (descriptor: { initial: number; maximum?: number }): Memory; prototype: Memory };
  function validate(bytes: BufferSource): boolean;
}
type BufferSource = ArrayBufferView | ArrayBuffer;
