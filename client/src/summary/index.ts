import type { Session } from '../session';
import { registerExport } from './exportCommand';
import { registerImpact } from './impactCommand';
import { registerReport } from './reportCommand';
import { registerSummaryPanel } from './summaryPanel';

/**
 * The report side of the client: the remittance summary webview, the workspace sequestration impact, the
 * spreadsheet exports and the printable remittance. All numbers come from the server (report/ in the server), never computed here.
 */
export function registerSummary(s: Session): void {
  registerSummaryPanel(s);
  registerImpact(s);
  registerExport(s);
  registerReport(s);
}
