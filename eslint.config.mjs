// Lint: typescript-eslint's recommended rules; formatting is Prettier's job (eslint-config-prettier).
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "out/**", "**/*.js", "**/*.mjs", "**/*.cjs"] },
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The rule of the house: only the host layer talks to VS Code.
    files: ["src/**/*.ts", "webview/**/*.ts"],
    ignores: ["src/host/**", "src/extension.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "vscode", message: "Only src/host/ imports vscode." }] },
      ],
    },
  },
);
