import { resetAnomaly, setAnomalyDetection } from "./autograd/anomaly";
import { setRecordOrigins } from "./autograd/gradNode";
import { setGradEnabled } from "./autograd/gradMode";
import { setDefaultDtype } from "./dtype";
import { DEFAULT_SEED, defaultGenerator } from "./random";

/**
 * Puts the engine's process-wide settings back to PyTorch's start-up state: recording on,
 * float32 default, the default generator at a fresh Generator's seed, the anomaly watch off and empty, origins
 * not recorded. A worker
 * runs one program after another; a run that stopped inside `with torch.no_grad():` must not
 * leave the next one without a graph. The tape tensor values are recorded on is not among
 * these: the interpreter sets it for the length of its run (tensorIds.ts), and `import torch`
 * resets this state in the middle of a run.
 */
export function resetEngineState(): void {
  setGradEnabled(true);
  setDefaultDtype("float32");
  defaultGenerator.manualSeed(DEFAULT_SEED);
  setAnomalyDetection(false);
  resetAnomaly();
  setRecordOrigins(false);
}
