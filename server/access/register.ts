import { and, eq, isNull } from 'drizzle-orm';
import type { Language } from '../../app/i18n';
import type { DomainContext } from '../context';
import { organisations, roleAssignments, units, users } from '../db/schema';
import type { Database } from '../db/types';
import { enqueueTemplatedEmail } from '../notifications/templated-email';
import { writeAudit } from './audit';
import { hashPassword } from './passwords';
import { issueToken } from './tokens';

export interface RegistrationInput {
  name: string;
  email: string;
  password: string;
  unitId: string;
  language: Language;
}

export type RegistrationResult = { ok: true } | { ok: false; field: 'unitId'; error: 'registration.unitNotAvailable' };

/** Units a person may register to: those that train with the centre, in organisations still members. */
export async function registrableUnits(db: Database) {
  return db
    .select({ id: units.id, name: units.name, organisationId: organisations.id, organisationName: organisations.name })
    .from(units)
    .innerJoin(organisations, eq(organisations.id, units.organisationId))
    .where(and(eq(units.trainsWithCentre, true), eq(units.active, true), isNull(organisations.endedAt)))
    .orderBy(organisations.name, units.path);
}

/**
 * Registers a trainer of a unit. The answer is the same whether or not the email already has an
 * account; the owner of an existing address is told by email instead.
 */
export async function registerTrainer(ctx: DomainContext, input: RegistrationInput, baseUrl: string): Promise<RegistrationResult> {
  const email = input.email.trim().toLowerCase();
  const [unit] = await ctx.db
    .select({ id: units.id, organisationId: units.organisationId })
    .from(units)
    .innerJoin(organisations, eq(organisations.id, units.organisationId))
    .where(and(eq(units.id, input.unitId), eq(units.trainsWithCentre, true), eq(units.active, true), isNull(organisations.endedAt)));
  if (!unit) return { ok: false, field: 'unitId', error: 'registration.unitNotAvailable' };
  const passwordHash = await hashPassword(input.password);
  await ctx.db.transaction(async (tx) => {
    const write = { db: tx, clock: ctx.clock };
    const [existing] = await tx.select({ language: users.language }).from(users).where(eq(users.email, email));
    if (existing) {
      await enqueueTemplatedEmail(write, { email, language: existing.language }, 'registrationExists', {
        signInUrl: `${baseUrl}/login`,
        resetUrl: `${baseUrl}/forgot-password`,
      });
      return;
    }
    const [user] = await tx
      .insert(users)
      .values({ email, name: input.name.trim(), passwordHash, language: input.language, status: 'unverified' })
      .returning({ id: users.id });
    await tx.insert(roleAssignments).values({ userId: user!.id, role: 'trainer', organisationId: unit.organisationId, unitId: unit.id });
    const token = await issueToken(tx, ctx.clock, 'email_verification', user!.id);
    await enqueueTemplatedEmail(write, { email, language: input.language }, 'verifyEmail', {
      name: input.name.trim(),
      url: `${baseUrl}/verify-email?token=${token}`,
    });
    await writeAudit(tx, ctx.clock, {
      action: 'account.registered',
      actorUserId: user!.id,
      targetType: 'user',
      targetId: user!.id,
      organisationId: unit.organisationId,
      details: { unitId: unit.id },
    });
  });
  return { ok: true };
}
