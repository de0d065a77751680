import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ESLint } from 'eslint';

/**
 * The layer boundaries of ARCHITECTURE.md are enforced by eslint.config.mjs (the `lint` suite of npm test).
 * These cases show the linter fails on each kind of violation, and lets the allowed imports through.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function violations(filePath: string, code: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath });
  return r.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layer boundaries (eslint)', () => {
  const cases: Array<[string, string, string]> = [
    ['server/src/x12/probe.ts', "import { shownDiagnostics } from '../lsp/diagnostics';", 'the analysis core imports lsp/'],
    ['server/src/rules/probe.ts', "import { hover } from '../features/hover';", 'a rule imports a feature'],
    ['server/src/x835/probe.ts', "import { createConnection } from 'vscode-languageserver/node';", 'the model imports the LSP connection'],
    ['server/src/features/probe.ts', "import { STATUS } from '../lsp/protocol';", 'a feature imports lsp/'],
    ['server/src/cli/probe.ts', "import { toDiagnostics } from '../lsp/diagnostics';", 'the CLI imports lsp/'],
    ['server/src/redact/probe.ts', "import { main } from '../cli/check';", 'redaction imports the CLI'],
    ['server/src/report/probe.ts', "import { reversedNote } from '../rules/co253/co253Common';", 'a report imports a rule helper'],
    ['server/src/features/probe.ts', "import { runRules } from '../rules';", 'a feature runs the rules itself'],
    ['server/src/lsp/probe.ts', "import * as vscode from 'vscode';", 'the server imports vscode'],
    [
      'client/src/probe.ts',
      "import { ImpactAccumulator } from '../../server/src/report/impactTable';",
      'the client imports server computation',
    ],
  ];
  for (const [file, code, what] of cases) {
    test(`fails when ${what}`, async () => {
      const v = await violations(file, code);
      assert.equal(v.length, 1, v.join('\n'));
      assert.match(v[0], /no-restricted-imports/);
    });
  }

  test('lets the allowed imports through', async () => {
    assert.deepEqual(
      await violations(
        'client/src/probe.ts',
        "import { SUMMARY } from '../../server/src/lsp/protocol';\nimport type { Analysis } from '../../server/src/analysis';",
      ),
      [],
    );
    assert.deepEqual(
      await violations(
        'server/src/rules/probe.ts',
        "import type { Range } from 'vscode-languageserver';\nimport { elementRange } from './ranges';",
      ),
      [],
    );
    assert.deepEqual(await violations('server/src/lsp/probe.ts', "import { hover } from '../features/hover';"), []);
    // The diagnostic-code catalog is the contract every view names codes by.
    assert.deepEqual(await violations('server/src/features/probe.ts', "import { DIAGNOSTIC_CODES } from '../rules/engine/catalog';"), []);
  });
});
