import * as vscode from 'vscode';
import { largePartUri, LargeClaimsRequest, type LargeClaim, type LargeIndexResult } from '../../../server/src/lsp/protocol';
import type { Session } from '../session';

type Index = Extract<LargeIndexResult, { ok: true }>;

/** A part named without asking: a claim by CLP01 (the first match), or a payment by its position. */
export type PartChoice = { readonly claim: string } | { readonly payment: number };

/** Claims listed at once; typing filters on the server (a large file has hundreds of thousands). */
const LIST_LIMIT = 500;

const money = (cents: number | null) =>
  cents === null ? '?' : (cents / 100).toLocaleString('en-US', { style: 'currency', currency: 'USD' });
const counts = (x: { toWork: number; errors: number; warnings: number }) =>
  [x.toWork && `${x.toWork} to work`, x.errors && `${x.errors} error(s)`, x.warnings && `${x.warnings} warning(s)`]
    .filter(Boolean)
    .join(' · ');

interface Item extends vscode.QuickPickItem {
  readonly open?: { kind: 'claim' | 'payment'; n: number; label: string };
  readonly payment?: number | 'all';
}

/** Asks which payment, then which claim (or the whole payment); returns the part's URI. */
export async function pickPart(s: Session, index: Index, name: string, choice?: PartChoice): Promise<vscode.Uri | undefined> {
  const uriOf = (o: NonNullable<Item['open']>) => vscode.Uri.from(largePartUri(index.file, name, o.kind, o.n, o.label));
  if (choice) {
    if ('payment' in choice) return uriOf({ kind: 'payment', n: choice.payment, label: String(choice.payment + 1) });
    const r = await s.client().sendRequest(LargeClaimsRequest, { file: index.file, filter: choice.claim, limit: 50 });
    const claim = r?.claims.find((c) => c.id === choice.claim) ?? r?.claims[0];
    return claim && uriOf({ kind: 'claim', n: claim.n, label: claim.id });
  }
  const payments: Item[] = [
    {
      label: `$(list-flat) All claims`,
      description: `${index.claims.toLocaleString('en-US')} claims${index.toWork ? ` · ${index.toWork} to work` : ''}`,
      payment: 'all',
    },
    ...index.payments.map((p): Item => ({
      label: `$(credit-card) ${p.payer || 'payment'} · ${money(p.paidCents)}`,
      description: [p.trace && `trace ${p.trace}`, `${p.claims} claim(s)`, counts(p)].filter(Boolean).join(' · '),
      detail: `line ${p.line.toLocaleString('en-US')} · to ${p.payee || '?'}${p.openable ? '' : ' · too large to open whole: pick a claim'}`,
      payment: p.n,
    })),
  ];
  const picked = await vscode.window.showQuickPick(payments, {
    title: `${name}: ${(index.bytes / 1e6).toFixed(0)} MB, ${index.payments.length} payment(s), ${index.claims.toLocaleString('en-US')} claims`,
    placeHolder: 'Pick a payment (or all claims), then a claim',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (picked?.payment === undefined) return undefined;
  const payment = picked.payment === 'all' ? undefined : index.payments[picked.payment];
  const claim = await pickClaim(s, index, payment);
  return claim && uriOf(claim);
}

/** The claim list of one payment (or all), filtered by the server as the user types. */
function pickClaim(s: Session, index: Index, payment: Index['payments'][number] | undefined): Promise<Item['open'] | undefined> {
  const qp = vscode.window.createQuickPick<Item>();
  qp.title = payment ? `Claims of ${payment.payer || 'the payment'} (${money(payment.paidCents)})` : 'All claims';
  qp.placeholder = 'Type part of a claim number (CLP01); claims that need work come first';
  qp.matchOnDescription = true;
  const whole: Item[] = payment?.openable
    ? [
        {
          label: '$(file) The whole payment',
          description: `${payment.claims} claim(s)`,
          open: { kind: 'payment', n: payment.n, label: payment.trace || String(payment.n + 1) },
        },
      ]
    : [];
  let seq = 0;
  const load = async (filter: string) => {
    const mine = ++seq;
    qp.busy = true;
    const r = await s
      .client()
      .sendRequest(LargeClaimsRequest, { file: index.file, payment: payment?.n, filter, workFirst: true, limit: LIST_LIMIT });
    if (mine !== seq) return;
    qp.busy = false;
    const claims = (r?.claims ?? []).map(toItem);
    const more =
      r && r.total > claims.length
        ? [{ label: `$(info) ${(r.total - claims.length).toLocaleString('en-US')} more: type to narrow`, alwaysShow: true } as Item]
        : [];
    qp.items = [...(filter ? [] : whole), ...claims, ...more];
  };
  let timer: NodeJS.Timeout | undefined;
  return new Promise((resolve) => {
    qp.onDidChangeValue((v) => {
      clearTimeout(timer);
      timer = setTimeout(() => void load(v), 150);
    });
    qp.onDidAccept(() => {
      const open = qp.selectedItems[0]?.open;
      if (open) {
        resolve(open);
        qp.hide();
      }
    });
    qp.onDidHide(() => {
      resolve(undefined);
      qp.dispose();
    });
    qp.show();
    void load('');
  });
}

const toItem = (c: LargeClaim): Item => ({
  label: c.id || '(no CLP01)',
  description: [`status ${c.status}`, `charged ${money(c.chargedCents)}`, `paid ${money(c.paidCents)}`, counts(c)]
    .filter(Boolean)
    .join(' · '),
  detail: `line ${c.line.toLocaleString('en-US')}, column ${c.column.toLocaleString('en-US')}`,
  open: { kind: 'claim', n: c.n, label: c.id },
});
