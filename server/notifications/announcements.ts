import { and, count, desc, eq, exists, inArray, isNull, or } from 'drizzle-orm';
import type { Language } from '../../app/i18n';
import { memberAdmins } from '../access/approvers';
import { writeAudit } from '../access/audit';
import { scopeCondition } from '../access/permissions';
import type { ActorContext } from '../context';
import { announcementOrganisations, announcements, organisations, users } from '../db/schema';
import { type Page, pageOffset, pageSize, toPage } from '../pagination';
import { enqueueEmails } from './outbox';

export interface AnnouncementInput {
  subjectFi: string;
  subjectSv: string;
  subjectEn: string;
  bodyFi: string;
  bodySv: string;
  bodyEn: string;
  audience: 'allAdmins' | 'organisations';
  organisationIds: string[];
}

export type SendAnnouncementResult =
  | { ok: true; id: string; recipients: number }
  | { ok: false; error: 'announcements.errors.chooseOrganisations' | 'announcements.errors.organisationsWithAllAdmins' | 'announcements.errors.noRecipients' | 'forms.invalidValue'; field: 'organisationIds' };

type AnnouncementRow = typeof announcements.$inferSelect;

/** The text a reader gets: their language where the centre wrote one, Finnish otherwise. */
export function announcementText(row: Pick<AnnouncementRow, 'subjectFi' | 'subjectSv' | 'subjectEn' | 'bodyFi' | 'bodySv' | 'bodyEn'>, language: Language) {
  const subject = { fi: row.subjectFi, sv: row.subjectSv, en: row.subjectEn }[language];
  const body = { fi: row.bodyFi, sv: row.bodySv, en: row.bodyEn }[language];
  return subject && body ? { subject, body } : { subject: row.subjectFi, body: row.bodyFi };
}

/**
 * Sends the centre's announcement to the active admins of all member organisations or of the chosen
 * ones: the announcement and one email per admin are written in one transaction.
 */
export async function sendAnnouncement(ctx: ActorContext, input: AnnouncementInput, links: { publicUrl: string }): Promise<SendAnnouncementResult> {
  const chosen = [...new Set(input.organisationIds)];
  if (input.audience === 'organisations' && chosen.length === 0) {
    return { ok: false, error: 'announcements.errors.chooseOrganisations', field: 'organisationIds' };
  }
  // Ticked organisations with "all admins" chosen is a mistake that would email everyone: ask again.
  if (input.audience === 'allAdmins' && chosen.length > 0) {
    return { ok: false, error: 'announcements.errors.organisationsWithAllAdmins', field: 'organisationIds' };
  }
  return ctx.db.transaction(async (tx) => {
    if (input.audience === 'organisations') {
      const members = await tx.select({ id: organisations.id }).from(organisations).where(and(inArray(organisations.id, chosen), isNull(organisations.endedAt)));
      if (members.length !== chosen.length) return { ok: false, error: 'forms.invalidValue', field: 'organisationIds' };
    }
    const recipients = await memberAdmins(tx, input.audience === 'organisations' ? chosen : undefined);
    if (recipients.length === 0) return { ok: false, error: 'announcements.errors.noRecipients', field: 'organisationIds' };
    const now = ctx.clock.now();
    const [announcement] = await tx
      .insert(announcements)
      .values({
        subjectFi: input.subjectFi,
        subjectSv: input.subjectSv,
        subjectEn: input.subjectEn,
        bodyFi: input.bodyFi,
        bodySv: input.bodySv,
        bodyEn: input.bodyEn,
        audience: input.audience,
        recipientCount: recipients.length,
        sentBy: ctx.actor.userId,
        sentAt: now,
      })
      .returning();
    const id = announcement!.id;
    if (input.audience === 'organisations') {
      await tx.insert(announcementOrganisations).values(chosen.map((organisationId) => ({ announcementId: id, organisationId })));
    }
    const link = `${links.publicUrl}/announcements/${id}`;
    const emails = recipients.map((recipient) => {
      const text = announcementText(announcement!, recipient.language);
      return { to: recipient.email, subject: text.subject, bodyText: `${text.body}\n\n${link}` };
    });
    await enqueueEmails({ db: tx, clock: ctx.clock }, emails);
    await writeAudit(tx, ctx.clock, {
      action: 'announcement.sent',
      actorUserId: ctx.actor.userId,
      targetType: 'announcement',
      targetId: id,
      details: { subject: input.subjectFi, audience: input.audience, organisations: chosen.length, recipients: recipients.length },
    });
    return { ok: true, id, recipients: recipients.length };
  });
}

/** Announcements the actor may read: staff see all, an admin those to all admins or to their organisation. */
function readable(ctx: ActorContext) {
  return or(
    eq(announcements.audience, 'allAdmins'),
    exists(
      ctx.db
        .select({ one: announcementOrganisations.announcementId })
        .from(announcementOrganisations)
        .where(
          and(
            eq(announcementOrganisations.announcementId, announcements.id),
            scopeCondition(ctx.actor, 'announcement.read', { organisationId: announcementOrganisations.organisationId }),
          ),
        ),
    ),
  );
}

const summary = {
  id: announcements.id,
  subjectFi: announcements.subjectFi,
  subjectSv: announcements.subjectSv,
  subjectEn: announcements.subjectEn,
  bodyFi: announcements.bodyFi,
  bodySv: announcements.bodySv,
  bodyEn: announcements.bodyEn,
  audience: announcements.audience,
  recipientCount: announcements.recipientCount,
  sentAt: announcements.sentAt,
};
export type AnnouncementSummary = { [K in keyof typeof summary]: AnnouncementRow[K] };

export async function listAnnouncements(ctx: ActorContext, page: number, size = pageSize): Promise<Page<AnnouncementSummary>> {
  const where = readable(ctx);
  const [rows, [total]] = await Promise.all([
    ctx.db.select(summary).from(announcements).where(where).orderBy(desc(announcements.sentAt), desc(announcements.id)).limit(size).offset(pageOffset(page)),
    ctx.db.select({ n: count() }).from(announcements).where(where),
  ]);
  return toPage(rows, total?.n ?? 0, page);
}

/** One readable announcement with its sender and chosen organisations; null when not the actor's to read. */
export async function getAnnouncement(ctx: ActorContext, id: string) {
  const [row] = await ctx.db
    .select({ ...summary, sentByName: users.name })
    .from(announcements)
    .innerJoin(users, eq(users.id, announcements.sentBy))
    .where(and(eq(announcements.id, id), readable(ctx)));
  if (!row) return null;
  const chosen = await ctx.db
    .select({ id: organisations.id, name: organisations.name })
    .from(announcementOrganisations)
    .innerJoin(organisations, eq(organisations.id, announcementOrganisations.organisationId))
    .where(eq(announcementOrganisations.announcementId, id))
    .orderBy(organisations.name);
  return { ...row, organisations: chosen };
}

/** The member organisations an announcement can be addressed to. */
export async function announcementOrganisationChoices(ctx: ActorContext) {
  return ctx.db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(isNull(organisations.endedAt)).orderBy(organisations.name);
}
