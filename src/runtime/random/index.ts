// Public surface of the pure-TypeScript reproduction of CPython's `random` module.
export { PyRandom, type PyInt, type PyRandomState, type SeedValue } from "./pyRandom";
export { PyRandomError, type PyRandomErrorType } from "./pyRandomError";
export { MersenneTwister, type MtState } from "./mersenneTwister";
export { sha512 } from "./sha512";
// Correctly rounded log/sin/cos: they match glibc (hence CPython's math module) far more often
// than V8's Math functions do.
export { cos, log, sin } from "../../engine/math/accurateMath";
