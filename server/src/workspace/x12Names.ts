/**
 * What counts as "the 835 files under here": one definition for the command line's directory walk, the
 * server's workspace index and the editor's report commands. Pure (no file system), so the client can
 * import it too.
 * - `*.835` and `*.era` always;
 * - `*.edi`, `*.x12`, `*.txt`, `*.dat` when the file starts with ISA (after blanks or a byte-order mark);
 * - never inside hidden folders (`.git`...) or `node_modules`.
 * A file named on the command line is read whatever its name.
 */
export const SURE_EXTENSIONS = ['835', 'era'] as const;
export const MAYBE_EXTENSIONS = ['edi', 'x12', 'txt', 'dat'] as const;
export const SKIPPED_FOLDERS = ['node_modules'] as const;

const SURE = new RegExp(`\\.(${SURE_EXTENSIONS.join('|')})$`, 'i');
const MAYBE = new RegExp(`\\.(${MAYBE_EXTENSIONS.join('|')})$`, 'i');

/** `sure`: an 835 by name; `maybe`: one if it starts with ISA; undefined: not looked at. */
export function nameKind(name: string): 'sure' | 'maybe' | undefined {
  return SURE.test(name) ? 'sure' : MAYBE.test(name) ? 'maybe' : undefined;
}

/** Folders a walk never enters. */
export function skipFolder(name: string): boolean {
  return name.startsWith('.') || (SKIPPED_FOLDERS as readonly string[]).includes(name);
}

/** Bytes read to decide a `maybe` file. */
export const SNIFF_BYTES = 16;

/** Do these first bytes start like X12 (ISA after blanks or a BOM)? */
export function startsLikeX12(head: Uint8Array): boolean {
  return /^[\s\uFEFF]*ISA/.test(new TextDecoder().decode(head));
}

/** The glob of files that are 835s by name, for VS Code's findFiles (which cannot read contents). */
export const SURE_GLOB = `**/*.{${SURE_EXTENSIONS.flatMap((e) => [e, e.toUpperCase()]).join(',')}}`;

/** Folders excluded from VS Code's findFiles, added to the user's `files.exclude`. */
export const SKIPPED_GLOBS = ['**/node_modules/**', '**/.*/**'] as const;
