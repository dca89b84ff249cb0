import { and, asc, eq, inArray } from 'drizzle-orm';
import { roleHolders } from '../access/approvers';
import { writeAudit } from '../access/audit';
import { can, scopeCondition } from '../access/permissions';
import { windowStatus } from '../calendar/windows';
import type { ActorContext } from '../context';
import { hourProposalLines, hourProposals, organisations, units } from '../db/schema';
import type { Queryable } from '../db/types';
import { enqueueEmails } from '../notifications/outbox';
import { templatedEmail } from '../notifications/templated-email';

export type Proposal = typeof hourProposals.$inferSelect;
export type ProposalError =
  | 'notFound'
  | 'proposals.errors.windowClosed'
  | 'proposals.errors.exists'
  | 'proposals.errors.locked'
  | 'proposals.errors.notYourLine'
  | 'proposals.errors.unknownUnit'
  | 'proposals.errors.empty'
  | 'proposals.errors.notReady'
  | 'proposals.errors.notSubmitted';
export type ProposalResult = { ok: true; id: string } | { ok: false; error: ProposalError };

/** Whether proposals for `year` are open now: the proposal window of the year before. */
export async function proposalWindowOpen(ctx: ActorContext, year: number): Promise<boolean> {
  const window = await windowStatus(ctx, 'hourProposals');
  return window.open && window.year + 1 === year;
}

/** A draft is edited in the window; a proposal returned for changes also after it. Submitted ones are locked. */
export const isEditable = (proposal: Pick<Proposal, 'status'>, windowOpen: boolean) =>
  proposal.status === 'returned' || (proposal.status === 'draft' && windowOpen);

export async function findProposal(db: Queryable, organisationId: string, year: number): Promise<Proposal | null> {
  const [row] = await db.select().from(hourProposals).where(and(eq(hourProposals.organisationId, organisationId), eq(hourProposals.year, year)));
  return row ?? null;
}

export interface ProposalLine {
  id: string;
  unitId: string | null;
  unitName: string | null;
  unitPath: string | null;
  theme: string;
  hundredths: number;
  justification: string;
  delegated: boolean;
  ready: boolean;
}

/** The proposal's lines the actor may see: all for staff and admins, a coordinator's delegated ones in their subtree. */
export async function proposalLines(ctx: ActorContext, proposal: Proposal): Promise<ProposalLine[]> {
  const wholeProposal = can(ctx.actor, 'proposal.edit', { organisationId: proposal.organisationId }) || can(ctx.actor, 'proposal.return');
  return ctx.db
    .select({
      id: hourProposalLines.id,
      unitId: hourProposalLines.unitId,
      unitName: units.name,
      unitPath: units.path,
      theme: hourProposalLines.theme,
      hundredths: hourProposalLines.hundredths,
      justification: hourProposalLines.justification,
      delegated: hourProposalLines.delegated,
      ready: hourProposalLines.ready,
    })
    .from(hourProposalLines)
    .leftJoin(units, eq(units.id, hourProposalLines.unitId))
    .where(
      and(
        eq(hourProposalLines.proposalId, proposal.id),
        wholeProposal
          ? undefined
          : and(eq(hourProposalLines.delegated, true), scopeCondition(ctx.actor, 'proposal.fillDelegated', { organisationId: units.organisationId, unitPath: units.path })),
      ),
    )
    .orderBy(asc(units.path), asc(hourProposalLines.updatedAt));
}

/** The admin starts next year's proposal in the proposal window. */
export async function createProposal(ctx: ActorContext, organisationId: string, year: number): Promise<ProposalResult> {
  if (!(await proposalWindowOpen(ctx, year))) return { ok: false, error: 'proposals.errors.windowClosed' };
  return ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(hourProposals)
      .values({ year, organisationId, createdAt: ctx.clock.now(), createdBy: ctx.actor.userId })
      .onConflictDoNothing()
      .returning({ id: hourProposals.id });
    if (!created) return { ok: false, error: 'proposals.errors.exists' };
    await writeAudit(tx, ctx.clock, { action: 'proposal.created', actorUserId: ctx.actor.userId, targetType: 'proposal', targetId: created.id, organisationId, details: { year } });
    return { ok: true, id: created.id };
  });
}

export interface LineInput {
  unitId: string | null;
  theme: string;
  hundredths: number;
  justification: string;
  delegated: boolean;
}

/** Locks the proposal for a change; `windowOpen` is asked before the transaction (the embedded database has one connection). */
async function lockEditable(
  tx: Queryable,
  organisationId: string,
  year: number,
  windowOpen: boolean,
): Promise<{ ok: false; error: ProposalError } | { ok: true; proposal: Proposal }> {
  const [proposal] = await tx
    .select()
    .from(hourProposals)
    .where(and(eq(hourProposals.organisationId, organisationId), eq(hourProposals.year, year)))
    .for('update');
  if (!proposal) return { ok: false, error: 'notFound' };
  if (!isEditable(proposal, windowOpen)) return { ok: false, error: 'proposals.errors.locked' };
  return { ok: true, proposal };
}

/** The admin adds or changes a line; a line given to a unit waits for its coordinators (not ready). */
export async function saveLineAsAdmin(ctx: ActorContext, organisationId: string, year: number, lineId: string | null, input: LineInput): Promise<ProposalResult> {
  const windowOpen = await proposalWindowOpen(ctx, year);
  return ctx.db.transaction(async (tx) => {
    const locked = await lockEditable(tx, organisationId, year, windowOpen);
    if (!locked.ok) return locked;
    if (input.unitId) {
      const [unit] = await tx.select({ id: units.id }).from(units).where(and(eq(units.id, input.unitId), eq(units.organisationId, organisationId)));
      if (!unit) return { ok: false, error: 'proposals.errors.unknownUnit' };
    }
    if (input.delegated && !input.unitId) return { ok: false, error: 'proposals.errors.unknownUnit' };
    const values = { ...input, updatedAt: ctx.clock.now(), updatedBy: ctx.actor.userId };
    let id = lineId;
    if (lineId) {
      const [before] = await tx.select().from(hourProposalLines).where(and(eq(hourProposalLines.id, lineId), eq(hourProposalLines.proposalId, locked.proposal.id)));
      if (!before) return { ok: false, error: 'notFound' };
      // Giving a line to a unit anew asks its coordinators again.
      const ready = input.delegated && before.delegated ? before.ready : false;
      await tx.update(hourProposalLines).set({ ...values, ready }).where(eq(hourProposalLines.id, lineId));
    } else {
      const [created] = await tx.insert(hourProposalLines).values({ ...values, proposalId: locked.proposal.id }).returning({ id: hourProposalLines.id });
      id = created!.id;
    }
    await writeAudit(tx, ctx.clock, {
      action: 'proposal.lineSaved',
      actorUserId: ctx.actor.userId,
      targetType: 'proposal',
      targetId: locked.proposal.id,
      organisationId,
      details: { lineId: id, ...input },
    });
    return { ok: true, id: id! };
  });
}

export async function deleteLine(ctx: ActorContext, organisationId: string, year: number, lineId: string): Promise<ProposalResult> {
  const windowOpen = await proposalWindowOpen(ctx, year);
  return ctx.db.transaction(async (tx) => {
    const locked = await lockEditable(tx, organisationId, year, windowOpen);
    if (!locked.ok) return locked;
    const [deleted] = await tx
      .delete(hourProposalLines)
      .where(and(eq(hourProposalLines.id, lineId), eq(hourProposalLines.proposalId, locked.proposal.id)))
      .returning();
    if (!deleted) return { ok: false, error: 'notFound' };
    await writeAudit(tx, ctx.clock, { action: 'proposal.lineDeleted', actorUserId: ctx.actor.userId, targetType: 'proposal', targetId: locked.proposal.id, organisationId, details: { lineId, hundredths: deleted.hundredths } });
    return { ok: true, id: lineId };
  });
}

/** A coordinator fills in a line delegated to a unit of their subtree and says whether it is ready. */
export async function fillDelegatedLine(
  ctx: ActorContext,
  organisationId: string,
  year: number,
  lineId: string,
  input: { theme: string; hundredths: number; justification: string; ready: boolean },
): Promise<ProposalResult> {
  const windowOpen = await proposalWindowOpen(ctx, year);
  return ctx.db.transaction(async (tx) => {
    const locked = await lockEditable(tx, organisationId, year, windowOpen);
    if (!locked.ok) return locked;
    const [line] = await tx
      .select({ id: hourProposalLines.id, delegated: hourProposalLines.delegated, path: units.path })
      .from(hourProposalLines)
      .innerJoin(units, eq(units.id, hourProposalLines.unitId))
      .where(and(eq(hourProposalLines.id, lineId), eq(hourProposalLines.proposalId, locked.proposal.id)));
    if (!line) return { ok: false, error: 'notFound' };
    if (!line.delegated || !can(ctx.actor, 'proposal.fillDelegated', { organisationId, unitPath: line.path })) return { ok: false, error: 'proposals.errors.notYourLine' };
    await tx.update(hourProposalLines).set({ ...input, updatedAt: ctx.clock.now(), updatedBy: ctx.actor.userId }).where(eq(hourProposalLines.id, lineId));
    await writeAudit(tx, ctx.clock, { action: 'proposal.lineFilled', actorUserId: ctx.actor.userId, targetType: 'proposal', targetId: locked.proposal.id, organisationId, details: { lineId, ...input } });
    return { ok: true, id: lineId };
  });
}

/** The admin submits the whole proposal, which locks it: every delegated line must be ready. */
export async function submitProposal(ctx: ActorContext, organisationId: string, year: number): Promise<ProposalResult> {
  const windowOpen = await proposalWindowOpen(ctx, year);
  return ctx.db.transaction(async (tx) => {
    const locked = await lockEditable(tx, organisationId, year, windowOpen);
    if (!locked.ok) return locked;
    const lines = await tx.select().from(hourProposalLines).where(eq(hourProposalLines.proposalId, locked.proposal.id));
    if (lines.length === 0 || lines.every((l) => l.hundredths === 0)) return { ok: false, error: 'proposals.errors.empty' };
    if (lines.some((l) => l.delegated && !l.ready)) return { ok: false, error: 'proposals.errors.notReady' };
    await tx
      .update(hourProposals)
      .set({ status: 'submitted', submittedAt: ctx.clock.now(), submittedBy: ctx.actor.userId })
      .where(eq(hourProposals.id, locked.proposal.id));
    const total = lines.reduce((s, l) => s + l.hundredths, 0);
    await writeAudit(tx, ctx.clock, { action: 'proposal.submitted', actorUserId: ctx.actor.userId, targetType: 'proposal', targetId: locked.proposal.id, organisationId, details: { year, total } });
    return { ok: true, id: locked.proposal.id };
  });
}

/** Staff return a submitted proposal for changes; its admins are told why, and may resubmit after the window. */
export async function returnProposal(ctx: ActorContext, organisationId: string, year: number, reason: string, links: { publicUrl: string }): Promise<ProposalResult> {
  return ctx.db.transaction(async (tx) => {
    const [proposal] = await tx
      .select({ id: hourProposals.id, status: hourProposals.status, name: organisations.name })
      .from(hourProposals)
      .innerJoin(organisations, eq(organisations.id, hourProposals.organisationId))
      .where(and(eq(hourProposals.organisationId, organisationId), eq(hourProposals.year, year)))
      .for('update', { of: hourProposals });
    if (!proposal) return { ok: false, error: 'notFound' };
    if (proposal.status !== 'submitted') return { ok: false, error: 'proposals.errors.notSubmitted' };
    await tx.update(hourProposals).set({ status: 'returned', returnReason: reason, returnedAt: ctx.clock.now() }).where(eq(hourProposals.id, proposal.id));
    const admins = await roleHolders(tx, { roles: ['org_admin'], organisationId, activeOnly: true });
    const link = `${links.publicUrl}/organisations/${organisationId}/hours/proposals/${year}`;
    await enqueueEmails(
      { db: tx, clock: ctx.clock },
      admins.map((admin) => templatedEmail(admin, 'proposalReturned', { organisation: proposal.name, year: String(year), reason, link })),
    );
    await writeAudit(tx, ctx.clock, { action: 'proposal.returned', actorUserId: ctx.actor.userId, targetType: 'proposal', targetId: proposal.id, organisationId, details: { year, reason } });
    return { ok: true, id: proposal.id };
  });
}

/** Proposals' status and total per organisation (all, or those given), for the staff's decision pages. */
export async function proposalTotals(db: Queryable, year: number, organisationIds?: string[]) {
  if (organisationIds?.length === 0) return new Map<string, { status: Proposal['status']; hundredths: number }>();
  const rows = await db
    .select({ organisationId: hourProposals.organisationId, status: hourProposals.status, hundredths: hourProposalLines.hundredths })
    .from(hourProposals)
    .leftJoin(hourProposalLines, eq(hourProposalLines.proposalId, hourProposals.id))
    .where(and(eq(hourProposals.year, year), organisationIds ? inArray(hourProposals.organisationId, organisationIds) : undefined));
  const totals = new Map<string, { status: Proposal['status']; hundredths: number }>();
  for (const row of rows) {
    const total = totals.get(row.organisationId) ?? { status: row.status, hundredths: 0 };
    total.hundredths += row.hundredths ?? 0;
    totals.set(row.organisationId, total);
  }
  return totals;
}
