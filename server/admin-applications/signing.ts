import { eq } from 'drizzle-orm';
import { verifyPassword } from '../access/passwords';
import type { ActorContext } from '../context';
import { users } from '../db/schema';

/**
 * How a signer proves who they are at the moment of signing. The workflow only sees this
 * interface, so a bank-ID based provider can be added beside the built-in re-authentication.
 */
export interface SigningMethod {
  /** Stored in the signature record. */
  name: string;
  verify(ctx: ActorContext, credentials: { password: string }): Promise<boolean>;
}

export const passwordReauthentication: SigningMethod = {
  name: 'password-reauthentication',
  async verify(ctx, credentials) {
    const [user] = await ctx.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, ctx.actor.userId));
    return Boolean(user?.passwordHash) && (await verifyPassword(credentials.password, user!.passwordHash!));
  },
};
