import { join } from "node:path";
import { describeRecordedPrograms } from "../../testing/recordedPrograms";

/**
 * Every program of fixtures/cases.py, run through GradLens and compared with what scikit-learn
 * 1.2.1 (numpy 1.24.2) printed (recorded by fixtures/record.py): the output exactly, and the
 * exception it stopped on.
 */
describeRecordedPrograms(
  "sklearn.datasets programs recorded from scikit-learn",
  join(__dirname, "fixtures/cases.json"),
  "import numpy as np\n",
);
