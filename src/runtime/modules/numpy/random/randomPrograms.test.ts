import { join } from "node:path";
import { describeRecordedPrograms } from "../../../testing/recordedPrograms";

/**
 * Every program of fixtures/cases.py, run through GradLens and compared with what numpy 1.24.2
 * printed (recorded by fixtures/record.py): the output exactly, and the exception it stopped on.
 */
describeRecordedPrograms(
  "np.random programs recorded from numpy",
  join(__dirname, "fixtures/cases.json"),
  "import numpy as np\n",
);
