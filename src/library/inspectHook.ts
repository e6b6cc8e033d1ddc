/** The symbol Node's util.inspect (and so console.log) calls to print an object. */
export const INSPECT = Symbol.for("nodejs.util.inspect.custom");
