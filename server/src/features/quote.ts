/**
 * Values as a hover quotes them. An element may be megabytes long (a 10 MB field once gave a 10.5 MB
 * hover, which the editor tried to render), so a long value is cut, and says how long it was.
 */

/** Characters of a value quoted in full; longer values show this many and their length. */
export const QUOTE_MAX = 80;

/** `value` as inline code, cut after QUOTE_MAX characters (never between the halves of a surrogate pair). */
export function quoted(value: string): string {
  if (value.length <= QUOTE_MAX) return `\`${value}\``;
  const cut = /[\ud800-\udbff]/.test(value[QUOTE_MAX - 1]) ? QUOTE_MAX - 1 : QUOTE_MAX;
  return `\`${value.slice(0, cut)}\`… (${value.length.toLocaleString('en-US')} characters)`;
}

/**
 * The most a whole hover may hold. Values are quoted through `quoted`; this bounds what else may
 * repeat file text (a claim's patient name, ids in a PLB), whatever the file holds.
 */
export const HOVER_MAX = 8000;

/** The hover's markdown, cut at a line before HOVER_MAX characters when longer, saying so. */
export function capped(markdown: string): string {
  if (markdown.length <= HOVER_MAX) return markdown;
  const line = markdown.lastIndexOf('\n', HOVER_MAX);
  let cut = line > HOVER_MAX / 2 ? line : HOVER_MAX;
  if (/[\ud800-\udbff]/.test(markdown[cut - 1])) cut--;
  return `${markdown.slice(0, cut)}\n\n_… cut: this hover would be ${markdown.length.toLocaleString('en-US')} characters long._`;
}
