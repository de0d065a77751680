/**
 * The script that runs inside the report webviews (plain JS as text: the page's CSP allows only this
 * nonce'd inline script). It does three things and nothing else:
 * - sortable tables: a header button sorts by its column (numbers by `data-value`), toggles the order,
 *   sets `aria-sort`, and the order survives updates and tab switches (vscode.setState);
 * - buttons with `data-reveal` post {type:'reveal', range} so the extension selects that text in the editor;
 *   buttons with `data-command` post {type: command, arg};
 * - a {type:'render', html} message from the extension replaces the content (file changed), keeping the
 *   sort order, focus position by id, and announcing the update to screen readers.
 */
export const WEBVIEW_SCRIPT = String.raw`
(function () {
  const vscode = acquireVsCodeApi();
  const state = vscode.getState() || { sorts: {} };
  const root = document.getElementById('root');
  const live = document.getElementById('live');

  function valueOf(row, col, type) {
    const c = row.cells[col];
    const v = c ? (c.getAttribute('data-value') ?? c.textContent) : '';
    if (type === 'number') { const n = Number(v); return Number.isFinite(n) ? n : -Infinity; }
    return String(v).toLowerCase();
  }

  function sortTable(table, col, dir) {
    const th = table.tHead && table.tHead.rows[0] && table.tHead.rows[0].cells[col];
    if (!th) return;
    const button = th.querySelector('button.sort');
    const type = button ? button.getAttribute('data-sort-type') : 'text';
    const body = table.tBodies[0];
    const rows = Array.from(body.rows);
    const sign = dir === 'descending' ? -1 : 1;
    rows.sort((a, b) => {
      const x = valueOf(a, col, type), y = valueOf(b, col, type);
      if (type === 'number') return sign * (x - y);
      return sign * x.localeCompare(y, undefined, { numeric: true });
    });
    for (const r of rows) body.appendChild(r);
    for (const h of table.tHead.rows[0].cells) h.setAttribute('aria-sort', 'none');
    th.setAttribute('aria-sort', dir);
  }

  function applySorts() {
    for (const [id, s] of Object.entries(state.sorts)) {
      const t = document.getElementById(id);
      if (t) sortTable(t, s.col, s.dir);
    }
  }

  document.addEventListener('click', (e) => {
    const target = e.target instanceof Element ? e.target.closest('button') : null;
    if (!target) return;
    if (target.hasAttribute('data-reveal')) {
      const r = target.getAttribute('data-reveal').split(',').map(Number);
      vscode.postMessage({ type: 'reveal', range: r });
    } else if (target.hasAttribute('data-sort-col')) {
      const table = target.closest('table');
      const col = Number(target.getAttribute('data-sort-col'));
      const th = target.closest('th');
      const dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      sortTable(table, col, dir);
      if (table.id) { state.sorts[table.id] = { col, dir }; vscode.setState(state); }
      live.textContent = 'Sorted by ' + target.textContent + ', ' + dir;
    } else if (target.hasAttribute('data-command')) {
      vscode.postMessage({ type: target.getAttribute('data-command'), arg: target.getAttribute('data-arg') });
    }
  });

  window.addEventListener('message', (e) => {
    const m = e.data;
    if (!m || m.type !== 'render') return;
    const focusedId = document.activeElement && document.activeElement.id;
    const y = window.scrollY;
    root.innerHTML = m.html;
    applySorts();
    window.scrollTo(0, y);
    if (focusedId) { const f = document.getElementById(focusedId); if (f) f.focus(); }
    if (m.announce) live.textContent = m.announce;
  });

  applySorts();
})();
`;
