import * as vscode from 'vscode';
import type { Session } from './session';

/**
 * "Turn off rule X here" (a quick fix the server offers on each of its diagnostics): writes
 * `era835.rules.<code>: "off"` for the folder of the file (its .vscode/settings.json), or in the user
 * settings for a file outside any folder. The server then reads the settings again and drops the findings.
 */
export function registerRuleSettings(s: Session): void {
  s.context.subscriptions.push(
    vscode.commands.registerCommand('era835.turnOffRule', async (code: unknown, uri: unknown) => {
      if (typeof code !== 'string' || !/^[a-z0-9-]+$/.test(code)) return;
      const resource = typeof uri === 'string' ? vscode.Uri.parse(uri) : undefined;
      const folder = resource && vscode.workspace.getWorkspaceFolder(resource);
      const target = folder ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Global;
      await vscode.workspace.getConfiguration('era835', resource).update(`rules.${code}`, 'off', target);
      const where = folder ? `the settings of folder ${folder.name}` : 'your user settings';
      void vscode.window.showInformationMessage(`Rule ${code} is off in ${where} (era835.rules.${code}).`);
    }),
  );
}
