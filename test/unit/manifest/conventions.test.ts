import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';

/** What a VS Code user meets in the first hour: keys, save behaviour, workspace kinds (issue 17, items 1, 2, 4). */
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

/** Keys VS Code binds by default that an 835 user still needs (Move Line, Add Cursor, ñ on macOS...). */
const VS_CODE_DEFAULTS = [
  'alt+up',
  'alt+down',
  'alt+n',
  'alt+shift+n',
  'shift+alt+n',
  'f8',
  'shift+f8',
  'ctrl+t',
  'ctrl+alt+up',
  'ctrl+alt+down',
];

describe('manifest conventions', () => {
  test('keybindings are chords, only in 835 editors, and shadow none of the usual defaults', () => {
    const bindings = pkg.contributes.keybindings as Array<{ command: string; key: string; mac?: string; when?: string }>;
    assert.ok(bindings.length > 0);
    for (const b of bindings) {
      assert.match(b.when ?? '', /editorLangId == x12-835/, `${b.command} is limited to 835 editors`);
      for (const key of [b.key, b.mac].filter((k): k is string => !!k)) {
        assert.equal(key.split(' ').length, 2, `${b.command}: "${key}" is a chord`);
        assert.ok(!VS_CODE_DEFAULTS.includes(key.split(' ')[0]), `${b.command}: "${key}" starts with a default key`);
      }
    }
  });

  test('[x12-835] defaults keep every byte on save (no trimming, no final newline, no format or fixes on save)', () => {
    const d = pkg.contributes.configurationDefaults?.['[x12-835]'] ?? {};
    assert.equal(d['files.trimTrailingWhitespace'], false);
    assert.equal(d['files.insertFinalNewline'], false);
    assert.equal(d['files.trimFinalNewlines'], false);
    assert.equal(d['editor.formatOnSave'], false);
    assert.equal(d['editor.formatOnPaste'], false);
    assert.equal(d['editor.formatOnType'], false);
    assert.deepEqual(d['editor.codeActionsOnSave'], {});
  });

  test('virtual workspaces: limited, with a description of what is missing', () => {
    const v = pkg.capabilities.virtualWorkspaces;
    assert.equal(v.supported, 'limited');
    assert.match(v.description, /on disk/);
  });

  test('every era835 setting that can differ per folder is resource-scoped (read per document)', () => {
    const props = pkg.contributes.configuration.properties as Record<string, { scope?: string }>;
    for (const [key, p] of Object.entries(props)) {
      if (key === 'era835.trace.server' || key === 'era835.codeLists.path') continue;
      assert.equal(p.scope, 'resource', key);
    }
  });

  test('the README names the keys the manifest binds, and F8 for the worklist', () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const b of pkg.contributes.keybindings as Array<{ key: string }>) {
      const shown = b.key
        .split(' ')
        .map((k) =>
          k
            .split('+')
            .map((p) => (p.length === 1 ? p.toUpperCase() : p[0].toUpperCase() + p.slice(1)))
            .join('+'),
        )
        .join(' ');
      assert.ok(readme.includes(shown), `README shows ${shown}`);
    }
    assert.match(readme, /F8/);
  });

  test('publishing: LICENSE (MIT), CHANGELOG, an icon, repository, bugs and homepage', () => {
    assert.equal(pkg.license, 'MIT');
    assert.match(readFileSync('LICENSE', 'utf8'), /^MIT License/);
    assert.match(readFileSync('CHANGELOG.md', 'utf8'), /^# Changelog/);
    assert.ok(existsSync(pkg.icon), `${pkg.icon} exists`);
    assert.deepEqual([...readFileSync(pkg.icon).subarray(1, 4)].map((b) => String.fromCharCode(b)).join(''), 'PNG');
    assert.match(pkg.repository.url, /^https:\/\/github\.com\//);
    assert.match(pkg.bugs.url, /\/issues$/);
    assert.ok(pkg.homepage);
  });

  test('@vscode/vsce is a pinned devDependency, the version the e2e harness names', () => {
    const vsce = pkg.devDependencies['@vscode/vsce'];
    assert.match(vsce, /^\d+\.\d+\.\d+$/, 'an exact version');
    assert.match(readFileSync('test/e2e/versions.env', 'utf8'), new RegExp(`VSCE_VERSION:-${vsce.replace(/\./g, '\\.')}\\}`));
    assert.doesNotMatch(readFileSync('scripts/package.mjs', 'utf8'), /npx/);
  });

  test('the .vsix leaves cli.js out (the command line ships as the npm bin) and keeps the server', () => {
    const lines = readFileSync('.vscodeignore', 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('!'));
    assert.ok(lines.includes('!server/out/server.js'));
    assert.ok(!lines.some((l) => l === '!server/out/*.js' || l.includes('cli.js')));
    assert.ok(lines.includes('!LICENSE') && lines.includes('!CHANGELOG.md') && lines.includes('!docs/*.png'));
  });

  test('contributors: a watch build, launch configurations, ARCHITECTURE.md in the repository', () => {
    assert.match(pkg.scripts.watch, /--watch/);
    const launch = readFileSync('.vscode/launch.json', 'utf8');
    assert.match(launch, /"type": "extensionHost"/);
    assert.match(launch, /"port": 6009/);
    assert.match(readFileSync('client/src/extension.ts', 'utf8'), /--inspect=6009/);
    assert.match(readFileSync('ARCHITECTURE.md', 'utf8'), /## Layers/);
    assert.match(readFileSync('README.md', 'utf8'), /ARCHITECTURE\.md/);
  });

  test('engines.node declares the oldest Node the suites run on', () => {
    assert.equal(pkg.engines.node, '>=20.19');
    assert.match(pkg.scripts['test:node-versions'], /test-node-versions/);
  });
});
