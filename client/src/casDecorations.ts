import * as vscode from 'vscode';
import { CAS_CLASSES, type CasShade } from '../../server/src/lsp/protocol';
import { is835, toRange, type Session } from './session';

/**
 * Shades CAS segments by class (setting `era835.highlight.cas`): muted for sequestration and
 * contractual write-offs, a warm background for patient responsibility, an attention border for
 * adjustments that need work. Only visible ranges are asked for, so huge one-line files stay fast.
 */
export function registerCasDecorations(s: Session): void {
  const styles: Record<CasShade, vscode.TextEditorDecorationType> = {
    muted: vscode.window.createTextEditorDecorationType({ opacity: '0.55' }),
    patient: vscode.window.createTextEditorDecorationType({ backgroundColor: new vscode.ThemeColor('editor.wordHighlightBackground') }),
    attention: vscode.window.createTextEditorDecorationType({
      backgroundColor: new vscode.ThemeColor('inputValidation.errorBackground'),
      border: '1px solid',
      borderColor: new vscode.ThemeColor('editorError.foreground'),
      overviewRulerColor: new vscode.ThemeColor('editorError.foreground'),
      overviewRulerLane: vscode.OverviewRulerLane.Right,
    }),
    other: vscode.window.createTextEditorDecorationType({}),
  };
  // Read for the editor's document: a folder of a multi-root workspace may turn shading off for its files only.
  const enabled = (editor: vscode.TextEditor) =>
    vscode.workspace.getConfiguration('era835', editor.document).get<boolean>('highlight.cas', true);
  const timers = new Map<vscode.TextEditor, NodeJS.Timeout>();

  const refresh = (editor: vscode.TextEditor, delay = 250) => {
    if (!is835(editor.document)) return;
    clearTimeout(timers.get(editor));
    timers.set(
      editor,
      setTimeout(async () => {
        timers.delete(editor);
        if (!enabled(editor)) {
          for (const d of Object.values(styles)) editor.setDecorations(d, []);
          return;
        }
        const version = editor.document.version;
        try {
          const r = await s.client().sendRequest(CAS_CLASSES, {
            textDocument: { uri: editor.document.uri.toString() },
            ranges: editor.visibleRanges.map((v) => s.client().code2ProtocolConverter.asRange(v)),
          });
          if (editor.document.version !== version) return; // stale: a newer refresh is coming
          const by: Record<CasShade, vscode.DecorationOptions[]> = { muted: [], patient: [], attention: [], other: [] };
          for (const x of r.shades) by[x.shade].push({ range: toRange(x.range), hoverMessage: `CAS: ${x.label}` });
          for (const k of Object.keys(styles) as CasShade[]) editor.setDecorations(styles[k], by[k]);
        } catch {
          /* server restarting: the next change refreshes */
        }
      }, delay),
    );
  };
  const refreshVisible = () => vscode.window.visibleTextEditors.forEach((e) => refresh(e, 0));

  s.context.subscriptions.push(
    ...Object.values(styles),
    vscode.window.onDidChangeVisibleTextEditors(refreshVisible),
    vscode.window.onDidChangeTextEditorVisibleRanges((e) => refresh(e.textEditor, 100)),
    vscode.workspace.onDidChangeTextDocument((e) =>
      vscode.window.visibleTextEditors.filter((ed) => ed.document === e.document).forEach((ed) => refresh(ed, 400)),
    ),
    // The render limit bounds what the server shades: after it changes, ask again (once the server has it).
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('era835.highlight.cas')) refreshVisible();
      else if (e.affectsConfiguration('editor.stopRenderingLineAfter')) vscode.window.visibleTextEditors.forEach((ed) => refresh(ed));
    }),
  );
  // The server answers once it is running; the first visible editors are shaded then.
  s.client().onDidChangeState(() => refreshVisible());
  refreshVisible();
}
