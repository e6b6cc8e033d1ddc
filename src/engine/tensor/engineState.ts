import { resetAnomaly, setAnomalyDetection } from "./autograd/anomaly";
import { setRecordOrigins } from "./autograd/gradNode";
import { setGradEnabled } from "./autograd/gradMode";
import { setDefaultDtype } from "./dtype";
import { defaultGenerator } from "./random";

/**
 * Puts the engine's process-wide settings back to PyTorch's start-up state: recording on,
 * float32 default, the default generator at seed 0, the anomaly watch off and empty, origins
 * not recorded. A worker
 * runs one program after another; a run that stopped inside `with torch.no_grad():` must not
 * leave the next one without a graph.
 */
export function resetEngineState(): void {
  setGradEnabled(true);
  setDefaultDtype("float32");
  defaultGenerator.manualSeed(0);
  setAnomalyDetection(false);
  resetAnomaly();
  setRecordOrigins(false);
}
