import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Clock } from '../clock';
import { accountTokens } from '../db/schema';
import type { Queryable } from '../db/types';

export type TokenKind = 'email_verification' | 'invitation' | 'password_reset';

export const tokenLifetimesMs: Record<TokenKind, number> = {
  email_verification: 48 * 3_600_000,
  invitation: 14 * 24 * 3_600_000,
  password_reset: 3_600_000,
};

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new secret for a link (32 random bytes, 43 characters of base64url) and the hash stored in its place. */
export function newLinkSecret() {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

/** What such a secret looks like, so that anything else is refused before a lookup. */
export const linkSecretPattern = /^[A-Za-z0-9_-]{43}$/;

/** Issues a one-time link token; earlier unused tokens of the same kind for the user stop working. */
export async function issueToken(db: Queryable, clock: Clock, kind: TokenKind, userId: string, createdBy: string | null = null): Promise<string> {
  const now = clock.now();
  await db
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.userId, userId), eq(accountTokens.kind, kind), isNull(accountTokens.usedAt)));
  const { token, hash } = newLinkSecret();
  await db.insert(accountTokens).values({
    tokenHash: hash,
    kind,
    userId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + tokenLifetimesMs[kind]),
    createdBy,
  });
  return token;
}

export type TokenCheck = { ok: true; userId: string } | { ok: false; reason: 'invalid' | 'expired' | 'used' };

/** Looks a token up without using it (to show the form a link leads to). */
export async function checkToken(db: Queryable, clock: Clock, kind: TokenKind, token: string): Promise<TokenCheck> {
  const [row] = await db
    .select()
    .from(accountTokens)
    .where(and(eq(accountTokens.tokenHash, hashToken(token)), eq(accountTokens.kind, kind)));
  if (!row) return { ok: false, reason: 'invalid' };
  if (row.usedAt) return { ok: false, reason: 'used' };
  if (row.expiresAt <= clock.now()) return { ok: false, reason: 'expired' };
  return { ok: true, userId: row.userId };
}

/** Uses a token: of two concurrent uses exactly one succeeds (the update is conditional). */
export async function consumeToken(db: Queryable, clock: Clock, kind: TokenKind, token: string): Promise<TokenCheck> {
  const check = await checkToken(db, clock, kind, token);
  if (!check.ok) return check;
  const [used] = await db
    .update(accountTokens)
    .set({ usedAt: clock.now() })
    .where(and(eq(accountTokens.tokenHash, hashToken(token)), isNull(accountTokens.usedAt)))
    .returning({ userId: accountTokens.userId });
  return used ? { ok: true, userId: used.userId } : { ok: false, reason: 'used' };
}
