// The extension's entry point: only wiring; everything lives in src/host/.
export { activate } from "./host/activate";

export function deactivate(): void {}
