import { formatDate } from '../../x835/values';

/** Text shapes shared by the hover parts: dates and element positions as analysts read them. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 20240105 -> "2024-01-05 (Jan 5, 2024)": ISO to compare, words to read. */
export function longDate(date: number): string {
  const m = Math.floor(date / 100) % 100;
  return `${formatDate(date)} (${MONTHS[m - 1]} ${date % 100}, ${Math.floor(date / 10000)})`;
}

/** "CLP04", "SVC01-2" (component c is 1-based and omitted when undefined). */
export function position(id: string, k: number, component?: number): string {
  return `${id}${String(k).padStart(2, '0')}${component !== undefined ? `-${component}` : ''}`;
}
