import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeOwnPassword } from '../../server/access/change-password';
import { resolveSession } from '../../server/access/sessions';
import { signIn, signOut } from '../../server/access/sign-in';
import { AdjustableClock } from '../../server/clock';
import type { DatabaseHandle } from '../../server/db/client';
import { auditLog, emailOutbox, users } from '../../server/db/schema';
import { demoPassword, seedDemoData } from '../../server/seed/demo';
import { openTestDatabase } from '../support/database';

let handle: DatabaseHandle;
const clock = new AdjustableClock();

beforeAll(async () => {
  handle = await openTestDatabase();
  await seedDemoData(handle.db);
});
afterAll(() => handle.close());

const ctx = () => ({ db: handle.db, clock });
const attempt = (email: string, password: string) =>
  signIn(ctx(), { email, password, userAgent: 'test', ip: '127.0.0.1', sessionTtlHours: 12 });
const lastAudit = async () => (await handle.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0];

describe('signing in', () => {
  it('accepts the right password, whatever the email’s case, and audits it', async () => {
    const result = await attempt('Paakayttaja@KLL.example', demoPassword);
    expect(result.ok).toBe(true);
    expect(await lastAudit()).toMatchObject({ action: 'auth.signIn' });
  });

  it('refuses a wrong password and an unknown email alike, and audits the failure', async () => {
    expect(await attempt('paakayttaja@kll.example', 'wrong-password')).toEqual({ ok: false, reason: 'invalid' });
    expect(await lastAudit()).toMatchObject({ action: 'auth.signInFailed', details: { reason: 'wrongPassword' } });
    expect(await attempt('nobody@nowhere.example', demoPassword)).toEqual({ ok: false, reason: 'invalid' });
    expect(await lastAudit()).toMatchObject({ action: 'auth.signInFailed', actorUserId: null });
  });

  it('refuses a deactivated account', async () => {
    await handle.db.update(users).set({ status: 'deactivated' }).where(eq(users.email, 'kouluttaja3@kll.example'));
    expect(await attempt('kouluttaja3@kll.example', demoPassword)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses participants, who have no password', async () => {
    expect(await attempt('osallistuja1@kll.example', '')).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('sessions', () => {
  it('expire after their lifetime', async () => {
    clock.set(new Date('2026-03-01T10:00:00Z'), { frozen: true });
    const result = await attempt('admin@sivis.example', demoPassword);
    if (!result.ok) throw new Error('sign-in failed');
    clock.set(new Date('2026-03-01T21:59:00Z'), { frozen: true });
    expect(await resolveSession(ctx(), result.token)).not.toBeNull();
    clock.set(new Date('2026-03-01T22:00:01Z'), { frozen: true });
    expect(await resolveSession(ctx(), result.token)).toBeNull();
    clock.reset();
  });

  it('end at sign-out', async () => {
    const result = await attempt('admin@sivis.example', demoPassword);
    if (!result.ok) throw new Error('sign-in failed');
    await signOut(ctx(), result.token, null);
    expect(await resolveSession(ctx(), result.token)).toBeNull();
    expect(await lastAudit()).toMatchObject({ action: 'auth.signOut' });
  });
});

describe('changing one’s own password', () => {
  it('needs the current password', async () => {
    const first = await attempt('asiantuntija@sivis.example', demoPassword);
    if (!first.ok) throw new Error('sign-in failed');
    const session = (await resolveSession(ctx(), first.token))!;
    const result = await changeOwnPassword(
      { ...ctx(), actor: session.actor },
      { currentPassword: 'not-it', newPassword: 'uusi-salasana-123', keepSessionTokenHash: session.tokenHash, ip: null },
    );
    expect(result).toEqual({ ok: false, field: 'currentPassword', error: 'wrongCurrent' });
  });

  it('changes it, ends the other sessions, audits and emails the user in their language', async () => {
    await handle.db.update(users).set({ language: 'sv' }).where(eq(users.email, 'asiantuntija@sivis.example'));
    const here = await attempt('asiantuntija@sivis.example', demoPassword);
    const elsewhere = await attempt('asiantuntija@sivis.example', demoPassword);
    if (!here.ok || !elsewhere.ok) throw new Error('sign-in failed');
    const session = (await resolveSession(ctx(), here.token))!;
    const result = await changeOwnPassword(
      { ...ctx(), actor: session.actor },
      { currentPassword: demoPassword, newPassword: 'uusi-salasana-123', keepSessionTokenHash: session.tokenHash, ip: null },
    );
    expect(result).toEqual({ ok: true });
    expect(await resolveSession(ctx(), here.token)).not.toBeNull();
    expect(await resolveSession(ctx(), elsewhere.token)).toBeNull();
    expect((await attempt('asiantuntija@sivis.example', demoPassword)).ok).toBe(false);
    expect((await attempt('asiantuntija@sivis.example', 'uusi-salasana-123')).ok).toBe(true);
    const [email] = await handle.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'asiantuntija@sivis.example'));
    expect(email).toMatchObject({ status: 'pending' });
    expect(email!.subject).toMatch(/lösenord/i);
    const audits = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'auth.passwordChanged'));
    expect(audits).toHaveLength(1);
  });
});
