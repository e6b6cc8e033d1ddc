// Lint: typescript-eslint's recommended rules; formatting is Prettier's job (eslint-config-prettier).
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";
import { layersPlugin } from "./scripts/layerRule.mjs";

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
    // The layer order, bottom to top — engine and format (nothing of ours); lang, l10n; library;
    // trace; runtime; view; explain, export, notebook; checks, train; worker; cli; host (the only
    // one that imports vscode); webview (view and l10n only, no Node) — each layer importing only
    // those listed for it in scripts/layerRule.mjs, which says why. Tests and fixtures are exempt.
    files: ["src/**/*.ts", "webview/**/*.ts"],
    plugins: { gradlens: layersPlugin },
    rules: { "gradlens/layer-order": "error" },
  },
);
