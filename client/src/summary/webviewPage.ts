import { randomBytes } from 'node:crypto';
import { esc } from './html';
import { WEBVIEW_SCRIPT } from './webviewScript';

/**
 * The HTML page around a report: a strict Content-Security-Policy (nothing remote, nothing inline
 * without the page's nonce), theme colours through VS Code's `--vscode-*` variables, one style sheet and
 * one script, both nonce'd. `body` is already escaped markup (summaryHtml.ts, impactHtml.ts).
 */
export function webviewPage(opts: { cspSource: string; title: string; body: string; nonce?: string }): string {
  const nonce = opts.nonce ?? newNonce();
  const csp = `default-src 'none'; style-src ${opts.cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${esc(opts.title)}</title>
<style nonce="${nonce}">${STYLES}</style>
</head>
<body>
<div id="live" class="sr-only" role="status" aria-live="polite"></div>
<div id="root">${opts.body}</div>
<script nonce="${nonce}">${WEBVIEW_SCRIPT}</script>
</body>
</html>`;
}

/** 128 random bits, base64 without padding characters that would need escaping. */
export function newNonce(): string {
  return randomBytes(16)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '');
}

const STYLES = `
:root { color-scheme: light dark; }
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground);
  background: var(--vscode-editor-background); padding: 0 20px 40px; line-height: 1.45; }
h1 { font-size: 1.4em; font-weight: 600; margin: 16px 0 2px; }
h2 { font-size: 1.1em; font-weight: 600; margin: 24px 0 8px; border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); padding-bottom: 4px; }
.file { font-weight: normal; color: var(--vscode-descriptionForeground); }
.muted { color: var(--vscode-descriptionForeground); }
.count { display: inline-block; min-width: 1.4em; padding: 0 6px; border-radius: 9px; text-align: center; font-size: 0.85em;
  background: var(--vscode-badge-background); color: var(--vscode-badge-foreground); }
.ok { color: var(--vscode-testing-iconPassed, var(--vscode-charts-green)); }
.warn { color: var(--vscode-editorWarning-foreground, var(--vscode-charts-orange)); }
.big { font-size: 1.25em; font-weight: 600; }
code { font-family: var(--vscode-editor-font-family); white-space: nowrap; }
.columns { display: flex; flex-wrap: wrap; gap: 0 40px; align-items: flex-start; }
table { border-collapse: collapse; margin: 4px 0 8px; }
caption { text-align: left; color: var(--vscode-descriptionForeground); padding: 0 0 6px; }
th, td { text-align: left; padding: 3px 10px 3px 0; vertical-align: top; }
thead th { border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); font-weight: 600; }
tbody tr:hover { background: var(--vscode-list-hoverBackground); }
.num { text-align: right; font-variant-numeric: tabular-nums; }
table.kv th { font-weight: normal; color: var(--vscode-descriptionForeground); padding-right: 16px; }
table.sortable { width: 100%; }
tr.attention td:first-child code { color: var(--vscode-editorWarning-foreground, var(--vscode-charts-orange)); font-weight: 600; }
button.sort { white-space: nowrap; font: inherit; font-weight: 600; color: inherit; background: none; border: none; padding: 0; cursor: pointer; }
button.sort .arrow::after { content: ' \\2195'; opacity: 0.4; }
th[aria-sort="ascending"] button.sort .arrow::after { content: ' \\25B2'; opacity: 1; }
th[aria-sort="descending"] button.sort .arrow::after { content: ' \\25BC'; opacity: 1; }
button.link { font: inherit; color: var(--vscode-textLink-foreground); background: none; border: none; padding: 0; cursor: pointer; text-decoration: underline; }
button.link:hover { color: var(--vscode-textLink-activeForeground); }
button.action { font: inherit; color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; padding: 4px 12px; border-radius: 2px; cursor: pointer; margin-right: 8px; }
button.action:hover { background: var(--vscode-button-hoverBackground); }
button:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
ul.findings { margin: 4px 0; padding-left: 18px; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
svg.chart { max-width: 100%; height: auto; overflow: visible; }
svg.chart text { fill: var(--vscode-foreground); font-size: 12px; font-family: var(--vscode-font-family); }
svg.chart .axis { stroke: var(--vscode-charts-lines, var(--vscode-descriptionForeground)); }
.bar-paid rect { fill: var(--vscode-charts-green); }
.bar-contractual rect { fill: var(--vscode-charts-blue); }
.bar-seq rect { fill: var(--vscode-charts-purple); }
.bar-patient rect { fill: var(--vscode-charts-yellow); }
.bar-denied rect { fill: var(--vscode-charts-red); }
.bar-recoverable rect { fill: var(--vscode-charts-purple); }
.bar-other rect { fill: var(--vscode-charts-foreground, var(--vscode-descriptionForeground)); }
.bar-unexplained rect { fill: var(--vscode-charts-orange); }
@media (forced-colors: active) { svg.chart rect { fill: CanvasText; } }
`;
