import { and, eq, or, sql } from 'drizzle-orm';
import type { WriteContext } from '../context';
import { hourAccounts, hourTransfers } from '../db/schema';
import { balanceOf, balances, ensureAccount, findAccount, lockAccounts } from './accounts';
import { unitChain } from '../organisations/unit-chain';

export type TransferKind = (typeof hourTransfers.$inferSelect)['kind'];

/** A transaction, its clock, and who moves the hours (null for the system, e.g. a deadline). */
export interface LedgerContext extends WriteContext {
  actorUserId: string | null;
}

export type LedgerResult = { ok: true } | { ok: false; error: 'hours.errors.insufficient'; availableHundredths: number };

interface Movement {
  year: number;
  kind: TransferKind;
  from: string;
  to: string;
  hundredths: number;
  reason?: string;
}

/** Appends one transfer. Callers lock `from` first and check its balance: nothing here overdraws. */
async function append(ctx: LedgerContext, movement: Movement): Promise<void> {
  if (movement.hundredths <= 0) return;
  await ctx.db.insert(hourTransfers).values({
    year: movement.year,
    kind: movement.kind,
    fromAccountId: movement.from,
    toAccountId: movement.to,
    hundredths: movement.hundredths,
    actorUserId: ctx.actorUserId,
    at: ctx.clock.now(),
    reason: movement.reason ?? '',
  });
}

/** Locks the source, and moves the hours only if it holds them all. */
async function withdraw(ctx: LedgerContext, movement: Movement): Promise<LedgerResult> {
  await lockAccounts(ctx.db, [movement.from]);
  const available = await balanceOf(ctx.db, movement.from);
  if (available < movement.hundredths) return { ok: false, error: 'hours.errors.insufficient', availableHundredths: Math.max(0, available) };
  await append(ctx, movement);
  return { ok: true };
}

const centre = (ctx: LedgerContext, year: number) => ensureAccount(ctx.db, { year, kind: 'centre' });
const pool = (ctx: LedgerContext, year: number, organisationId: string) => ensureAccount(ctx.db, { year, kind: 'pool', organisationId });

/** Hours moved into the account by `inKind`, less those moved out of it by `outKind`. */
async function netInflow(ctx: LedgerContext, accountId: string, inKind: TransferKind, outKind: TransferKind): Promise<number> {
  const t = hourTransfers;
  const [row] = await ctx.db
    .select({
      net: sql<string>`coalesce(sum(case when ${t.toAccountId} = ${accountId} and ${t.kind} = ${inKind} then ${t.hundredths}
                                       when ${t.fromAccountId} = ${accountId} and ${t.kind} = ${outKind} then -${t.hundredths} else 0 end), 0)`,
    })
    .from(t)
    .where(or(eq(t.toAccountId, accountId), eq(t.fromAccountId, accountId)));
  return Number(row?.net ?? 0);
}

/** Sets the centre's budget for the year: the difference comes from, or goes back to, the outside. */
export async function setCentreBudget(ctx: LedgerContext, year: number, totalHundredths: number, reason = ''): Promise<LedgerResult> {
  const [source, centreId] = [await ensureAccount(ctx.db, { year, kind: 'source' }), await centre(ctx, year)];
  await lockAccounts(ctx.db, [centreId]);
  const delta = totalHundredths - (await netInflow(ctx, centreId, 'budget', 'budgetReduction'));
  if (delta >= 0) {
    await append(ctx, { year, kind: 'budget', from: source, to: centreId, hundredths: delta, reason });
    return { ok: true };
  }
  return withdraw(ctx, { year, kind: 'budgetReduction', from: centreId, to: source, hundredths: -delta, reason });
}

/** A grant (or an additional grant) from the centre's budget to the organisation's pool. */
export async function grantHours(
  ctx: LedgerContext,
  input: { year: number; organisationId: string; hundredths: number; kind: 'grant' | 'additionalGrant'; reason?: string },
): Promise<LedgerResult> {
  return withdraw(ctx, { ...input, from: await centre(ctx, input.year), to: await pool(ctx, input.year, input.organisationId) });
}

/** Hours the organisation will not use, back from its unallocated pool to the centre. */
export async function returnHours(ctx: LedgerContext, input: { year: number; organisationId: string; hundredths: number; reason?: string }): Promise<LedgerResult> {
  return withdraw(ctx, { ...input, kind: 'return', from: await pool(ctx, input.year, input.organisationId), to: await centre(ctx, input.year) });
}

/** Sets the organisation's peer-group quota: more comes from the centre, less goes back (if unreserved). */
export async function setPeerQuota(ctx: LedgerContext, input: { year: number; organisationId: string; totalHundredths: number; reason?: string }): Promise<LedgerResult> {
  const { year, organisationId } = input;
  const quota = await ensureAccount(ctx.db, { year, kind: 'peerQuota', organisationId });
  const centreId = await centre(ctx, year);
  // Read the current quota only under the lock, so that two settings cannot both add the difference.
  await lockAccounts(ctx.db, [quota, centreId]);
  const delta = input.totalHundredths - (await netInflow(ctx, quota, 'quota', 'quotaReduction'));
  if (delta >= 0) return withdraw(ctx, { year, kind: 'quota', from: centreId, to: quota, hundredths: delta, reason: input.reason });
  return withdraw(ctx, { year, kind: 'quotaReduction', from: quota, to: centreId, hundredths: -delta, reason: input.reason });
}

export async function allocateToUnit(ctx: LedgerContext, input: { year: number; organisationId: string; unitId: string; hundredths: number; reason?: string }): Promise<LedgerResult> {
  const unit = await ensureAccount(ctx.db, { year: input.year, kind: 'unit', organisationId: input.organisationId, unitId: input.unitId });
  return withdraw(ctx, { ...input, kind: 'allocation', from: await pool(ctx, input.year, input.organisationId), to: unit });
}

/** Unused allocated hours back to the organisation's pool. */
export async function takeBackFromUnit(ctx: LedgerContext, input: { year: number; organisationId: string; unitId: string; hundredths: number; reason?: string }): Promise<LedgerResult> {
  const unit = await ensureAccount(ctx.db, { year: input.year, kind: 'unit', organisationId: input.organisationId, unitId: input.unitId });
  return withdraw(ctx, { ...input, kind: 'allocationBack', from: unit, to: await pool(ctx, input.year, input.organisationId) });
}

export interface TrainingHours {
  year: number;
  organisationId: string;
  /** The training's unit; null for a training of the organisation itself. */
  unitId: string | null;
  trainingId: string;
  /** Peer study groups reserve only from the organisation's peer-group quota. */
  peerGroup: boolean;
}

/** Where a training may draw from, in order: its unit, the nearest ancestor units, the pool. */
async function sourcesFor(ctx: LedgerContext, training: TrainingHours): Promise<string[]> {
  const { year, organisationId } = training;
  if (training.peerGroup) return [await ensureAccount(ctx.db, { year, kind: 'peerQuota', organisationId })];
  const sources: string[] = [];
  if (training.unitId) {
    for (const unitId of await unitChain(ctx.db, organisationId, training.unitId)) {
      const account = await findAccount(ctx.db, { year, kind: 'unit', unitId });
      if (account) sources.push(account);
    }
  }
  sources.push(await pool(ctx, year, organisationId));
  return sources;
}

/** One change to a training's hours at a time, even before it has any reserved account to lock. */
async function lockTraining(ctx: LedgerContext, trainingId: string) {
  await ctx.db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${trainingId}, 0))`);
}

/** The training's reserved hours per source account, in the order they were first drawn from. */
async function reservedBySource(ctx: LedgerContext, year: number, trainingId: string) {
  const firstDraw = sql<number>`(select min(${hourTransfers.id}) from ${hourTransfers} where ${hourTransfers.toAccountId} = ${hourAccounts.id})`;
  const accounts = await ctx.db
    .select({ id: hourAccounts.id, drawnFromId: hourAccounts.drawnFromId })
    .from(hourAccounts)
    .where(and(eq(hourAccounts.year, year), eq(hourAccounts.kind, 'reserved'), eq(hourAccounts.trainingId, trainingId)))
    .orderBy(firstDraw);
  await lockAccounts(
    ctx.db,
    accounts.map((a) => a.id),
  );
  const held = await balances(
    ctx.db,
    accounts.map((a) => a.id),
  );
  return accounts.map((a) => ({ id: a.id, source: a.drawnFromId!, hundredths: held.get(a.id) ?? 0 })).filter((a) => a.hundredths > 0);
}

/**
 * Reserves hours for a training from the first source that can cover all of them (unit, nearest
 * ancestor, pool; a peer group from its quota). The sources stay locked until the transaction ends,
 * so concurrent reservations cannot overdraw them.
 */
export async function reserveHours(ctx: LedgerContext, training: TrainingHours, hundredths: number): Promise<LedgerResult> {
  await lockTraining(ctx, training.trainingId);
  const sources = await sourcesFor(ctx, training);
  await lockAccounts(ctx.db, sources);
  const available = await balances(ctx.db, sources);
  const source = sources.find((id) => (available.get(id) ?? 0) >= hundredths);
  if (!source) return { ok: false, error: 'hours.errors.insufficient', availableHundredths: Math.max(0, ...available.values()) };
  const { year, organisationId, unitId, trainingId } = training;
  const reserved = await ensureAccount(ctx.db, { year, kind: 'reserved', organisationId, unitId, trainingId, drawnFromId: source });
  await append(ctx, { year, kind: 'reservation', from: source, to: reserved, hundredths });
  return { ok: true };
}

/** Gives reserved hours back to their sources, the most recently drawn-from last in the order first. */
async function releasePart(ctx: LedgerContext, year: number, held: Awaited<ReturnType<typeof reservedBySource>>, hundredths: number, reason: string) {
  let left = hundredths;
  for (const part of [...held].reverse()) {
    const amount = Math.min(left, part.hundredths);
    await append(ctx, { year, kind: 'release', from: part.id, to: part.source, hundredths: amount, reason });
    left -= amount;
  }
}

/** Changes a training's reservation to a new total: less goes back, more is reserved anew. */
export async function adjustReservation(ctx: LedgerContext, training: TrainingHours, totalHundredths: number): Promise<LedgerResult> {
  await lockTraining(ctx, training.trainingId);
  const held = await reservedBySource(ctx, training.year, training.trainingId);
  const current = held.reduce((sum, h) => sum + h.hundredths, 0);
  if (totalHundredths < current) {
    await releasePart(ctx, training.year, held, current - totalHundredths, 'adjusted');
    return { ok: true };
  }
  return totalHundredths > current ? reserveHours(ctx, training, totalHundredths - current) : { ok: true };
}

/** Gives all of a training's reserved hours back (a cancelled training, or a missed report deadline). */
export async function releaseReservation(ctx: LedgerContext, year: number, trainingId: string, reason = ''): Promise<void> {
  await lockTraining(ctx, trainingId);
  const held = await reservedBySource(ctx, year, trainingId);
  await releasePart(ctx, year, held, held.reduce((sum, h) => sum + h.hundredths, 0), reason);
}

/**
 * Turns a training's reservation into used hours: the hours used move to "used" per source and the
 * rest is released. Using more than reserved first reserves the difference (and fails if it cannot).
 */
export async function realiseReservation(ctx: LedgerContext, training: TrainingHours, usedHundredths: number): Promise<LedgerResult> {
  await lockTraining(ctx, training.trainingId);
  const before = await reservedBySource(ctx, training.year, training.trainingId);
  const current = before.reduce((sum, h) => sum + h.hundredths, 0);
  if (usedHundredths > current) {
    const more = await reserveHours(ctx, training, usedHundredths - current);
    if (!more.ok) return more;
  }
  const held = await reservedBySource(ctx, training.year, training.trainingId);
  let left = usedHundredths;
  for (const part of held) {
    const amount = Math.min(left, part.hundredths);
    if (amount > 0) {
      const { year, organisationId, unitId, trainingId } = training;
      const used = await ensureAccount(ctx.db, { year, kind: 'used', organisationId, unitId, trainingId, drawnFromId: part.source });
      await append(ctx, { year, kind: 'realisation', from: part.id, to: used, hundredths: amount });
      part.hundredths -= amount;
      left -= amount;
    }
  }
  await releasePart(ctx, training.year, held, held.reduce((sum, h) => sum + h.hundredths, 0), 'realised');
  return { ok: true };
}
