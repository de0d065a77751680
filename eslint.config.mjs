// ESLint (flat config): the layer boundaries of ARCHITECTURE.md, enforced. Each rule below says which
// imports a layer may not use; `npm test` runs it as the `lint` suite and fails on any violation.
// It lints imports only (no style rules): the formatter is a separate, one-time step.
import tseslint from 'typescript-eslint';

/** An import restriction for files matching `files`: `groups` are gitignore-style patterns on the specifier. */
const boundary = (files, message, groups, { paths = [], regex, allowTypeImports = false } = {}) => ({
  files,
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        paths: paths.map((name) => ({ name, message, allowTypeImports })),
        patterns: [
          ...(groups.length ? [{ group: groups, message, allowTypeImports }] : []),
          ...(regex ? [{ regex, message, allowTypeImports }] : []),
        ],
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['**/out/**', 'node_modules/**', 'test/e2e/.cache/**', 'test/e2e/out/**', 'bench/tmp/**', '.tmp/**', '**/*.js', '**/*.mjs'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  // The server never imports VS Code (it runs as a plain Node process, and the CLI shares it).
  boundary(['server/src/**/*.ts'], 'server code runs outside VS Code: never import vscode', [], { paths: ['vscode'] }),
  // The analysis core knows nothing of LSP wiring, features, reports or the CLI.
  boundary(
    ['server/src/{x12,x835,rules,codes}/**/*.ts'],
    'x12/x835/rules/codes are the analysis core: no LSP connection, features, reports or CLI',
    ['**/lsp', '**/lsp/**', '**/features', '**/features/**', '**/report', '**/report/**', '**/cli', '**/cli/**'],
    { paths: ['vscode', 'vscode-languageserver', 'vscode-languageserver/node'], allowTypeImports: true },
  ),
  // Features, reports, redaction and workspace helpers are pure: the LSP adapter and the CLI call them.
  boundary(
    ['server/src/{features,report,redact,workspace,stream}/**/*.ts'],
    'features/report/redact/workspace/stream are below lsp/ and cli/ (never import them), and read what the analysis holds (findings, verdicts, model), not the rules that made it: of rules/, only the code catalog',
    ['**/lsp', '**/lsp/**', '**/cli', '**/cli/**', '../cli', '../../cli'],
    { regex: '(^|/)rules(/(?!engine/catalog$).*)?$' },
  ),
  // The CLI shares everything below lsp/ and bundles no LSP library.
  boundary(
    ['server/src/cli.ts', 'server/src/cli/**/*.ts'],
    'the CLI never imports lsp/ (it would bundle the LSP libraries into cli.js)',
    ['**/lsp', '**/lsp/**', './lsp/**'],
    { paths: ['vscode', 'vscode-languageserver', 'vscode-languageserver/node'] },
  ),
  // The client asks the server and renders: server code only through the shared protocol and pure display helpers.
  boundary(
    ['client/src/**/*.ts'],
    'the client computes nothing: import the shared protocol (server/src/lsp/protocol) or use `import type`',
    [],
    {
      regex: 'server/src/(?!(lsp/protocol|x835/values|report/impactFormat|workspace/x12Names|x12/delimiters|report/html/escape)$)',
      allowTypeImports: true,
    },
  ),
);
