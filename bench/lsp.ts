/**
 * Latency through the real language server (server/out/server.js over stdio), as an editor sees it:
 * open -> diagnostics, hovers at random positions, semantic tokens for a visible range, document
 * symbols, re-analysis after one-character edits, and hovers on a small document while a big one is
 * being analysed after its open and after each edit (the event loop must keep answering).
 */
import * as P from 'vscode-languageserver-protocol/node';
import { TestClient } from '../test/helpers/lspClient';
import { generate835Text } from './generator';

export interface LspResult {
  openToDiagnostics: number;
  hoverP50: number;
  hoverP99: number;
  semanticRange: number;
  semanticRangeWhat: string;
  symbols: number;
  symbolCount: number;
  edit: { start: number; middle: number; end: number };
  /** All the one-character edits (start, middle, end, then spread over the file): median, p95 and how many. */
  editP50: number;
  editP95: number;
  edits: number;
  /** Hovers on a small document every 20 ms while the big one is opened and analysed. */
  busyHoverMax: number;
  /** The same, of the hovers sent once the client had written the whole open message. */
  busyHoverMaxAfterOpen: number;
  busyHoverP99: number;
  busyHovers: number;
  /** The same probe while the one-character edits are applied and re-analysed. */
  editBusyHoverMax: number;
  editBusyHoverP99: number;
  editBusyHovers: number;
  diagnosticsSent: number;
}

const now = () => performance.now();
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

/** A seeded sequence, so every run hovers the same places. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a * 1103515245 + 12345) & 0x7fffffff;
    return a / 0x80000000;
  };
}

function positionAt(text: string, offset: number): P.Position {
  let line = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, character: offset - start };
}

/** Line starts, for turning random offsets into positions fast. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

interface BusyHover {
  /** When the hover was sent (performance.now()). */
  readonly sent: number;
  readonly wait: number;
}

/** Hovers `uri` every 20 ms until stopped; `stop` resolves with each hover's send time and wait in ms. */
function busyHovers(client: TestClient, uri: string): { stop(): Promise<BusyHover[]> } {
  const hovers: BusyHover[] = [];
  let running = true;
  const probe = (async () => {
    while (running) {
      const t = now();
      await client.hover(uri, 20, 2);
      hovers.push({ sent: t, wait: now() - t });
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await probe;
      return hovers;
    },
  };
}

export async function measureLsp(text: string, hovers = 300): Promise<LspResult> {
  const client = new TestClient();
  try {
    await client.initialize();
    const uri = 'file:///bench/big.835';
    const small = 'file:///bench/small.835';
    const smallText = generate835Text({ bytes: 20_000, seed: 7 });
    await client.open(small, smallText);
    await client.diagnosticsFor(small, 1);

    // Open the big document and, meanwhile, hover the small one every 20 ms.
    let busyProbe = busyHovers(client, small);
    const t0 = now();
    await client.open(uri, text);
    // The open message is in the pipe (the server has read all but the last pipe buffer of it).
    const openWritten = now();
    const diagnostics = await client.diagnosticsFor(uri, 1, 600_000);
    const openToDiagnostics = now() - t0;
    const busy = await busyProbe.stop();

    // Hovers at random positions once analysed.
    const starts = lineStarts(text);
    const rnd = random(42);
    const times: number[] = [];
    for (let i = 0; i < hovers; i++) {
      const offset = Math.floor(rnd() * text.length);
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      const t = now();
      await client.hover(uri, lo, offset - starts[lo]);
      times.push(now() - t);
    }

    // Semantic tokens for what a window shows: 100 lines, or on a one-line file the first 8,000 characters.
    const middleLine = Math.floor(starts.length / 2);
    const range: P.Range =
      starts.length > 100
        ? { start: { line: middleLine, character: 0 }, end: { line: middleLine + 100, character: 0 } }
        : { start: { line: 0, character: 0 }, end: { line: 0, character: 8000 } };
    const semanticTimes: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = now();
      await client.conn.sendRequest(P.SemanticTokensRangeRequest.type, { textDocument: { uri }, range });
      semanticTimes.push(now() - t);
    }

    let t = now();
    const symbols = await client.conn.sendRequest(P.DocumentSymbolRequest.type, { textDocument: { uri } });
    const symbolsMs = now() - t;

    // One-character edits (a patient's last name) near the start, the middle and the end, with the probe again.
    busyProbe = busyHovers(client, small);
    const edit: Record<'start' | 'middle' | 'end', number> = { start: 0, middle: 0, end: 0 };
    let version = 1;
    // Then 17 more spread over the file, for a median and a p95 of 20 edits.
    const places: (readonly [string, number])[] = [
      ['start', 0.02],
      ['middle', 0.5],
      ['end', 0.97],
    ];
    for (let i = 0; i < 17; i++) places.push(['spread', 0.04 + i * 0.055]);
    const editTimes: number[] = [];
    for (const [where, at] of places) {
      const offset = text.indexOf('NM1*QC*1*', Math.floor(text.length * at)) + 9;
      if (offset < 9) continue;
      const position = positionAt(text, offset);
      version++;
      t = now();
      await client.conn.sendNotification(P.DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [
          { range: { start: position, end: { line: position.line, character: position.character + 1 } }, text: version % 2 ? 'Q' : 'Z' },
        ],
      });
      await client.diagnosticsFor(uri, version, 600_000);
      const took = now() - t;
      editTimes.push(took);
      if (where !== 'spread') edit[where as 'start' | 'middle' | 'end'] = took;
    }
    const editBusy = (await busyProbe.stop()).map((h) => h.wait);
    // Hovers sent while the client was still writing the 50 MB open message wait behind it in the pipe.
    const afterOpen = busy.filter((h) => h.sent >= openWritten).map((h) => h.wait);
    const busyWaits = busy.map((h) => h.wait);
    return {
      openToDiagnostics,
      hoverP50: pct(times, 50),
      hoverP99: pct(times, 99),
      semanticRange: pct(semanticTimes, 50),
      semanticRangeWhat: starts.length > 100 ? '100 lines' : '8,000 characters of the one line',
      symbols: symbolsMs,
      symbolCount: Array.isArray(symbols) ? symbols.length : 0,
      edit,
      editP50: pct(editTimes, 50),
      editP95: pct(editTimes, 95),
      edits: editTimes.length,
      busyHoverMax: Math.max(...busyWaits),
      busyHoverMaxAfterOpen: afterOpen.length ? Math.max(...afterOpen) : 0,
      busyHoverP99: pct(busyWaits, 99),
      busyHovers: busy.length,
      editBusyHoverMax: Math.max(...editBusy),
      editBusyHoverP99: pct(editBusy, 99),
      editBusyHovers: editBusy.length,
      diagnosticsSent: diagnostics.length,
    };
  } finally {
    await client.shutdown();
  }
}

/**
 * didOpen -> first diagnostics through the minimal floor server (bench/floorServer.ts: the transport
 * parses the message, the text is tokenized, empty diagnostics are sent): median of `runs` fresh servers.
 */
export async function measureOpenFloor(text: string, server: string, runs = 3): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const client = new TestClient([], server);
    try {
      await client.initialize();
      const t0 = now();
      await client.open('file:///bench/floor.835', text);
      await client.diagnosticsFor('file:///bench/floor.835', 1, 600_000);
      times.push(now() - t0);
    } finally {
      await client.shutdown();
    }
  }
  return pct(times, 50);
}
