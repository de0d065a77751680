import type { Connection } from 'vscode-languageserver';
import { DEFAULT_VIEW_LIMITS, viewLimitsOf, type ViewLimits } from '../features/visible';
import { EDITOR_LIMIT_SECTIONS } from './protocol';

/**
 * Each open document's editor limits, pulled from the client with the document as scope (a user can set
 * them per language or per folder). Until the client has answered, VS Code's defaults apply.
 */
export class EditorLimits {
  private readonly byUri = new Map<string, ViewLimits>();

  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
  ) {}

  of(uri: string): ViewLimits {
    return this.byUri.get(uri) ?? DEFAULT_VIEW_LIMITS;
  }

  /** Asks the client for the limits of these documents; true when any of them changed. */
  async pull(uris: readonly string[]): Promise<boolean> {
    if (!this.canPull() || !uris.length) return false;
    let values: unknown[];
    try {
      values = await this.connection.workspace.getConfiguration(
        uris.flatMap((scopeUri) => EDITOR_LIMIT_SECTIONS.map((section) => ({ scopeUri, section }))),
      );
    } catch {
      return false; // the client cannot say: the defaults stay
    }
    let changed = false;
    uris.forEach((uri, i) => {
      const next = viewLimitsOf(values[2 * i], values[2 * i + 1]);
      const old = this.of(uri);
      if (next.lineChars !== old.lineChars || next.inlayChars !== old.inlayChars) changed = true;
      this.byUri.set(uri, next);
    });
    return changed;
  }

  delete(uri: string): void {
    this.byUri.delete(uri);
  }
}
