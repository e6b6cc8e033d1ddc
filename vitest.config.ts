import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "src/**/*.test.ts",
      "test/unit/**/*.test.ts",
      "test/fuzz/**/*.test.ts",
      "webview/**/*.test.ts",
      "bench/**/*.test.ts",
    ],
    environment: "node",
    // speed is the benches' business; a test only fails for a wrong answer, even on a busy machine
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
