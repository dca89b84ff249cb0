import { eq } from 'drizzle-orm';
import type { Language } from '../../app/i18n';
import type { WriteContext } from '../context';
import { badgeCredentials, badges, trainingModelVersions } from '../db/schema';
import { revokeInTransaction } from './credentials';
import { issueCredential } from './issue';
import type { BadgeLinks } from './urls';

/** A model's badge goes with each of its register entries: issued when the entry is made. */
export async function issueModelBadge(
  ctx: WriteContext,
  entry: { id: string; modelVersionId: string; organisationId: string; personName: string; personEmail: string; language: Language },
  actorUserId: string | null,
  links: BadgeLinks,
): Promise<void> {
  const [badge] = await ctx.db
    .select({ badge: badges })
    .from(trainingModelVersions)
    .innerJoin(badges, eq(badges.modelId, trainingModelVersions.modelId))
    .where(eq(trainingModelVersions.id, entry.modelVersionId));
  if (!badge) return;
  await issueCredential(
    ctx,
    { badge: badge.badge, recipient: { email: entry.personEmail, name: entry.personName, language: entry.language }, registerEntryId: entry.id, actorUserId, organisationId: entry.organisationId },
    links,
  );
}

/** An entry taken back takes its badge with it (revoked, so copies already given out stop verifying). */
export async function revokeModelBadge(ctx: WriteContext, registerEntryId: string, actorUserId: string | null, reason: string): Promise<void> {
  const [credential] = await ctx.db.select({ id: badgeCredentials.id }).from(badgeCredentials).where(eq(badgeCredentials.registerEntryId, registerEntryId));
  if (credential) await revokeInTransaction(ctx, credential.id, { reason, actorUserId });
}
