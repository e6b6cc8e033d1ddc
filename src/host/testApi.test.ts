import { describe, expect, it } from "vitest";
import { exportsFor, TEST_API_VARIABLE } from "./testApi";

describe("exportsFor", () => {
  const api = { lastTrace: () => undefined };

  it("exports nothing to other extensions", () => {
    expect(exportsFor(api, {})).toBeUndefined();
    expect(exportsFor(api, { [TEST_API_VARIABLE]: "0" })).toBeUndefined();
    expect(exportsFor(api, undefined)).toBeUndefined();
  });

  it("gives the in-host tests their API when the harness sets the variable", () => {
    expect(exportsFor(api, { [TEST_API_VARIABLE]: "1" })).toBe(api);
  });
});
