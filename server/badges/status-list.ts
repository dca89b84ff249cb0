import { gunzipSync, gzipSync } from 'node:zlib';
import { and, gte, isNotNull, lt } from 'drizzle-orm';
import { badgeCredentials } from '../db/schema';
import type { DomainContext } from '../context';
import { vcContextUrl } from './contexts';
import { currentSigningKey } from './keys';
import type { BadgeUrls } from './urls';
import { signVcJwt } from './vc-jwt';

/** Bits per list: the Bitstring Status List minimum (16 KiB), which hides who was revoked among many. */
export const statusListSize = 131072;

export const statusListOf = (index: number) => Math.floor(index / statusListSize);

/** The list as published: multibase base64url ("u") of the GZIP of the bits, the first bit the highest of byte 0. */
export function encodeStatusBits(revokedPositions: number[]): string {
  const bits = new Uint8Array(statusListSize / 8);
  for (const position of revokedPositions) bits[position >> 3]! |= 0x80 >> (position & 7);
  return `u${gzipSync(bits).toString('base64url')}`;
}

/** The bit at a position of an encoded list, or null when the list cannot be read. */
export function statusBitAt(encodedList: string, position: number): boolean | null {
  if (!encodedList.startsWith('u')) return null;
  try {
    const bits = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'));
    if (position < 0 || position >= bits.length * 8) return null;
    return (bits[position >> 3]! & (0x80 >> (position & 7))) !== 0;
  } catch {
    return null;
  }
}

async function revokedPositions(ctx: DomainContext, list: number): Promise<number[]> {
  const rows = await ctx.db
    .select({ index: badgeCredentials.statusListIndex })
    .from(badgeCredentials)
    .where(and(isNotNull(badgeCredentials.revokedAt), gte(badgeCredentials.statusListIndex, list * statusListSize), lt(badgeCredentials.statusListIndex, (list + 1) * statusListSize)));
  return rows.map((r) => r.index - list * statusListSize);
}

/** The revocation list's credential as it is right now, unsigned. */
export async function statusListCredential(ctx: DomainContext, urls: BadgeUrls, list: number) {
  const url = urls.statusList(list);
  return {
    '@context': [vcContextUrl],
    id: url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: { id: urls.issuer },
    validFrom: ctx.clock.now().toISOString(),
    credentialSubject: { id: `${url}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: encodeStatusBits(await revokedPositions(ctx, list)) },
  };
}

/** The published list: a VC-JWT signed with the issuer's key, made on request so it is never stale. */
export async function signedStatusList(ctx: DomainContext, urls: BadgeUrls, list: number): Promise<string> {
  return signVcJwt(await statusListCredential(ctx, urls, list), await currentSigningKey(ctx), urls);
}
