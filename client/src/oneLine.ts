import * as vscode from 'vscode';
import { PRETTY_SCHEME } from './prettyView';
import { is835, type Session } from './session';

/**
 * Payers most often send an 835 as one line. VS Code draws only the first `editor.stopRenderingLineAfter`
 * characters of a line (10,000 by default), so past that size the rest of a one-line file cannot even be
 * seen; the one-segment-per-line view (ERA: Open as One Segment per Line) shows all of it and stays fluid.
 * Opening such a file offers that view ("Open formatted view", "Always", "Never": setting
 * `era835.oneLine.openFormattedView`), and a status bar item offers it while the file is active.
 */
export function registerOneLine(s: Session): void {
  const item = vscode.window.createStatusBarItem('era835.oneLine', vscode.StatusBarAlignment.Left, 9);
  item.name = 'X12 835 one-line file';
  item.command = 'era835.openPrettyView';
  item.text = '$(list-flat) One segment per line';
  const asked = new Set<string>();

  const onActive = (editor: vscode.TextEditor | undefined) => {
    const doc = editor?.document;
    const size = doc && oneLineSize(doc);
    if (!doc || size === undefined) {
      item.hide();
      return;
    }
    item.tooltip = `This ERA is on one line (${size.toLocaleString('en-US')} characters); the editor draws only the start of a line. Click to open it with one segment per line.`;
    item.show();
    const key = doc.uri.toString();
    if (asked.has(key)) return;
    asked.add(key);
    void offer(doc, size);
  };

  s.context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(onActive),
    vscode.workspace.onDidCloseTextDocument((d) => asked.delete(d.uri.toString())),
    // The language is set after opening for detected .txt files: look again then.
    vscode.workspace.onDidOpenTextDocument((d) => {
      if (d === vscode.window.activeTextEditor?.document) onActive(vscode.window.activeTextEditor);
    }),
  );
  onActive(vscode.window.activeTextEditor);
}

/** The length of an 835 that sits (almost) on one line and is over the threshold, else undefined. */
function oneLineSize(doc: vscode.TextDocument): number | undefined {
  if (!is835(doc) || doc.uri.scheme === PRETTY_SCHEME) return undefined;
  const threshold = vscode.workspace.getConfiguration('era835', doc.uri).get<number>('oneLine.offerFormattedViewAbove', 10_000);
  const length = doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end);
  if (length <= threshold) return undefined;
  // One line holds most of the file (some put the ISA on a line of its own, most end with a line break).
  let longest = 0;
  for (let i = 0; i < Math.min(doc.lineCount, 3); i++) longest = Math.max(longest, doc.lineAt(i).text.length);
  return longest * 2 >= length ? length : undefined;
}

async function offer(doc: vscode.TextDocument, size: number): Promise<void> {
  const config = vscode.workspace.getConfiguration('era835', doc.uri);
  const choice = config.get<string>('oneLine.openFormattedView', 'ask');
  if (choice === 'never') return;
  if (choice === 'always') return openFormatted(doc);
  const open = 'Open formatted view';
  const answer = await vscode.window.showInformationMessage(
    `This ERA is on one line (${Math.round(size / 1000).toLocaleString('en-US')} KB). Open it with one segment per line? The original is not changed.`,
    open,
    'Always',
    'Never',
  );
  if (answer === 'Always' || answer === 'Never')
    await config.update('oneLine.openFormattedView', answer.toLowerCase(), vscode.ConfigurationTarget.Global);
  if (answer === open || answer === 'Always') await openFormatted(doc);
}

async function openFormatted(doc: vscode.TextDocument): Promise<void> {
  if (vscode.window.activeTextEditor?.document !== doc) await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('era835.openPrettyView');
}
