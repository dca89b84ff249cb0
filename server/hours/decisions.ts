import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { roleHolders } from '../access/approvers';
import { writeAudit } from '../access/audit';
import { windowStatus } from '../calendar/windows';
import type { ActorContext } from '../context';
import { hourAccounts, hourDecisions, hourTransfers, organisations, users } from '../db/schema';
import { queryRows } from '../db/query-rows';
import type { Queryable } from '../db/types';
import { enqueueEmails } from '../notifications/outbox';
import { templatedEmail } from '../notifications/templated-email';
import { formatHours } from './format';
import { proposalTotals } from './proposals';
import { type LedgerContext, type LedgerResult, grantHours, setCentreBudget, setPeerQuota } from './ledger';
import { balanceOf } from './accounts';

export interface OrganisationYearTotals {
  /** Grants and additional grants less returns. */
  granted: number;
  used: number;
  peerQuota: number;
}

/** Per organisation, what it was granted, has used and has as peer-group quota in the year. */
export async function organisationTotals(db: Queryable, year: number, organisationIds?: string[]): Promise<Map<string, OrganisationYearTotals>> {
  if (organisationIds?.length === 0) return new Map();
  // Each transfer once as hours in and once as hours out, so that both sides join on an index.
  const rows = await queryRows<{ organisation_id: string; granted: string; used: string; peer_quota: string }>(
    db,
    sql`select a.organisation_id,
          sum(case when a.kind = 'pool' and m.direction = 1 and m.kind in ('grant', 'additionalGrant') then m.hundredths
                   when a.kind = 'pool' and m.direction = -1 and m.kind = 'return' then -m.hundredths else 0 end) as granted,
          sum(case when a.kind = 'used' and m.direction = 1 and source.kind is distinct from 'peerQuota' then m.hundredths else 0 end) as used,
          sum(case when a.kind = 'peerQuota' and m.direction = 1 and m.kind = 'quota' then m.hundredths
                   when a.kind = 'peerQuota' and m.direction = -1 and m.kind = 'quotaReduction' then -m.hundredths else 0 end) as peer_quota
        from (
          select to_account_id as account, kind, hundredths, 1 as direction from ${hourTransfers} where year = ${year}
          union all
          select from_account_id, kind, hundredths, -1 from ${hourTransfers} where year = ${year}
        ) m
        join ${hourAccounts} a on a.id = m.account
        -- Peer groups' hours come from their own quota, not from the grant they are compared with.
        left join ${hourAccounts} source on source.id = a.drawn_from_id
        where a.kind in ('pool', 'used', 'peerQuota')
          ${organisationIds ? sql`and a.organisation_id in (${sql.join(organisationIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql``}
        group by a.organisation_id`,
  );
  return new Map(rows.map((r) => [r.organisation_id, { granted: Number(r.granted), used: Number(r.used), peerQuota: Number(r.peer_quota) }]));
}

/** The centre's budget for the year (net of reductions) and what of it is still free. */
export async function centreYear(db: Queryable, year: number) {
  const t = hourTransfers;
  const [row] = await db
    .select({ budget: sql<string>`coalesce(sum(case when ${t.kind} = 'budget' then ${t.hundredths} when ${t.kind} = 'budgetReduction' then -${t.hundredths} else 0 end), 0)` })
    .from(t)
    .where(and(eq(t.year, year), inArray(t.kind, ['budget', 'budgetReduction'])));
  const [centre] = await db.select({ id: hourAccounts.id }).from(hourAccounts).where(and(eq(hourAccounts.year, year), eq(hourAccounts.key, 'centre')));
  return { budget: Number(row?.budget ?? 0), free: centre ? await balanceOf(db, centre.id) : 0 };
}

export type Decision = typeof hourDecisions.$inferSelect;

/** Every member organisation with last year's grant and use, and this year's decision and quota. */
export async function decisionOverview(ctx: ActorContext, year: number) {
  const [members, decisions, lastYear, thisYear, centre, proposals] = await Promise.all([
    ctx.db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(isNull(organisations.endedAt)).orderBy(asc(organisations.name)),
    ctx.db.select().from(hourDecisions).where(eq(hourDecisions.year, year)),
    organisationTotals(ctx.db, year - 1),
    organisationTotals(ctx.db, year),
    centreYear(ctx.db, year),
    proposalTotals(ctx.db, year),
  ]);
  const byOrganisation = new Map(decisions.map((d) => [d.organisationId, d]));
  const rows = members.map((o) => ({
    organisation: o,
    lastYearGranted: lastYear.get(o.id)?.granted ?? 0,
    lastYearUsed: lastYear.get(o.id)?.used ?? 0,
    peerQuota: thisYear.get(o.id)?.peerQuota ?? 0,
    decision: byOrganisation.get(o.id) ?? null,
    proposal: proposals.get(o.id) ?? null,
  }));
  const sum = (status: Decision['status']) => decisions.filter((d) => d.status === status).reduce((s, d) => s + d.grantedHundredths, 0);
  return { rows, centre, published: sum('published'), drafted: sum('draft') };
}

export async function getDecision(db: Queryable, year: number, organisationId: string): Promise<Decision | null> {
  const [row] = await db.select().from(hourDecisions).where(and(eq(hourDecisions.year, year), eq(hourDecisions.organisationId, organisationId)));
  return row ?? null;
}

export async function getDecisionById(db: Queryable, id: string): Promise<Decision | null> {
  const [row] = await db.select().from(hourDecisions).where(eq(hourDecisions.id, id));
  return row ?? null;
}

export type SaveDecisionResult = { ok: true } | { ok: false; error: 'hours.errors.alreadyPublished' | 'notFound' };

/** Staff's draft of a decision: hours and text, changed freely until published. */
export async function saveDecisionDraft(
  ctx: ActorContext,
  input: { year: number; organisationId: string; grantedHundredths: number; decisionText: string },
): Promise<SaveDecisionResult> {
  return ctx.db.transaction(async (tx) => {
    const [member] = await tx.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.id, input.organisationId), isNull(organisations.endedAt)));
    if (!member) return { ok: false, error: 'notFound' };
    const [before] = await tx.select().from(hourDecisions).where(and(eq(hourDecisions.year, input.year), eq(hourDecisions.organisationId, input.organisationId))).for('update');
    if (before?.status === 'published') return { ok: false, error: 'hours.errors.alreadyPublished' };
    const values = { grantedHundredths: input.grantedHundredths, decisionText: input.decisionText, updatedAt: ctx.clock.now(), updatedBy: ctx.actor.userId };
    await tx
      .insert(hourDecisions)
      .values({ year: input.year, organisationId: input.organisationId, ...values })
      .onConflictDoUpdate({ target: [hourDecisions.year, hourDecisions.organisationId], set: values });
    await writeAudit(tx, ctx.clock, {
      action: 'hours.decisionDrafted',
      actorUserId: ctx.actor.userId,
      targetType: 'organisation',
      targetId: input.organisationId,
      organisationId: input.organisationId,
      details: { year: input.year, before: before?.grantedHundredths ?? null, after: input.grantedHundredths },
    });
    return { ok: true };
  });
}

export type PublishResult =
  | { ok: true; published: number }
  | { ok: false; error: 'hours.errors.decisionWindowClosed' | 'hours.errors.nothingToPublish' }
  | { ok: false; error: 'hours.errors.budgetExceeded'; organisationName: string; availableHundredths: number };

class PublishRefused extends Error {
  constructor(readonly result: PublishResult) {
    super('publish refused');
  }
}

/**
 * Publishes next year's draft decisions (all, or one organisation's) in the decision window: each
 * becomes a grant from the centre's budget, its organisation's admins are emailed, and the decision
 * is fixed for printing. All or nothing: if the budget cannot cover them all, none is published.
 */
export async function publishDecisions(ctx: ActorContext, year: number, organisationId: string | null, links: { publicUrl: string }): Promise<PublishResult> {
  const window = await windowStatus(ctx, 'grantDecisions');
  if (!window.open || year !== window.year + 1) return { ok: false, error: 'hours.errors.decisionWindowClosed' };
  try {
    return await ctx.db.transaction(async (tx) => {
      const drafts = await tx
        .select({ decision: hourDecisions, name: organisations.name, businessId: organisations.businessId })
        .from(hourDecisions)
        .innerJoin(organisations, eq(organisations.id, hourDecisions.organisationId))
        .where(
          and(
            eq(hourDecisions.year, year),
            eq(hourDecisions.status, 'draft'),
            isNull(organisations.endedAt),
            organisationId ? eq(hourDecisions.organisationId, organisationId) : undefined,
          ),
        )
        .orderBy(asc(organisations.name))
        .for('update', { of: hourDecisions });
      if (drafts.length === 0) return { ok: false, error: 'hours.errors.nothingToPublish' } as const;
      const ledger: LedgerContext = { db: tx, clock: ctx.clock, actorUserId: ctx.actor.userId };
      const [publisher] = await tx.select({ name: users.name }).from(users).where(eq(users.id, ctx.actor.userId));
      const now = ctx.clock.now();
      const emails = [];
      for (const { decision, name, businessId } of drafts) {
        const granted = await grantHours(ledger, { year, organisationId: decision.organisationId, hundredths: decision.grantedHundredths, kind: 'grant', reason: 'decision' });
        if (!granted.ok) throw new PublishRefused({ ok: false, error: 'hours.errors.budgetExceeded', organisationName: name, availableHundredths: granted.availableHundredths });
        await tx
          .update(hourDecisions)
          .set({ status: 'published', publishedAt: now, publishedBy: ctx.actor.userId, organisationName: name, businessId, publisherName: publisher?.name ?? '' })
          .where(eq(hourDecisions.id, decision.id));
        for (const admin of await roleHolders(tx, { roles: ['org_admin'], organisationId: decision.organisationId, activeOnly: true })) {
          emails.push(
            templatedEmail(admin, 'hourDecisionPublished', {
              organisation: name,
              year: String(year),
              hours: formatHours(admin.language, decision.grantedHundredths),
              link: `${links.publicUrl}/hours/decisions/${decision.id}/pdf`,
            }),
          );
        }
        await writeAudit(tx, ctx.clock, {
          action: 'hours.decisionPublished',
          actorUserId: ctx.actor.userId,
          targetType: 'organisation',
          targetId: decision.organisationId,
          organisationId: decision.organisationId,
          details: { year, granted: decision.grantedHundredths },
        });
      }
      await enqueueEmails({ db: tx, clock: ctx.clock }, emails);
      return { ok: true, published: drafts.length } as const;
    });
  } catch (error) {
    if (error instanceof PublishRefused) return error.result;
    throw error;
  }
}

/** Sets the centre's budget of teaching hours for the year (never below what is granted). */
export async function setBudget(ctx: ActorContext, year: number, hundredths: number, reason: string) {
  return ctx.db.transaction(async (tx) => {
    const result = await setCentreBudget({ db: tx, clock: ctx.clock, actorUserId: ctx.actor.userId }, year, hundredths, reason);
    if (result.ok) {
      await writeAudit(tx, ctx.clock, { action: 'hours.budgetSet', actorUserId: ctx.actor.userId, targetType: 'hourYear', targetId: String(year), details: { hundredths, reason } });
    }
    return result;
  });
}

/** Sets an organisation's peer-group quota for the year, from the centre's budget. */
export async function setOrganisationPeerQuota(
  ctx: ActorContext,
  input: { year: number; organisationId: string; hundredths: number; reason: string },
): Promise<LedgerResult | { ok: false; error: 'notFound' }> {
  return ctx.db.transaction(async (tx) => {
    const [member] = await tx.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.id, input.organisationId), isNull(organisations.endedAt)));
    if (!member) return { ok: false, error: 'notFound' };
    const result = await setPeerQuota({ db: tx, clock: ctx.clock, actorUserId: ctx.actor.userId }, { ...input, totalHundredths: input.hundredths });
    if (result.ok) {
      await writeAudit(tx, ctx.clock, {
        action: 'hours.peerQuotaSet',
        actorUserId: ctx.actor.userId,
        targetType: 'organisation',
        targetId: input.organisationId,
        organisationId: input.organisationId,
        details: { year: input.year, hundredths: input.hundredths, reason: input.reason },
      });
    }
    return result;
  });
}
