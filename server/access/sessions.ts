import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, ne } from 'drizzle-orm';
import { sessions, users } from '../db/schema';
import type { Queryable } from '../db/types';
import type { DomainContext } from '../context';
import { loadGrants } from './actor';
import type { Actor } from './roles';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(
  ctx: DomainContext<Queryable>,
  userId: string,
  ttlHours: number,
  userAgent: string,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000);
  await ctx.db
    .insert(sessions)
    .values({ tokenHash: hashToken(token), userId, createdAt: now, expiresAt, userAgent: userAgent.slice(0, 300) });
  return { token, expiresAt };
}

export interface SignedInSession {
  actor: Actor;
  tokenHash: string;
}

/** The actor behind a session token, or null when the session is unknown, expired or revoked. */
export async function resolveSession(ctx: DomainContext<Queryable>, token: string): Promise<SignedInSession | null> {
  const tokenHash = hashToken(token);
  const [user] = await ctx.db
    .select({ userId: users.id, name: users.name, email: users.email, language: users.language })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, tokenHash),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, ctx.clock.now()),
        eq(users.status, 'active'),
      ),
    );
  if (!user) return null;
  return { actor: { ...user, grants: await loadGrants(ctx.db, user.userId) }, tokenHash };
}

export async function revokeSession(ctx: DomainContext<Queryable>, token: string): Promise<string | null> {
  const [row] = await ctx.db
    .update(sessions)
    .set({ revokedAt: ctx.clock.now() })
    .where(and(eq(sessions.tokenHash, hashToken(token)), isNull(sessions.revokedAt)))
    .returning({ userId: sessions.userId });
  return row?.userId ?? null;
}

/** Ends every other session of a user, e.g. after a password change. */
export async function revokeOtherSessions(ctx: DomainContext<Queryable>, userId: string, keepTokenHash: string) {
  await ctx.db
    .update(sessions)
    .set({ revokedAt: ctx.clock.now() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), ne(sessions.tokenHash, keepTokenHash)));
}
