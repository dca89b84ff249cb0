import { and, eq, inArray, or } from 'drizzle-orm';
import { helsinkiDate } from '../calendar/dates';
import type { ActorContext } from '../context';
import { hourAccounts, hourTransfers } from '../db/schema';
import { flattenUnits } from '../organisations/flatten-units';
import { type UnitNode, getUnitTree } from '../organisations/unit-tree';

export type HoursWarning = 'lowFree' | 'projectedUnused';

export interface HourFigures {
  /** Granted to the organisation (its own share for a unit: allocated). */
  base: number;
  reserved: number;
  used: number;
  /** What is left to reserve: the base less reserved and used. */
  free: number;
  warnings: HoursWarning[];
}

export interface MonthPoint {
  month: number;
  /** Cumulative at the month's end; null for months still to come. */
  base: number | null;
  reserved: number | null;
  used: number | null;
}

/**
 * The spec's two warnings: free hours under 10 % of the base, and from 1 August projected use
 * (used + reserved) leaving more than 15 % unused, so that hours can be returned in August.
 */
export function hourWarnings(figures: Omit<HourFigures, 'warnings'>, year: number, today: string): HoursWarning[] {
  if (figures.base <= 0) return [];
  const warnings: HoursWarning[] = [];
  if (figures.free < figures.base * 0.1) warnings.push('lowFree');
  if (today >= `${year}-08-01` && today <= `${year}-12-31` && figures.free > figures.base * 0.15) warnings.push('projectedUnused');
  return warnings;
}

type Transfer = { kind: string; hundredths: number; at: Date; fromAccountId: string; toAccountId: string };
type Account = typeof hourAccounts.$inferSelect;

function signed(transfer: Transfer, accountId: string): number {
  return transfer.toAccountId === accountId ? transfer.hundredths : transfer.fromAccountId === accountId ? -transfer.hundredths : 0;
}

/** Figures and a month-by-month series for the hours drawn through some source accounts. */
function figuresFor(sources: Set<string>, accounts: Account[], transfers: Transfer[], baseKinds: { in: string[]; out: string[] }, year: number, today: string) {
  const reservedIds = new Set(accounts.filter((a) => a.kind === 'reserved' && sources.has(a.drawnFromId ?? '')).map((a) => a.id));
  const usedIds = new Set(accounts.filter((a) => a.kind === 'used' && sources.has(a.drawnFromId ?? '')).map((a) => a.id));
  const months = Array.from({ length: 12 }, () => ({ base: 0, reserved: 0, used: 0 }));
  for (const t of transfers) {
    // Grants are published the year before: what came earlier counts from January, what came later in December.
    const date = helsinkiDate(t.at);
    const month = date < `${year}` ? 0 : date > `${year}-12-31` ? 11 : Number(date.slice(5, 7)) - 1;
    const bucket = months[month]!;
    if (sources.has(t.toAccountId) && baseKinds.in.includes(t.kind)) bucket.base += t.hundredths;
    if (sources.has(t.fromAccountId) && baseKinds.out.includes(t.kind)) bucket.base -= t.hundredths;
    for (const id of [t.fromAccountId, t.toAccountId]) {
      if (reservedIds.has(id)) bucket.reserved += signed(t, id);
      if (usedIds.has(id)) bucket.used += signed(t, id);
    }
  }
  const lastMonth = today.slice(0, 4) === String(year) ? Number(today.slice(5, 7)) : today > `${year}` ? 12 : 0;
  const totals = { base: 0, reserved: 0, used: 0 };
  const series: MonthPoint[] = months.map((m, i) => {
    totals.base += m.base;
    totals.reserved += m.reserved;
    totals.used += m.used;
    return i < lastMonth ? { month: i + 1, ...totals } : { month: i + 1, base: null, reserved: null, used: null };
  });
  const all = months.reduce((s, m) => ({ base: s.base + m.base, reserved: s.reserved + m.reserved, used: s.used + m.used }), { base: 0, reserved: 0, used: 0 });
  const figures = { ...all, free: all.base - all.reserved - all.used };
  return { figures: { ...figures, warnings: hourWarnings(figures, year, today) }, series };
}

export interface UnitHours {
  unit: { id: string; name: string; kind: UnitNode['kind']; active: boolean; depth: number };
  allocated: number;
  reserved: number;
  used: number;
  remaining: number;
  warnings: HoursWarning[];
}

/** The organisation's hour accounts in the year and every transfer touching them. */
async function loadLedger(ctx: ActorContext, organisationId: string, year: number) {
  const accounts = await ctx.db.select().from(hourAccounts).where(and(eq(hourAccounts.organisationId, organisationId), eq(hourAccounts.year, year)));
  const ids = accounts.map((a) => a.id);
  const transfers: Transfer[] = ids.length
    ? await ctx.db
        .select({ kind: hourTransfers.kind, hundredths: hourTransfers.hundredths, at: hourTransfers.at, fromAccountId: hourTransfers.fromAccountId, toAccountId: hourTransfers.toAccountId })
        .from(hourTransfers)
        .where(or(inArray(hourTransfers.toAccountId, ids), inArray(hourTransfers.fromAccountId, ids)))
    : [];
  return { accounts, transfers, today: helsinkiDate(ctx.clock.now()) };
}

const allocationKinds = { in: ['allocation'], out: ['allocationBack'] };

/**
 * The organisation's hours in a year, from the ledger: granted, reserved, used and free with the
 * warnings and a series over the year; per unit (those the actor may see) what was allocated to it
 * and reserved, used and remaining of that allocation; and the peer-group quota apart.
 */
export async function organisationHours(ctx: ActorContext, organisationId: string, year: number) {
  const [{ accounts, transfers, today }, tree] = await Promise.all([loadLedger(ctx, organisationId, year), getUnitTree(ctx, organisationId)]);
  const pool = accounts.find((a) => a.kind === 'pool');
  const quota = accounts.find((a) => a.kind === 'peerQuota');
  const unitAccounts = accounts.filter((a) => a.kind === 'unit');
  // The organisation's own hours flow through its pool and every unit allocation.
  const organisation = figuresFor(new Set([pool?.id ?? '', ...unitAccounts.map((a) => a.id)]), accounts, transfers, { in: ['grant', 'additionalGrant'], out: ['return'] }, year, today);
  const peer = quota ? figuresFor(new Set([quota.id]), accounts, transfers, { in: ['quota'], out: ['quotaReduction'] }, year, today).figures : null;
  const units: UnitHours[] = flattenUnits(tree).map(({ node, depth }) => {
    const account = unitAccounts.find((a) => a.unitId === node.id);
    const { figures } = account
      ? figuresFor(new Set([account.id]), accounts, transfers, allocationKinds, year, today)
      : { figures: { base: 0, reserved: 0, used: 0, free: 0, warnings: [] as HoursWarning[] } };
    return {
      unit: { id: node.id, name: node.name, kind: node.kind, active: node.active, depth },
      allocated: figures.base,
      reserved: figures.reserved,
      used: figures.used,
      remaining: figures.free,
      warnings: figures.warnings,
    };
  });
  // What no unit has been given: the pool's own balance.
  const unallocated = pool ? transfers.reduce((sum, t) => sum + signed(t, pool.id), 0) : 0;
  return { year, today, organisation: organisation.figures, series: organisation.series, unallocated, units, peer };
}

/** Just the organisation's own figures and warnings (for its admins' front page). */
export async function organisationHourFigures(ctx: ActorContext, organisationId: string, year: number): Promise<HourFigures> {
  const { accounts, transfers, today } = await loadLedger(ctx, organisationId, year);
  const sources = new Set(accounts.filter((a) => a.kind === 'pool' || a.kind === 'unit').map((a) => a.id));
  return figuresFor(sources, accounts, transfers, { in: ['grant', 'additionalGrant'], out: ['return'] }, year, today).figures;
}

/** One unit's allocation in the year: allocated, reserved, used, remaining, warnings and series. */
export async function unitHours(ctx: ActorContext, organisationId: string, unitId: string, year: number) {
  const { accounts, transfers, today } = await loadLedger(ctx, organisationId, year);
  const account = accounts.find((a) => a.kind === 'unit' && a.unitId === unitId);
  return { year, today, ...figuresFor(new Set(account ? [account.id] : []), accounts, transfers, allocationKinds, year, today) };
}
