import { join } from "node:path";
import { describeRecordedFolder } from "../testing/recordedPrograms";

/**
 * Small programs, each exercising one part of the torch surface, run through GradLens and
 * compared character for character with what PyTorch 1.13.1 printed for them
 * (torchPrograms/record.py keeps recorded.json up to date).
 */
describeRecordedFolder(join(__dirname, "torchPrograms"));
