import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { analyze } from '../../../server/src/analysis';
import { remittanceReportHtml } from '../../../server/src/report/html/remittanceReport';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { remit } from './remits';

const report = (text: string, file = 'x.835') => remittanceReportHtml(analyze(text, DEFAULT_SETTINGS), file);

/**
 * Anything that would run code or fetch something when the page is opened. Values from the file are
 * escaped, so every raw `<` starts one of our tags: the tags and the style sheet are what is checked.
 */
function assertInert(html: string): void {
  const tags = html.match(/<[^>]*>/g) ?? [];
  const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
  assert.ok(tags.length > 10);
  for (const tag of tags) {
    assert.doesNotMatch(
      tag,
      /^<\/?(script|link|img|iframe|object|embed|svg|base|form|frame|audio|video|source)\b/i,
      `no element that loads or runs anything: ${tag}`,
    );
    assert.doesNotMatch(tag, /\s(src|href|action|srcset|on[a-z]+)\s*=/i, `no URL or event handler attribute: ${tag}`);
    assert.doesNotMatch(tag, /https?:|javascript:|refresh/i, tag);
  }
  assert.doesNotMatch(style, /url\(|@import|https?:|expression\(/i, 'no external resource in the style sheet');
}

describe('printable remittance (HTML)', () => {
  test('examples/needs-attention.835: payment header, each claim with lines, reasons in words, remarks, waterfall and totals', () => {
    const html = report(readFileSync('examples/needs-attention.835', 'utf8'), 'needs-attention.835');
    assertInert(html);
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/);
    assert.match(html, /<h2>Payment EFT20240415001<\/h2>/);
    assert.match(html, /MEDICARE PART B SAMPLE CONTRACTOR \(id 1123456789\)/);
    assert.match(html, /<th scope="row">Amount<\/th><td>\$240\.00<\/td>/);
    assert.equal(html.match(/<article class="claim">/g)?.length, 4, 'one block per claim');
    assert.match(html, /SAMPLE, ELENA <span class="id">claim PCN2003<\/span><span class="mark work">1 to work<\/span>/);
    assert.match(html, /<b>CO-16<\/b>/);
    assert.match(html, /<dt>N290<\/dt><dd>[^<]+<\/dd>/, 'remark codes with their words');
    assert.match(html, /<tr class="total"><th scope="row">= Paid<\/th><td class="num">\$150\.00<\/td><\/tr>/);
    assert.match(html, /Payment \(BPR02\)<\/th><td class="num">\$240\.00/);
    assert.match(html, /@media print/);
  });

  test('hostile values from the file are text, never markup', () => {
    const html = report(
      remit({
        payer: '<script>alert(1)</script>',
        amount: '0',
        trace: '"><img src=x onerror=alert(2)>',
        claims: [{ id: "A1'><iframe src=//evil>", charge: '10', paid: '0', status: '4', cas: ['CO*16*10'] }],
      }),
    );
    assertInert(html);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(html, /&quot;&gt;&lt;img src=x onerror=alert\(2\)&gt;/);
    assert.match(html, /A1&#39;&gt;&lt;iframe src=\/\/evil&gt;/);
  });

  test('a file without a payment says so, still a whole page', () => {
    const html = report('not an 835 at all');
    assertInert(html);
    assert.match(html, /No 835 payment could be read/);
    assert.match(html, /<\/html>\n$/);
  });
});

describe('era835 report (command line)', () => {
  const CLI = 'server/out/cli.js';
  const era835 = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  before(() => {
    if (!existsSync(CLI)) spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  });

  test('-o writes the page; --redact leaves no patient name in it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'era835-report-'));
    try {
      const out = join(dir, 'r.html');
      const r = era835('report', 'examples/needs-attention.835', '-o', out);
      assert.equal(r.status, 0, r.stderr);
      const html = readFileSync(out, 'utf8');
      assert.match(html, /SAMPLE, CARLA/);
      assertInert(html);
      const red = era835('report', 'examples/needs-attention.835', '--redact');
      assert.equal(red.status, 0, red.stderr);
      assert.doesNotMatch(red.stdout, /CARLA|PCN2001/);
      assert.match(red.stdout, /\$240\.00/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('exactly one file; a file that is not X12 exits 2', () => {
    assert.equal(era835('report').status, 2);
    assert.equal(era835('report', 'examples/needs-attention.835', 'examples/medicare-part-b.835').status, 2);
    assert.equal(era835('report', 'README.md').status, 2);
  });
});
