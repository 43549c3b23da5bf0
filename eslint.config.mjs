// ESLint (`npm run lint`, run by .ci/run): the recommended rules of JavaScript and typescript-eslint on every source
// file of the repository; formatting is Prettier's alone (eslint-config-prettier turns off the rules it covers).
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";

export default tseslint.config(
  { ignores: ["dist/", ".bench/", "coverage/", "node_modules/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // As tsconfig's noUnusedParameters: a leading underscore marks a parameter a signature needs but the body not.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      // REMB matches control characters on purpose: NUL and C0 bytes in imported files, terminal colours in tests.
      "no-control-regex": "off",
    },
  },
  {
    // Build scripts, the CLI launcher and webpack's configuration run in Node; *.js files are CommonJS.
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: { globals: globals.node },
  },
  {
    files: ["**/*.js"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // The custom functions' public declarations: custom-functions-metadata reads `any[][]` as Excel's « any » matrix.
    files: ["src/functions/functions.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // Found when the linter came, in files being reworked by others at the time: to fix there, then drop this entry.
    files: ["src/core/garantie/analyser.ts"],
    rules: { "no-useless-assignment": "off" },
  },
  prettier,
);
