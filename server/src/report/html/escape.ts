/**
 * Safe HTML building: every piece of file content goes through `esc`, so a payer name like `<script>` is
 * text, never markup. Pure; the webviews (client) and the printable report (server) share it.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or attribute value, escaped. */
export function esc(value: string | number | undefined | null): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
