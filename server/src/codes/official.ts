/**
 * An organisation's licensed official code lists (setting `era835.codeLists.path`): a CSV with the
 * columns `list,code,description` (a header row is optional). Their wording is shown beside ours; we
 * ship none of it. Parsing never throws: bad rows are counted and described.
 */

/** Official descriptions by list id (`carc`, `rarc`, or one of our small lists' ids) and code. */
export type OfficialLists = ReadonlyMap<string, ReadonlyMap<string, string>>;

export interface OfficialParse {
  readonly lists: OfficialLists;
  readonly rows: number;
  /** Rows that were not used (each bad row is skipped; the others are read). */
  readonly skipped: number;
  /** One line per skipped row (the first few only), for a warning to the user. */
  readonly problems: readonly string[];
}

/** Longest code and description a row may have: longer is not a code list row (a quote left open?). */
const MAX_CODE = 32;
const MAX_DESCRIPTION = 4000;
/** How many skipped rows are described one by one; the rest are counted. */
const DESCRIBED = 5;

/** Common spellings of list names mapped to our ids. */
const ALIASES: Record<string, string> = {
  carc: 'carc',
  'claim adjustment reason code': 'carc',
  'claim adjustment reason codes': 'carc',
  cas: 'carc',
  rarc: 'rarc',
  'remittance advice remark code': 'rarc',
  'remittance advice remark codes': 'rarc',
  remark: 'rarc',
  lq: 'rarc',
};

/** RFC 4180 records: quoted fields, doubled quotes, CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
    } else field += c;
  }
  row.push(field);
  if (row.length > 1 || row[0] !== '') rows.push(row);
  return rows;
}

export function parseOfficialLists(text: string): OfficialParse {
  const lists = new Map<string, Map<string, string>>();
  const problems: string[] = [];
  let rows = 0;
  let skipped = 0;
  const records = parseCsv(text.replace(/^\uFEFF/, ''));
  records.forEach((r, i) => {
    if (i === 0 && r[0]?.trim().toLowerCase() === 'list') return; // header
    const problem = rowProblem(r);
    if (problem) {
      skipped++;
      if (problems.length < DESCRIBED) problems.push(`row ${i + 1}: ${problem}; skipped`);
      return;
    }
    const name = r[0].trim();
    const id = ALIASES[name.toLowerCase()] ?? name;
    let list = lists.get(id);
    if (!list) lists.set(id, (list = new Map()));
    list.set(r[1].trim(), r.slice(2).join(',').trim());
    rows++;
  });
  return { lists, rows, skipped, problems };
}

/** Why a record is not a `list,code,description` row, or undefined when it is one. */
function rowProblem(r: readonly string[]): string | undefined {
  if (r.length < 3 || !r[0].trim() || !r[1].trim()) return 'expected list,code,description';
  if (r[1].trim().length > MAX_CODE) return `the code is ${r[1].trim().length} characters long (at most ${MAX_CODE})`;
  const description = r.slice(2).join(',').trim().length;
  if (description > MAX_DESCRIPTION)
    return `the description is ${description} characters long (at most ${MAX_DESCRIPTION}; a quote left open?)`;
  return undefined;
}
