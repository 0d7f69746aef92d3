// Types of build-wasm.mjs for the test that compares the checked-in scanner with its WAT.
export function compileTeddy(): Promise<string>;
export function teddySource(base64: string): string;
