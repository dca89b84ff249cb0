import { randomUUID } from 'node:crypto';
import type { Language } from '../../app/i18n';
import { writeAudit } from '../access/audit';
import { centreBranding } from '../centre/branding';
import type { WriteContext } from '../context';
import { badgeCredentials } from '../db/schema';
import { enqueueTemplatedEmail } from '../notifications/templated-email';
import { buildCredential } from './credential';
import type { BadgeRow } from './definitions';
import { localised } from './localised';
import { currentSigningKey } from './keys';
import { type BadgeLinks, badgeUrls } from './urls';
import { freeStatusPositions } from './status-positions';
import { signVcJwt } from './vc-jwt';

export interface BadgeRecipient {
  email: string;
  name: string;
  language: Language;
}

/**
 * Issues a credential in the caller's transaction: signs it, stores it with its status list
 * position and emails the recipient the links to their credential and baked image.
 */
export async function issueCredential(
  ctx: WriteContext,
  input: { badge: BadgeRow; recipient: BadgeRecipient; applicationId?: string; registerEntryId?: string; actorUserId: string | null; organisationId: string | null },
  links: BadgeLinks,
): Promise<string> {
  const urls = badgeUrls(links.publicUrl);
  const id = randomUUID();
  const [statusListIndex] = (await freeStatusPositions(ctx.db, 1)) as [number];
  const issuedAt = ctx.clock.now();
  const email = input.recipient.email.trim().toLowerCase();
  const issuerName = (await centreBranding(ctx)).name;
  const credential = buildCredential({ id, badge: input.badge, recipientEmail: email, issuedAt, statusListIndex, issuerName, language: input.recipient.language, urls });
  const jwt = await signVcJwt(credential, await currentSigningKey(ctx), urls);
  await ctx.db.insert(badgeCredentials).values({
    id,
    badgeId: input.badge.id,
    recipientEmail: email,
    recipientName: input.recipient.name,
    language: input.recipient.language,
    organisationId: input.organisationId,
    applicationId: input.applicationId ?? null,
    registerEntryId: input.registerEntryId ?? null,
    statusListIndex,
    jwt,
    issuedAt,
  });
  await writeAudit(ctx.db, ctx.clock, { action: 'badge.issued', actorUserId: input.actorUserId, targetType: 'badgeCredential', targetId: id, organisationId: input.organisationId, details: { badgeId: input.badge.id } });
  await enqueueTemplatedEmail(ctx, { email, language: input.recipient.language }, 'badgeIssued', {
    name: input.recipient.name,
    badge: localised(input.badge.name, input.recipient.language),
    issuer: issuerName,
    credentialUrl: urls.credential(id),
    imageUrl: urls.credentialFile(id, 'badge.png'),
    jwtUrl: urls.credentialFile(id, 'credential.jwt'),
  });
  return id;
}
