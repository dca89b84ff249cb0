import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DomainContext } from '../context';
import { badgeCredentials } from '../db/schema';
import { unbakePng } from './baking';
import { identityHash } from './recipient';
import { statusBitAt, statusListCredential, statusListSize } from './status-list';
import { type BadgeLinks, badgeUrls } from './urls';
import { type VerifiableCredential, verifyVcJwt } from './vc-jwt';

export type NotGenuineReason = 'notACredential' | 'unknownKey' | 'badSignature' | 'notPng' | 'noCredentialInImage';

export type BadgeVerification =
  | { status: 'notGenuine'; reason: NotGenuineReason }
  | {
      status: 'genuine' | 'revoked';
      issuerName: string;
      badgeName: string;
      issuedAt: string;
      credentialUrl: string;
      recipient: 'matches' | 'differs' | 'notChecked';
    };

interface Subject {
  identifier?: { identityHash?: string; salt?: string }[];
  achievement?: { name?: string };
}

function recipientCheck(credential: VerifiableCredential, email: string | null): 'matches' | 'differs' | 'notChecked' {
  if (!email) return 'notChecked';
  const identities = (credential.credentialSubject as Subject | undefined)?.identifier ?? [];
  return identities.some((i) => i.identityHash && i.identityHash === identityHash(email, i.salt ?? '')) ? 'matches' : 'differs';
}

/** Reads the revocation bit from the status list as published, the way any verifier would. */
async function isRevoked(ctx: DomainContext, credential: VerifiableCredential, links: BadgeLinks): Promise<boolean> {
  const urls = badgeUrls(links.publicUrl);
  const status = credential.credentialStatus as { statusListCredential?: string; statusListIndex?: string } | undefined;
  const list = urls.statusListNumber(status?.statusListCredential ?? '');
  const position = Number(status?.statusListIndex);
  if (list === null || !Number.isInteger(position) || position < 0 || position >= statusListSize) return false;
  const published = await statusListCredential(ctx, urls, list);
  return statusBitAt(published.credentialSubject.encodedList, position) === true;
}

/**
 * Verifies a credential given as its VC-JWT or as a baked PNG: an OpenBadgeCredential this issuer
 * signed and stored (not another of its signed documents, such as the status list), and whether the
 * status list marks it revoked; with an email, whether it is that person's. Why a credential was
 * revoked is not told here: it is the recipient's and staff's business.
 */
export async function verifyBadge(ctx: DomainContext, input: { jwt: string } | { png: Uint8Array }, email: string | null, links: BadgeLinks): Promise<BadgeVerification> {
  let jwt: string;
  if ('png' in input) {
    const baked = unbakePng(input.png);
    if (baked === 'notPng') return { status: 'notGenuine', reason: 'notPng' };
    if (baked === null) return { status: 'notGenuine', reason: 'noCredentialInImage' };
    jwt = baked;
  } else {
    jwt = input.jwt.trim();
  }
  const urls = badgeUrls(links.publicUrl);
  const check = await verifyVcJwt(ctx.db, jwt, urls, ctx.clock.now());
  if (!check.ok) return { status: 'notGenuine', reason: check.reason };
  const { credential } = check;
  const subject = credential.credentialSubject as Subject | undefined;
  const id = credential.id.startsWith(urls.credential('')) ? credential.id.slice(urls.credential('').length) : '';
  const stored = z.uuid().safeParse(id).success && (await ctx.db.select({ id: badgeCredentials.id }).from(badgeCredentials).where(eq(badgeCredentials.id, id))).length === 1;
  if (!stored || !credential.type.includes('OpenBadgeCredential') || !subject?.achievement) return { status: 'notGenuine', reason: 'notACredential' };
  return {
    status: (await isRevoked(ctx, credential, links)) ? 'revoked' : 'genuine',
    issuerName: credential.issuer.name ?? '',
    badgeName: subject.achievement.name ?? '',
    issuedAt: credential.validFrom,
    credentialUrl: credential.id,
    recipient: recipientCheck(credential, email),
  };
}
