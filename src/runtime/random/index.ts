// Public surface of the pure-TypeScript reproduction of CPython's `random` module.
export { PyRandom, type PyInt, type PyRandomState, type SeedValue } from "./pyRandom";
export { PyRandomError, type PyRandomErrorType } from "./pyRandomError";
export { MersenneTwister, type MtState } from "./mersenneTwister";
export { sha512 } from "./sha512";
