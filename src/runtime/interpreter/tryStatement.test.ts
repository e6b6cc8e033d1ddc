import { describe, expect, it } from "vitest";
import { runProgram } from "../runProgram";

describe("except … as name", () => {
  it("unbinds the name when the handler ends, as Python 3 does", () => {
    const source = `e = 1
try:
    1 / 0
except ZeroDivisionError as e:
    print("caught", e)
def f():
    try:
        raise ValueError("v")
    except ValueError as err:
        pass
    try:
        return err
    except NameError as n:
        return type(n).__name__
print(f())
try:
    try:
        {}["k"]
    except KeyError as k:
        raise RuntimeError("wrapped")
except RuntimeError as r:
    print(r)
kept = 2
`;
    const trace = runProgram(source);
    // recorded from CPython 3.11
    expect(trace.stdout).toBe("caught division by zero\nUnboundLocalError\nwrapped\n");
    expect(Object.keys(trace.variables)).toEqual(["kept"]);
  });
});
