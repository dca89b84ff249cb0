import { desc } from 'drizzle-orm';
import { type CryptoKey, type JWK, calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK } from 'jose';
import type { Clock } from '../clock';
import { badgeSigningKeys } from '../db/schema';
import type { Queryable } from '../db/types';

export const signingAlgorithm = 'EdDSA';

/**
 * Makes the issuer's Ed25519 key pair on first start. Two instances starting at once may both
 * make one; the key id (the public key's thumbprint) is the primary key, and the newest signs.
 */
export async function ensureSigningKey(ctx: { db: Queryable; clock: Clock }): Promise<void> {
  const [existing] = await ctx.db.select({ keyId: badgeSigningKeys.keyId }).from(badgeSigningKeys).limit(1);
  if (existing) return;
  const pair = await generateKeyPair(signingAlgorithm, { crv: 'Ed25519', extractable: true });
  const publicJwk = await exportJWK(pair.publicKey);
  const privateJwk = await exportJWK(pair.privateKey);
  const keyId = await calculateJwkThumbprint(publicJwk);
  await ctx.db.insert(badgeSigningKeys).values({ keyId, publicJwk, privateJwk, createdAt: ctx.clock.now() }).onConflictDoNothing();
}

export interface SigningKey {
  keyId: string;
  privateKey: CryptoKey;
}

/** The key that signs now; made here when the start did not (a test's own database). */
export async function currentSigningKey(ctx: { db: Queryable; clock: Clock }): Promise<SigningKey> {
  await ensureSigningKey(ctx);
  const [row] = await ctx.db.select().from(badgeSigningKeys).orderBy(desc(badgeSigningKeys.createdAt), desc(badgeSigningKeys.keyId)).limit(1);
  if (!row) throw new Error('No badge signing key: ensureSigningKey runs at start');
  return { keyId: row.keyId, privateKey: (await importJWK(row.privateJwk, signingAlgorithm)) as CryptoKey };
}

/** Every public key the issuer has signed with, as published in its profile. */
export async function publicKeys(db: Queryable): Promise<{ keyId: string; jwk: JWK }[]> {
  const rows = await db.select({ keyId: badgeSigningKeys.keyId, jwk: badgeSigningKeys.publicJwk }).from(badgeSigningKeys).orderBy(badgeSigningKeys.createdAt);
  return rows.map((r) => ({ keyId: r.keyId, jwk: { kty: r.jwk.kty, crv: r.jwk.crv, x: r.jwk.x } }));
}
