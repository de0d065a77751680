import type { ServerContext } from './context';
import { fileURLToPath } from 'node:url';

/** The workspace folders that are on disk, as paths (none when the client has no folders or cannot say). */
export async function workspaceRoots(ctx: ServerContext): Promise<string[]> {
  const folders = (await ctx.connection.workspace.getWorkspaceFolders().catch(() => null)) ?? [];
  return folders
    .map((f) => f.uri)
    .filter((u) => u.startsWith('file:'))
    .map((u) => fileURLToPath(u));
}
