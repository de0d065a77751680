import type { Settings } from '../../settings';
import type { Finding } from '../../x12/finding';
import { codeClass } from '../../x835/classify';
import type { Model } from '../../x835/types';
import { Cls, VerdictFlag, Verdicts, Why, type VerdictClass } from '../../x835/verdicts';
import { actionableFindingAt } from './actionableFinding';
import { blank } from './balanceSupport';
import { codeFlags, CodeFlag } from './casRows';
import { BalanceChecks, type ClaimBalanceFindings } from './claimWalk';
import { SequestrationPass, type ClaimState, type SequestrationFacts } from '../co253/co253Facts';
import { reversalPairs, type ReversalPairs } from './reversalPairs';
import { CLAIMS_PER_STEP, inSteps, shared, type Fact, type Steps } from './shared';
import type { RuleContext } from './types';

/**
 * One walk per run over every claim, its lines and their CAS triplets, in document order, for the
 * rules that read them all: the balancing rules (claimWalk.ts), transaction-balance's claim totals, the
 * co253-* rules (co253Facts.ts) and the worklist (adjustment-actionable). The same walk gives every CAS
 * triplet its verdict (x835/verdicts.ts), which every view reads. A 50 MB remittance has 140,000
 * claims, 250,000 lines and 740,000 triplets: the walk reads the model's columns (x835/records.ts), each
 * row once, and makes objects only for what a rule reports.
 *
 * The rules stay independent as before: when one part fails on some input (it throws), that part stops
 * and its rules fail with the error (`runRules` reports it), while the walk goes on for the others.
 */
export interface ClaimPassFacts {
  readonly balance: ClaimBalanceFindings;
  /** CLP04 added up per transaction (index in `Model.transactions`); NaN when one is unreadable or empty. */
  readonly transactionPaid: Float64Array;
  readonly sequestration: SequestrationFacts;
  /** adjustment-actionable's findings. */
  readonly actionable: readonly Finding[];
  /** Every triplet's verdict. */
  readonly verdicts: Verdicts;
  /** Reversals and the originals they undo in this file. */
  readonly reversals: ReversalPairs;
  /** Why a part stopped, if one did. */
  readonly failures: Failures;
}

interface Failures {
  balance?: unknown;
  sequestration?: unknown;
  actionable?: unknown;
}

/** `Cls` of each `codeClass` answer. */
const CLASS_OF: Readonly<Record<string, number>> = {
  contractual: Cls.Contractual,
  sequestration: Cls.Sequestration,
  patientResponsibility: Cls.PatientResponsibility,
  actionable: Cls.NeedsWork,
  other: Cls.Other,
} satisfies Record<string, number> & Partial<Record<VerdictClass, number>>;

/** Which balancing check a sum that does not match goes to. */
const enum Part {
  ServiceLine,
  Claim,
  Patient,
}

/** The walk, one chunk of claims at a time, with what each part has gathered so far. */
export class ClaimPass implements ClaimPassFacts {
  readonly balance: BalanceChecks;
  readonly transactionPaid: Float64Array;
  readonly sequestration: SequestrationPass;
  readonly actionable: Finding[] = [];
  readonly failures: Failures = {};
  readonly verdicts: Verdicts;
  readonly reversals: ReversalPairs;
  private readonly flags: Uint8Array;
  /** The class a triplet starts with, per reason code id, under CO, PR and any other group (`codeClass`). */
  private readonly classUnderCo: Uint8Array;
  private readonly classUnderPr: Uint8Array;
  private readonly classUnderOther: Uint8Array;
  /** What the walk knows of the current claim. */
  private readonly state = { reversal: false, reversedInFile: false };

  /**
   * A pass over every claim (`part` undefined): it keeps per-claim counts an edit's re-analysis splices.
   * A pass over a few claims (`part`): it writes their verdicts into the kept columns and judges
   * reversals by the file's pairs (claimPassSplice.ts).
   */
  constructor(
    private readonly model: Model,
    settings: Settings,
    part?: PartOf,
  ) {
    const store = model.store;
    this.flags = codeFlags(store);
    this.balance = new BalanceChecks(model.tokens, store);
    this.transactionPaid = new Float64Array(model.transactions.length);
    this.verdicts = part?.verdicts ?? new Verdicts(store);
    this.reversals = part?.reversals ?? reversalPairs(model.tokens, store, this.flags);
    this.sequestration = new SequestrationPass(model, settings, this.flags, this.verdicts, part ? 0 : undefined);
    const n = store.claims.length;
    this.sequestration.perClaim = part ? part.perClaim : { inForce: new Int32Array(n), within: new Int32Array(n) };
    const codes = store.codes.list;
    this.classUnderCo = new Uint8Array(codes.length);
    this.classUnderPr = new Uint8Array(codes.length);
    this.classUnderOther = new Uint8Array(codes.length);
    for (let id = 0; id < codes.length; id++) {
      this.classUnderCo[id] = CLASS_OF[codeClass('CO', codes[id])];
      this.classUnderPr[id] = CLASS_OF[codeClass('PR', codes[id])];
      this.classUnderOther[id] = CLASS_OF[codeClass('', codes[id])];
    }
  }

  /** The starting class of CAS row r, from its group and reason. */
  private startClass(r: number): number {
    const cas = this.model.store.cas;
    const g = this.flags[cas.group[r]];
    return (g & CodeFlag.GroupPr ? this.classUnderPr : g & CodeFlag.GroupCo ? this.classUnderCo : this.classUnderOther)[cas.reason[r]];
  }

  /** Claims (rows) from..to-1. */
  walk(from: number, to: number): void {
    for (let claim = from; claim < to; claim++) this.claim(claim);
  }

  private claim(claim: number): void {
    const { claims, lines, cas } = this.model.store;
    const flags = this.flags;
    const amount = cas.amount;
    const group = cas.group;
    this.addPaid(claim);
    const state = this.state;
    state.reversal = (flags[claims.status[claim]] & CodeFlag.Status22) !== 0;
    state.reversedInFile = this.reversals.reversedBy.has(claim);
    const vcls = this.verdicts.cls;
    const vflags = this.verdicts.flags;
    const claimFlags = state.reversal ? VerdictFlag.Reversal : state.reversedInFile ? VerdictFlag.ReversedInFile : 0;
    // The claim's own triplets, then each line's (document order); sums in the order the rules always used.
    let adjusted = 0;
    let patient = 0;
    const from = claims.casFrom[claim];
    const to = claims.casTo[claim];
    for (let r = from; r < to; r++) {
      vcls[r] = this.startClass(r);
      vflags[r] = claimFlags;
      adjusted += amount[r];
      if (flags[group[r]] & CodeFlag.GroupPr) patient += amount[r];
    }
    if (from < to) this.special(claim, -1, from, to);
    const firstLine = claims.lineFrom[claim];
    for (let line = firstLine; line < claims.lineTo[claim]; line++) {
      const lineFrom = lines.casFrom[line];
      const lineTo = lines.casTo[line];
      let own = 0;
      let ownPatient = 0;
      for (let r = lineFrom; r < lineTo; r++) {
        vcls[r] = this.startClass(r);
        vflags[r] = claimFlags;
        own += amount[r];
        if (flags[group[r]] & CodeFlag.GroupPr) ownPatient += amount[r];
      }
      if (lineFrom < lineTo) this.special(claim, line, lineFrom, lineTo);
      // Most lines balance: a line that may not is checked fully (blank or unreadable amounts...) as objects.
      if (lines.charge[line] - own !== lines.paid[line]) this.check(Part.ServiceLine, claim, line - firstLine, own);
      adjusted += own;
      patient += ownPatient;
    }
    if (claims.charge[claim] - adjusted !== claims.paid[claim]) this.check(Part.Claim, claim, 0, adjusted);
    if (patient !== claims.patientResponsibility[claim]) this.check(Part.Patient, claim, 0, patient);
  }

  private addPaid(claim: number): void {
    addPaid(this.model, claim, this.transactionPaid);
  }

  /**
   * The triplets a co253 or worklist rule looks at, among one level's: CAS rows from..to-1 of claim row
   * `claim`, on line row `line` (-1 at claim level).
   */
  private special(claim: number, line: number, from: number, to: number): void {
    const cas = this.model.store.cas;
    const flags = this.flags;
    const state: ClaimState = this.state;
    const v = this.verdicts;
    for (let r = from; r < to; r++) {
      const reason = flags[cas.reason[r]];
      if ((reason & (CodeFlag.Reason253 | CodeFlag.Reason223 | CodeFlag.MaybeActionable)) === 0) continue;
      if (reason & (CodeFlag.Reason253 | CodeFlag.Reason223) && cas.amount[r] !== 0 && this.failures.sequestration === undefined) {
        try {
          this.sequestration.consider(claim, line, r, from, to, state);
        } catch (e) {
          this.failures.sequestration = e;
        }
      }
      // A denial (needs work) is work unless a reversal undoes it (CLP02 22, or the original of one).
      if (reason & CodeFlag.MaybeActionable && v.cls[r] === Cls.NeedsWork && this.failures.actionable === undefined) {
        if (state.reversal || state.reversedInFile) continue;
        try {
          const found = actionableFindingAt(this.model.tokens, cas, r);
          if (found) {
            this.actionable.push(found);
            v.flags[r] |= VerdictFlag.Actionable;
            v.why[r] = Why.Actionable;
          }
        } catch (e) {
          this.failures.actionable = e;
        }
      }
    }
  }

  /** A balancing check on the objects, for a sum that does not match. */
  private check(part: Part, claim: number, n: number, sum: number): void {
    if (this.failures.balance !== undefined) return;
    try {
      if (part === Part.ServiceLine) this.balance.serviceLine(claim, n, sum);
      else if (part === Part.Claim) this.balance.claim(claim, sum);
      else this.balance.patient(claim, sum);
    } catch (e) {
      this.failures.balance = e;
    }
  }
}

/** transaction-balance: CLP04 of claim row `claim` into its transaction's total; an empty CLP04 reads 0, so only a 0 may be blank. */
export function addPaid(model: Model, claim: number, totals: Float64Array): void {
  const claims = model.store.claims;
  const paid = claims.paid[claim];
  const tx = claims.tx[claim];
  if (Number.isNaN(paid) || (paid === 0 && blank(model.tokens, claims.seg[claim], 4))) totals[tx] = NaN;
  else totals[tx] += paid;
}

/** What a pass over a few claims shares with the kept pass of the whole file. */
export interface PartOf {
  /** The kept verdict columns: the walk writes the verdicts of its claims' triplets there. */
  readonly verdicts: Verdicts;
  /** The reversal pairs of the whole (edited) file. */
  readonly reversals: ReversalPairs;
  /** The kept per-claim counts of CO-253s under a rate in force (SequestrationPass): the walk adds its claims' to them. */
  readonly perClaim: { readonly inForce: Int32Array; readonly within: Int32Array };
}

/**
 * The walk over claim rows from..to-1 alone: their share of every list and count, their verdicts written
 * into `part.verdicts` (an edit's re-analysis walks again only the claims it touched and splices their
 * share in, claimPassSplice.ts). The file-wide unknown rate is left undecided (`finish` is not called):
 * `expected` holds exactly the findings made, and the counts are those of these claims.
 */
export function claimPassOver(model: Model, settings: Settings, from: number, to: number, part: PartOf): ClaimPass {
  const pass = new ClaimPass(model, settings, part);
  pass.walk(from, to);
  return pass;
}

/** The walk over every claim, outside a rule run (an edit's re-analysis, incremental/reanalyse.ts). */
export function fullClaimPass(model: Model, settings: Settings): ClaimPassFacts {
  const pass = new ClaimPass(model, settings);
  pass.walk(0, model.store.claims.length);
  pass.sequestration.finish();
  return pass;
}

/** The claim pass of a finished run, if its rules asked for it. */
export function keptClaimPass(ctx: RuleContext): ClaimPassFacts | undefined {
  return ctx.shared?.peek(CLAIM_PASS);
}

/** Gives a new run the claim pass an edit's re-analysis spliced together, so its rules do not walk every claim again. */
export function putClaimPass(ctx: RuleContext, facts: ClaimPassFacts): void {
  ctx.shared?.put(CLAIM_PASS, facts);
}

const CLAIM_PASS: Fact<ClaimPassFacts> = {
  name: 'claim-pass',
  *compute({ model, settings }) {
    const pass = new ClaimPass(model, settings);
    yield* inSteps(model.store.claims.length, CLAIMS_PER_STEP, (from, to) => pass.walk(from, to));
    pass.sequestration.finish();
    return pass;
  },
};

function claimPass(ctx: RuleContext): Steps<ClaimPassFacts> {
  return shared(ctx, CLAIM_PASS);
}

/** The findings of the three claim balancing rules for this run. */
export function* claimBalancing(ctx: RuleContext): Steps<ClaimBalanceFindings> {
  const pass = yield* claimPass(ctx);
  if (pass.failures.balance !== undefined) throw pass.failures.balance;
  return pass.balance;
}

/** CLP04 added up per transaction (index in `Model.transactions`); NaN when one is unreadable or empty. */
export function* transactionPaid(ctx: RuleContext): Steps<Float64Array> {
  return (yield* claimPass(ctx)).transactionPaid;
}

/** The reason-253 triplets, sorted and judged, for this run. */
export function* sequestrationFacts(ctx: RuleContext): Steps<SequestrationFacts> {
  const pass = yield* claimPass(ctx);
  if (pass.failures.sequestration !== undefined) throw pass.failures.sequestration;
  return pass.sequestration;
}

/** Every triplet's verdict for this run (x835/verdicts.ts): what every view reads. */
export function* verdictsOf(ctx: RuleContext): Steps<Verdicts> {
  return (yield* claimPass(ctx)).verdicts;
}

/** adjustment-actionable's findings for this run. */
export function* actionableFindings(ctx: RuleContext): Steps<readonly Finding[]> {
  const pass = yield* claimPass(ctx);
  if (pass.failures.actionable !== undefined) throw pass.failures.actionable;
  return pass.actionable;
}
