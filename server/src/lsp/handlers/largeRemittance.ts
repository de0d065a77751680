import { closeSync, openSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPart, MAX_PART_BYTES, partSize, type Part } from '../../large/parts';
import { describePlace, diagnosticsInOriginal, originOf } from '../../large/partPositions';
import { indexRemittance, type IndexedClaim, type RemittanceIndex } from '../../large/remittanceIndex';
import type { Handler } from '../context';
import { effectiveSeverity } from '../../rules/engine/severity';
import {
  LargeClaimsRequest,
  LargeIndexRequest,
  LargeOriginRequest,
  LargePartRequest,
  parsePartQuery,
  PART_SCHEME,
  type LargeClaim,
  type LargeIndexResult,
  type LargePayment,
} from '../protocol';
import { runSafe } from '../runSafe';

/** Indexes kept at once: each costs some 200 bytes a claim, and the user works on one big file at a time. */
const MAX_INDEXES = 2;

interface Built {
  readonly size: number;
  readonly mtimeMs: number;
  readonly promise: Promise<RemittanceIndex>;
  ms: number;
}

interface OpenPart {
  readonly part: Part;
  readonly file: { readonly uri: string; readonly name: string };
  readonly kind: 'claim' | 'payment';
}

/**
 * Large remittances: files VS Code never passes to extensions (over 50 MB). The server indexes such a
 * file from disk in chunks (`era835/largeIndex`), lists its claims (`era835/largeClaims`), serves a
 * payment or claim as a small part (`era835/largePart`) that the client opens as a read-only document,
 * and says where things in a part are in the file (`era835/largeOrigin`, and in every diagnostic).
 */
export const largeRemittanceHandler: Handler = {
  capabilities: {},
  register: (ctx) => {
    const c = ctx.connection;
    const indexes = new Map<string, Built>();
    const parts = new Map<string, OpenPart>();

    /** The index of the file at `path`, built now (in slices) unless built for its current size and time. */
    const indexOf = (path: string): { built: Built; fresh: boolean } => {
      const st = statSync(path);
      const hit = indexes.get(path);
      if (hit && hit.size === st.size && hit.mtimeMs === st.mtimeMs) return { built: hit, fresh: false };
      indexes.delete(path);
      while (indexes.size >= MAX_INDEXES) indexes.delete(indexes.keys().next().value!);
      const started = performance.now();
      const settings = ctx.settings();
      const steps = indexRemittance(path, settings, (f) => effectiveSeverity(f, settings));
      const built: Built = {
        size: st.size,
        mtimeMs: st.mtimeMs,
        ms: 0,
        promise: new Promise<RemittanceIndex>((resolve, reject) => {
          // One slice per turn of the event loop: requests about other documents are answered meanwhile.
          const slice = () => {
            try {
              const r = steps.next();
              if (r.done) {
                built.ms = Math.round(performance.now() - started);
                resolve(r.value);
              } else setImmediate(slice);
            } catch (e) {
              indexes.delete(path);
              reject(e);
            }
          };
          setImmediate(slice);
        }),
      };
      indexes.set(path, built);
      return { built, fresh: true };
    };

    c.onRequest(LargeIndexRequest, (p, token) =>
      runSafe<LargeIndexResult>(
        c,
        LargeIndexRequest.method,
        token,
        { ok: false, message: 'indexing failed; see the 835 language server output' },
        async () => {
          const path = toPath(p.file);
          if (!path) return { ok: false, message: `Only files on disk can be opened as large remittances (${p.file}).` };
          let got;
          try {
            got = indexOf(path);
          } catch (e) {
            return { ok: false, message: `${basename(path)}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
          }
          const index = await got.built.promise;
          ctx.connection.console.info(
            `Large remittance ${path}: ${index.transactions.length} payment(s), ${index.claims.length} claim(s)${got.fresh ? ` indexed in ${got.built.ms} ms` : ''}`,
          );
          const toWork = index.transactions.reduce((n, t) => n + t.toWork, 0);
          return {
            ok: true,
            file: p.file,
            bytes: index.bytes,
            interchanges: index.interchanges,
            payments: index.transactions.map(toPayment(index)),
            claims: index.claims.length,
            toWork,
            errors: index.errors,
            warnings: index.warnings,
            otherTransactions: index.otherTransactions,
            ms: got.fresh ? got.built.ms : 0,
            problems: index.problems,
          };
        },
      ),
    );

    c.onRequest(LargeClaimsRequest, (p, token) =>
      runSafe(c, LargeClaimsRequest.method, token, null, async () => {
        const path = toPath(p.file);
        const built = path ? indexes.get(path) : undefined;
        if (!built) return null;
        const index = await built.promise;
        const claims = p.payment === undefined ? index.claims : claimsOf(index, p.payment);
        const needle = p.filter?.trim().toLowerCase() ?? '';
        const matched = needle ? claims.filter((cl) => cl.id.toLowerCase().includes(needle)) : claims;
        const ordered = p.workFirst ? [...matched.filter((cl) => cl.toWork > 0), ...matched.filter((cl) => cl.toWork === 0)] : matched;
        return { claims: ordered.slice(0, Math.max(0, p.limit)).map(toClaim), total: matched.length };
      }),
    );

    c.onRequest(LargePartRequest, (p, token) =>
      runSafe(
        c,
        LargePartRequest.method,
        token,
        { ok: false, message: 'the part could not be read; see the 835 language server output' },
        async () => {
          const uri = p.textDocument.uri;
          const key = partKeyOf(uri);
          const path = key && toPath(key.file);
          if (!key || !path) return { ok: false, message: `Not a part of a large remittance: ${uri}` };
          let got;
          try {
            got = indexOf(path);
          } catch (e) {
            return { ok: false, message: `${basename(path)}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
          }
          const index = await got.built.promise;
          const fd = openSync(path, 'r');
          try {
            const part = buildPart(index, fd, key);
            if ('problem' in part) return { ok: false, message: part.problem };
            parts.set(uri, { part, file: { uri: key.file, name: basename(path) }, kind: key.kind });
            return { ok: true, text: part.text };
          } finally {
            closeSync(fd);
          }
        },
      ),
    );

    c.onRequest(LargeOriginRequest, (p, token) =>
      runSafe(c, LargeOriginRequest.method, token, null, () => {
        const open = parts.get(p.textDocument.uri);
        const place = open && originOf(open.part, p.position);
        if (!open) return null;
        if (!place) return { line: 0, column: 0, file: open.file.uri, text: `added to close this part (not in ${open.file.name})` };
        return { ...place, file: open.file.uri, text: describePlace(place, open.file.name) };
      }),
    );

    ctx.adjustDiagnostics((uri, diagnostics) => {
      const open = parts.get(uri);
      return open ? diagnosticsInOriginal(open.part, diagnostics, open.file, open.kind) : diagnostics;
    });
    ctx.documents.onDidClose((e) => {
      parts.delete(e.document.uri);
    });
  },
};

/** The decoded query of a part URI (as VS Code writes it: the query percent-encoded) as a part key. */
function partKeyOf(uri: string) {
  if (!uri.startsWith(`${PART_SCHEME}:`)) return undefined;
  const q = uri.indexOf('?');
  if (q < 0) return undefined;
  const hash = uri.indexOf('#', q);
  try {
    return parsePartQuery(decodeURIComponent(uri.slice(q + 1, hash < 0 ? undefined : hash)));
  } catch {
    return undefined;
  }
}

function toPath(fileUri: string): string | undefined {
  if (typeof fileUri !== 'string' || !fileUri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(fileUri);
  } catch {
    return undefined;
  }
}

function claimsOf(index: RemittanceIndex, payment: number): readonly IndexedClaim[] {
  const t = index.transactions[payment];
  return t ? index.claims.slice(t.firstClaim, t.firstClaim + t.claimCount) : [];
}

const toPayment =
  (index: RemittanceIndex) =>
  (t: RemittanceIndex['transactions'][number]): LargePayment => ({
    n: t.n,
    payer: t.payer,
    payee: t.payee,
    trace: t.trace,
    paidCents: t.paidCents,
    claims: t.claimCount,
    toWork: t.toWork,
    errors: t.errors,
    warnings: t.warnings,
    line: t.span.line,
    column: t.span.column,
    openable: (partSize(index, { kind: 'payment', n: t.n }) ?? Infinity) <= MAX_PART_BYTES,
  });

const toClaim = (cl: IndexedClaim): LargeClaim => ({
  n: cl.n,
  payment: cl.transaction,
  id: cl.id,
  status: cl.status,
  chargedCents: cl.chargedCents,
  paidCents: cl.paidCents,
  toWork: cl.toWork,
  errors: cl.errors,
  warnings: cl.warnings,
  line: cl.span.line,
  column: cl.span.column,
});
