import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { analyze } from '../../../server/src/analysis';
import { ImpactAccumulator, impactOfAnalysis } from '../../../server/src/report/impact';
import { summarize } from '../../../server/src/report/summary';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { impactBody } from '../../../client/src/summary/impactHtml';
import { summaryBody } from '../../../client/src/summary/summaryHtml';
import { webviewPage } from '../../../client/src/summary/webviewPage';
import { remit } from './remits';

const summaryOf = (text: string) => summarize(analyze(text, DEFAULT_SETTINGS), DEFAULT_SETTINGS);
const attr = (html: string, selector: RegExp) => selector.exec(html)?.[1];

describe('summary webview content', () => {
  const html = summaryBody(summaryOf(readFileSync('examples/needs-attention.835', 'utf8')), 'needs-attention.835');

  test('totals carry data-total and data-cents for tests and tools', () => {
    assert.equal(attr(html, /data-total="paid" data-cents="(-?\d+)"/), '24500');
    assert.equal(attr(html, /data-total="denied" data-cents="(-?\d+)"/), '19000');
    assert.equal(attr(html, /data-total="recoverable" data-cents="(-?\d+)"/), '1500');
    assert.equal(attr(html, /data-total="sequestration" data-cents="(-?\d+)"/), '102');
    assert.equal(attr(html, /data-total="toWork" data-count="(\d+)"/), '4');
    assert.equal(attr(html, /data-total="toRecover" data-cents="(-?\d+)"/), '1180');
    assert.equal(attr(html, /data-balance="transaction-balance" data-status="(\w+)"/), 'problems');
    assert.equal(attr(html, /data-balance="claim-balance" data-status="(\w+)"/), 'ok');
  });

  test('the worklist rows reveal their triplet: data-reveal holds line,char,endLine,endChar', () => {
    assert.match(html, /<tr data-claim="PCN2003" data-code="CO-16">/);
    assert.match(html, /data-reveal="24,7,24,13"/); // CAS*CO*16*180 on line 25: "16*180"
  });

  test('tables are semantic: captions, column headers with sort buttons and aria-sort', () => {
    assert.match(html, /<table class="sortable" id="reasons">\s*<caption>/);
    assert.match(
      html,
      /<th scope="col" class="num" aria-sort="none"><button type="button" class="sort" data-sort-col="1" data-sort-type="number">Count/,
    );
    assert.match(html, /<svg class="chart" id="flow-chart" role="img" aria-labelledby="flow-chart-title flow-chart-desc"/);
  });

  test('no inline style attributes (the CSP forbids them)', () => {
    assert.doesNotMatch(html, /\sstyle=/);
  });

  test('file content is escaped', () => {
    const evil = summaryBody(
      summaryOf(remit({ payer: '<script>alert(1)</script>', amount: '0', claims: [{ id: '<b>X</b>', charge: '0', paid: '0' }] })),
      '<x>.835',
    );
    assert.doesNotMatch(evil, /<script>|<b>X/);
    assert.match(evil, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });
});

describe('webview page', () => {
  test('a strict CSP with a nonce: nothing remote, no unsafe-inline, script and style carry the nonce', () => {
    const page = webviewPage({ cspSource: 'vscode-resource:', title: 'T', body: '<p>x</p>', nonce: 'abc123' });
    assert.match(page, /content="default-src 'none'; style-src vscode-resource: 'nonce-abc123'; script-src 'nonce-abc123';"/);
    assert.match(page, /<style nonce="abc123">/);
    assert.match(page, /<script nonce="abc123">/);
    assert.doesNotMatch(page, /unsafe-inline|unsafe-eval|https?:\/\//);
    assert.doesNotMatch(page, /<script(?! nonce="abc123")/);
  });
});

describe('impact webview content', () => {
  test('month rows, totals with data-cents, and the export buttons', () => {
    const acc = new ImpactAccumulator();
    const text = readFileSync('examples/medicare-part-b.835', 'utf8');
    acc.add(impactOfAnalysis(analyze(text, DEFAULT_SETTINGS), DEFAULT_SETTINGS, 'a.835'));
    const html = impactBody({
      months: acc.rows('month'),
      payers: acc.rows('payer'),
      total: acc.total(),
      scanned: 1,
      found: 1,
      problems: [],
    });
    assert.match(html, /<tr data-key="2024-03">/);
    assert.equal(attr(html, /data-impact-total="co253" data-cents="(\d+)"/), '403');
    assert.match(html, /data-command="exportCsv" data-arg="month"/);
    assert.doesNotMatch(html, /\sstyle=/);
  });
});
