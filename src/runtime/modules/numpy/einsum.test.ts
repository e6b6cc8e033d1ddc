import { join } from "node:path";
import { describeRecordedPrograms } from "../../testing/recordedPrograms";

/**
 * Every program of fixtures/einsum/cases.py, run through GradLens and compared with what numpy
 * 1.24.2 printed: the output exactly, and the exception it stopped on.
 */
describeRecordedPrograms(
  "np.einsum programs recorded from numpy",
  join(__dirname, "fixtures/einsum/cases.json"),
  "import numpy as np\n",
);
