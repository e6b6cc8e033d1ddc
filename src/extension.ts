// The extension's entry point: only wiring; everything lives in src/host/.
import "./host/activationClock"; // first: starts the activation clock before the rest loads
export { activate } from "./host/activate";

export function deactivate(): void {}
