// The extension's entry point: only wiring; everything lives in src/host/.
import { markBundleLoaded } from "./host/activationClock"; // first: starts the clock before the rest loads
export { activate } from "./host/activate";

export function deactivate(): void {}

markBundleLoaded();
