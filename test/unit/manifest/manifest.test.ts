import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { DIAGNOSTIC_CODES } from '../../../server/src/rules/engine/catalog';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const props = pkg.contributes.configuration.properties as Record<string, { default: unknown; enum?: string[] }>;

describe('extension manifest', () => {
  // Also once the window has started: a file over 50 MB opened in a tab creates no document (no language
  // event), and the large-remittance offer must see it. The language server itself starts lazily.
  test('language x12-835 for .835, .era and files starting with ISA, activated on that language, on plain text (.txt deliveries) and after startup', () => {
    const lang = pkg.contributes.languages.find((l: { id: string }) => l.id === 'x12-835');
    assert.deepEqual(lang.extensions, ['.835', '.era']);
    assert.equal(lang.firstLine, '^ISA');
    assert.ok(lang.configuration, 'a language configuration is declared');
    assert.deepEqual(pkg.activationEvents, ['onLanguage:x12-835', 'onLanguage:plaintext', 'onStartupFinished']);
  });

  test('every diagnostic code has a severity setting whose default is the catalog default', () => {
    for (const [code, entry] of Object.entries(DIAGNOSTIC_CODES)) {
      const p = props[`era835.rules.${code}`];
      assert.ok(p, `era835.rules.${code} is declared`);
      assert.equal(p.default, entry.severity, code);
      assert.deepEqual(p.enum, ['error', 'warning', 'information', 'hint', 'off']);
    }
  });

  test('README documents every diagnostic code', () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const code of Object.keys(DIAGNOSTIC_CODES)) assert.ok(readme.includes(`\`${code}\``), `README mentions ${code}`);
  });
});
