/**
 * The environment variable the in-host test harness sets (test/vscode/integration.mjs and
 * vsix.mjs, through runTests' `extensionTestsEnv`) to reach into the running extension.
 */
export const TEST_API_VARIABLE = "GRADLENS_TEST_API";

/**
 * What `activate` returns to VS Code, i.e. what `vscode.extensions.getExtension(…).exports`
 * gives every other extension: nothing, unless the test harness asked for the test API. The
 * API (last traces, waiting until runs are idle) is for our tests, not a public contract.
 */
export function exportsFor<T>(
  testApi: T,
  env: Record<string, string | undefined> | undefined = processEnv(),
): T | undefined {
  return env?.[TEST_API_VARIABLE] === "1" ? testApi : undefined;
}

function processEnv(): Record<string, string | undefined> | undefined {
  return typeof process === "undefined" ? undefined : process.env;
}
