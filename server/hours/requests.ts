import { and, desc, eq } from 'drizzle-orm';
import { roleHolders } from '../access/approvers';
import { writeAudit } from '../access/audit';
import { windowStatus } from '../calendar/windows';
import type { ActorContext } from '../context';
import { hourRequests, organisations, users } from '../db/schema';
import { enqueueEmails } from '../notifications/outbox';
import { templatedEmail } from '../notifications/templated-email';
import { formatHours } from './format';
import { grantHours, returnHours } from './ledger';

export type HourRequest = typeof hourRequests.$inferSelect;
export type RequestResult =
  | { ok: true; id: string }
  | { ok: false; error: 'notFound' | 'requests.errors.windowClosed' | 'requests.errors.alreadyDecided' | 'requests.errors.moreThanRequested' }
  | { ok: false; error: 'requests.errors.moreThanFree' | 'requests.errors.budgetExceeded'; availableHundredths: number };

const link = (links: { publicUrl: string }, organisationId: string) => `${links.publicUrl}/organisations/${organisationId}/hours/requests`;

/** The year whose additional-hours window is open now, or null. */
async function openYear(ctx: ActorContext): Promise<number | null> {
  const window = await windowStatus(ctx, 'additionalHours');
  return window.open ? window.year : null;
}

/** The admin applies for more hours in an additional-hours window; centre staff are told. */
export async function applyForHours(ctx: ActorContext, organisationId: string, input: { hundredths: number; justification: string }, links: { publicUrl: string }): Promise<RequestResult> {
  const year = await openYear(ctx);
  if (year === null) return { ok: false, error: 'requests.errors.windowClosed' };
  return ctx.db.transaction(async (tx) => {
    const [organisation] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId));
    if (!organisation) return { ok: false, error: 'notFound' };
    const [created] = await tx
      .insert(hourRequests)
      .values({ year, organisationId, kind: 'additional', status: 'pending', requestedHundredths: input.hundredths, justification: input.justification, createdAt: ctx.clock.now(), createdBy: ctx.actor.userId })
      .returning({ id: hourRequests.id });
    const staff = await roleHolders(tx, { roles: ['centre_admin', 'centre_staff'], activeOnly: true });
    await enqueueEmails(
      { db: tx, clock: ctx.clock },
      staff.map((person) => templatedEmail(person, 'hourRequestReceived', { organisation: organisation.name, hours: formatHours(person.language, input.hundredths), link: link(links, organisationId) })),
    );
    await writeAudit(tx, ctx.clock, { action: 'hours.requested', actorUserId: ctx.actor.userId, targetType: 'hourRequest', targetId: created!.id, organisationId, details: { year, hundredths: input.hundredths } });
    return { ok: true, id: created!.id };
  });
}

/** The admin returns unallocated hours in an additional-hours window: a ledger transfer at once. */
export async function returnUnusedHours(ctx: ActorContext, organisationId: string, input: { hundredths: number; justification: string }): Promise<RequestResult> {
  const year = await openYear(ctx);
  if (year === null) return { ok: false, error: 'requests.errors.windowClosed' };
  return ctx.db.transaction(async (tx) => {
    const moved = await returnHours({ db: tx, clock: ctx.clock, actorUserId: ctx.actor.userId }, { year, organisationId, hundredths: input.hundredths, reason: input.justification });
    if (!moved.ok) return { ok: false, error: 'requests.errors.moreThanFree', availableHundredths: moved.availableHundredths };
    const now = ctx.clock.now();
    const [created] = await tx
      .insert(hourRequests)
      .values({ year, organisationId, kind: 'return', status: 'done', requestedHundredths: input.hundredths, justification: input.justification, createdAt: now, createdBy: ctx.actor.userId, decidedAt: now })
      .returning({ id: hourRequests.id });
    await writeAudit(tx, ctx.clock, { action: 'hours.returned', actorUserId: ctx.actor.userId, targetType: 'hourRequest', targetId: created!.id, organisationId, details: { year, hundredths: input.hundredths } });
    return { ok: true, id: created!.id };
  });
}

/** Staff grant all, part or none of an application, with a reason; the grant comes from the budget and the admins are told. */
export async function decideRequest(
  ctx: ActorContext,
  organisationId: string,
  requestId: string,
  input: { grantedHundredths: number; reason: string },
  links: { publicUrl: string },
): Promise<RequestResult> {
  return ctx.db.transaction(async (tx) => {
    const [request] = await tx
      .select({ request: hourRequests, name: organisations.name, endedAt: organisations.endedAt })
      .from(hourRequests)
      .innerJoin(organisations, eq(organisations.id, hourRequests.organisationId))
      .where(and(eq(hourRequests.id, requestId), eq(hourRequests.organisationId, organisationId), eq(hourRequests.kind, 'additional')))
      .for('update', { of: hourRequests });
    // An organisation whose membership has ended is granted nothing more.
    if (!request || request.endedAt) return { ok: false, error: 'notFound' };
    const { request: application } = request;
    if (application.status !== 'pending') return { ok: false, error: 'requests.errors.alreadyDecided' };
    if (input.grantedHundredths > application.requestedHundredths) return { ok: false, error: 'requests.errors.moreThanRequested' };
    if (input.grantedHundredths > 0) {
      const granted = await grantHours(
        { db: tx, clock: ctx.clock, actorUserId: ctx.actor.userId },
        { year: application.year, organisationId: application.organisationId, hundredths: input.grantedHundredths, kind: 'additionalGrant', reason: input.reason },
      );
      if (!granted.ok) return { ok: false, error: 'requests.errors.budgetExceeded', availableHundredths: granted.availableHundredths };
    }
    await tx
      .update(hourRequests)
      .set({ status: 'decided', grantedHundredths: input.grantedHundredths, decisionReason: input.reason, decidedAt: ctx.clock.now(), decidedBy: ctx.actor.userId })
      .where(eq(hourRequests.id, requestId));
    const admins = await roleHolders(tx, { roles: ['org_admin'], organisationId: application.organisationId, activeOnly: true });
    await enqueueEmails(
      { db: tx, clock: ctx.clock },
      admins.map((admin) =>
        templatedEmail(admin, 'hourRequestDecided', {
          organisation: request.name,
          requested: formatHours(admin.language, application.requestedHundredths),
          granted: formatHours(admin.language, input.grantedHundredths),
          reason: input.reason,
          link: link(links, application.organisationId),
        }),
      ),
    );
    await writeAudit(tx, ctx.clock, {
      action: 'hours.requestDecided',
      actorUserId: ctx.actor.userId,
      targetType: 'hourRequest',
      targetId: requestId,
      organisationId: application.organisationId,
      details: { requested: application.requestedHundredths, granted: input.grantedHundredths, reason: input.reason },
    });
    return { ok: true, id: requestId };
  });
}

/** An organisation's applications and returns in a year, newest first, with who decided. */
export async function requestHistory(ctx: ActorContext, organisationId: string, year: number) {
  return ctx.db
    .select({ request: hourRequests, decidedByName: users.name })
    .from(hourRequests)
    .leftJoin(users, eq(users.id, hourRequests.decidedBy))
    .where(and(eq(hourRequests.organisationId, organisationId), eq(hourRequests.year, year)))
    .orderBy(desc(hourRequests.createdAt));
}

/** Applications waiting for staff, oldest first. */
export async function pendingRequests(ctx: ActorContext) {
  return ctx.db
    .select({ request: hourRequests, organisationName: organisations.name })
    .from(hourRequests)
    .innerJoin(organisations, eq(organisations.id, hourRequests.organisationId))
    .where(eq(hourRequests.status, 'pending'))
    .orderBy(hourRequests.createdAt);
}
