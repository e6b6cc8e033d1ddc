// Types for scripts/layerRule.mjs (test/unit/layers.test.ts imports it).
export declare const MAY_IMPORT: Readonly<Record<string, readonly string[]>>;
export declare function layerOf(file: string): string | null;
export declare function layerViolation(file: string, specifier: string): string | null;
export declare const layersPlugin: { rules: Record<string, unknown> };
