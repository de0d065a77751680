import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const contributes = pkg.contributes;

/** Every client source file's text, to find the commands it registers. */
function clientSources(dir = 'client/src'): string {
  return readdirSync(dir, { withFileTypes: true })
    .map((e) =>
      e.isDirectory() ? clientSources(join(dir, e.name)) : e.name.endsWith('.ts') ? readFileSync(join(dir, e.name), 'utf8') : '',
    )
    .join('\n');
}

describe('ERA Explorer in the manifest', () => {
  test('its own view container in the activity bar, with a monochrome SVG icon that ships in the .vsix', () => {
    const [container] = contributes.viewsContainers.activitybar;
    assert.equal(container.id, 'era835');
    assert.match(container.icon, /^resources\/.+\.svg$/);
    assert.ok(existsSync(container.icon), container.icon);
    const svg = readFileSync(container.icon, 'utf8');
    // VS Code draws activity bar icons as a mask in the theme's colour: one colour, no pictures or scripts.
    assert.doesNotMatch(svg, /<script|<image|href=|#[0-9a-f]{3,6}\b|rgb\(/i);
    assert.ok(readFileSync('.vscodeignore', 'utf8').split('\n').includes('!resources/*.svg'));
    assert.deepEqual(
      contributes.views.era835.map((v: { id: string }) => v.id),
      ['era835.explorer'],
    );
  });

  test('the filter, clear-filter and refresh buttons are in the view title; helper commands stay out of the palette', () => {
    const title = contributes.menus['view/title'].filter((m: { when: string }) => /view == era835\.explorer/.test(m.when));
    assert.deepEqual(
      title.map((m: { command: string }) => m.command),
      ['era835.explorer.filter', 'era835.explorer.clearFilter', 'era835.explorer.refresh'],
    );
    const hidden = contributes.menus.commandPalette
      .filter((m: { when: string }) => m.when === 'false')
      .map((m: { command: string }) => m.command);
    assert.deepEqual(hidden.sort(), ['era835.explorer.more', 'era835.explorer.reveal']);
  });

  test('every ERA Explorer command contributed is registered by the client, and every one registered is contributed', () => {
    const sources = clientSources();
    const registered = [...sources.matchAll(/registerCommand\(\s*'(era835\.explorer\.[^']+)'/g)].map((m) => m[1]).sort();
    const contributed = contributes.commands
      .map((c: { command: string }) => c.command)
      .filter((c: string) => c.startsWith('era835.explorer.'))
      .sort();
    assert.equal(contributed.length, 5);
    assert.deepEqual(contributed, registered);
  });
});
