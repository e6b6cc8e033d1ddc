// Public surface of numpy's random streams in pure TypeScript, for the numpy module to wrap:
// the legacy RandomState behind np.random.*, and default_rng's Generator on PCG64.
export { RandomState, type LegacySeed, type LegacyState } from "./randomState";
export { Generator, defaultRng, type DefaultRngSeed } from "./generator";
export { PCG64, type Pcg64State } from "./pcg64";
export { MT19937 } from "./mt19937";
export { SeedSequence, type SeedEntropy } from "./seedSequence";
export type { BitGenerator } from "./bitGenerator";
export { INT_DTYPES, type IntDtype } from "./boundedIntegers";
export { NumpyRandomError, type NumpyRandomErrorType } from "./numpyRandomError";
