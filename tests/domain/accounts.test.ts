import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptInvitation } from '../../server/access/accept-invitation';
import { decideRegistration } from '../../server/access/decide-registration';
import { inviteUser } from '../../server/access/invite';
import { requestPasswordReset, resetPassword } from '../../server/access/password-reset';
import { registerTrainer } from '../../server/access/register';
import { resolveSession } from '../../server/access/sessions';
import { setUserActive } from '../../server/access/set-user-active';
import { signIn } from '../../server/access/sign-in';
import { clearThrottle } from '../../server/access/throttle';
import { verifyEmail } from '../../server/access/verify-email';
import { AdjustableClock } from '../../server/clock';
import type { DatabaseHandle } from '../../server/db/client';
import { auditLog, roleAssignments, units, users } from '../../server/db/schema';
import { demoPassword, seedDemoData } from '../../server/seed/demo';
import { openTestDatabase } from '../support/database';
import { actorByEmail, demoOrgA, demoOrgB, organisationIdByName, unitByName } from '../support/demo';
import { emailsTo, lastLinkToken } from '../support/outbox';

let handle: DatabaseHandle;
const clock = new AdjustableClock();
const base = 'http://sivis.test';
let orgA: string;
let orgB: string;
const start = new Date('2026-03-02T08:00:00Z');

beforeAll(async () => {
  handle = await openTestDatabase();
  await seedDemoData(handle.db);
  orgA = await organisationIdByName(handle.db, demoOrgA);
  orgB = await organisationIdByName(handle.db, demoOrgB);
  clock.set(start, { frozen: true });
});
afterAll(() => handle.close());

const ctx = () => ({ db: handle.db, clock });
const as = async (email: string) => ({ ...ctx(), actor: await actorByEmail(handle.db, email) });
const later = (ms: number) => clock.set(new Date(clock.now().getTime() + ms), { frozen: true });
const statusOf = async (email: string) => (await handle.db.select({ s: users.status }).from(users).where(eq(users.email, email)))[0]?.s;
const attempt = (email: string, password: string, ip = '10.0.0.1') =>
  signIn(ctx(), { email, password, userAgent: 'test', ip, sessionTtlHours: 12 });
const newPassword = 'uusi-salasana-2027';

async function register(email: string, unitName = 'Revontulten yhdistys') {
  const unit = await unitByName(handle.db, unitName);
  return registerTrainer(ctx(), { name: 'Uusi Kouluttaja', email, password: newPassword, unitId: unit.id, language: 'fi' }, base);
}

describe('self-registration', () => {
  it('creates an unverified trainer and emails a verification link', async () => {
    expect(await register('uusi@example.fi')).toEqual({ ok: true });
    expect(await statusOf('uusi@example.fi')).toBe('unverified');
    const [email] = await emailsTo(handle.db, 'uusi@example.fi');
    expect(email!.bodyText).toContain(`${base}/verify-email?token=`);
    expect(await attempt('uusi@example.fi', newPassword)).toEqual({ ok: false, reason: 'unverified' });
    expect(await attempt('uusi@example.fi', 'wrong-password')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('answers the same for an address that has an account, and tells its owner by email', async () => {
    const before = await handle.db.select().from(users);
    expect(await register('kouluttaja2@kll.example')).toEqual({ ok: true });
    expect(await handle.db.select().from(users)).toHaveLength(before.length);
    const [email] = await emailsTo(handle.db, 'kouluttaja2@kll.example');
    expect(email!.bodyText).toContain(`${base}/forgot-password`);
  });

  it('refuses a unit that does not train with the centre', async () => {
    const unit = await unitByName(handle.db, 'Saariston yhdistys');
    await handle.db.update(units).set({ trainsWithCentre: false }).where(eq(units.id, unit.id));
    expect(await register('toinen@example.fi', 'Saariston yhdistys')).toEqual({ ok: false, field: 'unitId', error: 'registration.unitNotAvailable' });
    await handle.db.update(units).set({ trainsWithCentre: true }).where(eq(units.id, unit.id));
  });

  it('verifies once; the account then waits and the organisation’s admin is emailed', async () => {
    const token = await lastLinkToken(handle.db, 'uusi@example.fi');
    expect(await verifyEmail(ctx(), token, base)).toMatchObject({ ok: true });
    expect(await verifyEmail(ctx(), token, base)).toEqual({ ok: false, reason: 'used' });
    expect(await statusOf('uusi@example.fi')).toBe('pending');
    const [toAdmin] = await emailsTo(handle.db, 'paakayttaja@kll.example');
    expect(toAdmin!.bodyText).toContain(`${base}/organisations/${orgA}/users?status=pending`);
    expect(await attempt('uusi@example.fi', newPassword)).toEqual({ ok: false, reason: 'pending' });
  });

  it('lets a verification link expire after 48 hours', async () => {
    await register('myohassa@example.fi');
    const token = await lastLinkToken(handle.db, 'myohassa@example.fi');
    later(48 * 3_600_000 + 1000);
    expect(await verifyEmail(ctx(), token, base)).toEqual({ ok: false, reason: 'expired' });
  });

  it('lets centre staff approve only where the organisation has no admin', async () => {
    const [user] = await handle.db.select({ id: users.id }).from(users).where(eq(users.email, 'uusi@example.fi'));
    const staff = await as('asiantuntija@sivis.example');
    expect(await decideRegistration(staff, { organisationId: orgA, userId: user!.id, approve: true, reason: '' }, base)).toMatchObject({
      ok: false,
      error: 'forbidden',
    });
  });

  it('is approved by the org admin, who emails the person; then they sign in', async () => {
    const [user] = await handle.db.select({ id: users.id }).from(users).where(eq(users.email, 'uusi@example.fi'));
    const admin = await as('paakayttaja@kll.example');
    expect(await decideRegistration(admin, { organisationId: orgA, userId: user!.id, approve: true, reason: '' }, base)).toEqual({ ok: true });
    expect((await emailsTo(handle.db, 'uusi@example.fi'))[0]!.subject).toMatch(/hyväksytty/);
    expect((await attempt('uusi@example.fi', newPassword)).ok).toBe(true);
    expect(await decideRegistration(admin, { organisationId: orgA, userId: user!.id, approve: false, reason: '' }, base)).toMatchObject({
      error: 'conflict',
    });
    expect(await decideRegistration(admin, { organisationId: orgB, userId: user!.id, approve: true, reason: '' }, base)).toEqual({
      ok: false,
      error: 'notFound',
    });
  });

  it('goes to centre staff where the organisation has no admin, and a rejection is emailed with its reason', async () => {
    await handle.db.update(users).set({ status: 'deactivated' }).where(eq(users.email, 'paakayttaja@kyk.example'));
    await register('kyk-uusi@example.fi', 'Rannikon kuoroyhdistys');
    await verifyEmail(ctx(), await lastLinkToken(handle.db, 'kyk-uusi@example.fi'), base);
    expect((await emailsTo(handle.db, 'admin@sivis.example')).some((e) => e.bodyText.includes(orgB))).toBe(true);
    const [user] = await handle.db.select({ id: users.id }).from(users).where(eq(users.email, 'kyk-uusi@example.fi'));
    const staff = await as('asiantuntija@sivis.example');
    expect(await decideRegistration(staff, { organisationId: orgB, userId: user!.id, approve: false, reason: 'Väärä yhdistys' }, base)).toEqual({ ok: true });
    expect(await statusOf('kyk-uusi@example.fi')).toBe('rejected');
    expect((await emailsTo(handle.db, 'kyk-uusi@example.fi'))[0]!.bodyText).toContain('Väärä yhdistys');
    await handle.db.update(users).set({ status: 'active' }).where(eq(users.email, 'paakayttaja@kyk.example'));
  });
});

describe('invitations', () => {
  it('creates an invited account whose emailed link sets the password once', async () => {
    const admin = await as('paakayttaja@kll.example');
    const unit = await unitByName(handle.db, 'Tunturin yhdistys');
    expect(await inviteUser(admin, { organisationId: orgA, email: 'Kutsuttu@Example.fi', name: 'Kutsuttu Henkilö', unitId: unit.id, role: 'unit_coordinator' }, base)).toEqual({
      ok: true,
      newAccount: true,
    });
    expect(await statusOf('kutsuttu@example.fi')).toBe('invited');
    const token = await lastLinkToken(handle.db, 'kutsuttu@example.fi');
    expect(await acceptInvitation(ctx(), { token, password: newPassword })).toMatchObject({ ok: true });
    expect(await acceptInvitation(ctx(), { token, password: 'toinen-salasana-1' })).toEqual({ ok: false, reason: 'used' });
    expect((await attempt('kutsuttu@example.fi', newPassword)).ok).toBe(true);
  });

  it('expires after 14 days', async () => {
    const admin = await as('paakayttaja@kll.example');
    const unit = await unitByName(handle.db, 'Tunturin yhdistys');
    await inviteUser(admin, { organisationId: orgA, email: 'hidas@example.fi', name: 'Hidas', unitId: unit.id, role: 'trainer' }, base);
    const token = await lastLinkToken(handle.db, 'hidas@example.fi');
    later(14 * 24 * 3_600_000 + 1000);
    expect(await acceptInvitation(ctx(), { token, password: newPassword })).toEqual({ ok: false, reason: 'expired' });
  });

  it('gives an existing account the role and tells them; refuses a role they already have', async () => {
    const admin = await as('paakayttaja@kll.example');
    const unit = await unitByName(handle.db, 'Saariston yhdistys');
    const input = { organisationId: orgA, email: 'kouluttaja1@kll.example', name: 'x', unitId: unit.id, role: 'trainer' as const };
    expect(await inviteUser(admin, input, base)).toEqual({ ok: true, newAccount: false });
    expect((await emailsTo(handle.db, 'kouluttaja1@kll.example'))[0]!.bodyText).toContain('Saariston yhdistys');
    expect(await inviteUser(admin, input, base)).toEqual({ ok: false, field: 'email', error: 'invitation.alreadyHasRole' });
  });

  it('refuses a unit of another organisation', async () => {
    const admin = await as('paakayttaja@kll.example');
    const foreign = await unitByName(handle.db, 'Rannikon kuoroyhdistys');
    expect(await inviteUser(admin, { organisationId: orgA, email: 'x@example.fi', name: 'x', unitId: foreign.id, role: 'trainer' }, base)).toMatchObject({
      ok: false,
      field: 'unitId',
    });
  });
});

describe('forgotten password', () => {
  it('emails nothing for an unknown address or a participant, yet answers the same', async () => {
    await requestPasswordReset(ctx(), { email: 'ei-ole@example.fi', ip: null }, base);
    await requestPasswordReset(ctx(), { email: 'osallistuja1@kll.example', ip: null }, base);
    expect(await emailsTo(handle.db, 'ei-ole@example.fi')).toHaveLength(0);
    expect(await emailsTo(handle.db, 'osallistuja1@kll.example')).toHaveLength(0);
  });

  it('resets once with the emailed link, ends every session, and the link expires in an hour', async () => {
    const before = await attempt('kouluttaja2@kll.example', demoPassword);
    if (!before.ok) throw new Error('sign-in failed');
    await requestPasswordReset(ctx(), { email: 'KOULUTTAJA2@kll.example', ip: null }, base);
    const token = await lastLinkToken(handle.db, 'kouluttaja2@kll.example');
    expect(await resetPassword(ctx(), { token, password: newPassword, ip: null })).toMatchObject({ ok: true });
    expect(await resetPassword(ctx(), { token, password: 'kolmas-salasana-1', ip: null })).toEqual({ ok: false, reason: 'used' });
    expect(await resolveSession(ctx(), before.token)).toBeNull();
    expect((await attempt('kouluttaja2@kll.example', newPassword)).ok).toBe(true);

    await requestPasswordReset(ctx(), { email: 'kouluttaja2@kll.example', ip: null }, base);
    const stale = await lastLinkToken(handle.db, 'kouluttaja2@kll.example');
    later(3_600_000 + 1000);
    expect(await resetPassword(ctx(), { token: stale, password: 'kolmas-salasana-1', ip: null })).toEqual({ ok: false, reason: 'expired' });
  });
});

/** Ten wrong passwords, each after the wait the slow-down asks for. */
async function failUntilBlocked(email: string) {
  for (let n = 0; n < 10; n++) {
    if (n >= 5) later(30_000 * 2 ** (n - 5));
    expect(await attempt(email, 'wrong-password')).toEqual({ ok: false, reason: 'invalid' });
  }
}

describe('sign-in throttling', () => {
  it('slows an account down after 5 failures and blocks it after 10, with an audit row', async () => {
    const email = 'yhteyshenkilo@kll.example';
    for (let i = 0; i < 5; i++) expect(await attempt(email, 'wrong-password')).toEqual({ ok: false, reason: 'invalid' });
    expect(await attempt(email, demoPassword)).toEqual({ ok: false, reason: 'throttled', blocked: false, retryAfterSeconds: 30 });
    const [audit] = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'auth.signInThrottled'));
    expect(audit!.details).toMatchObject({ email, scope: 'account', blocked: false });
    later(29_000);
    expect(await attempt(email, demoPassword)).toMatchObject({ reason: 'throttled', retryAfterSeconds: 1 });
    later(60 * 60_000);
    await failUntilBlocked(email);
    expect(await attempt(email, demoPassword)).toEqual({ ok: false, reason: 'throttled', blocked: true, retryAfterSeconds: 900 });
    later(15 * 60_000 + 1000);
    expect((await attempt(email, demoPassword)).ok).toBe(true);
  });

  it('can be unblocked by staff at once', async () => {
    const email = 'yhteyshenkilo@kyk.example';
    await failUntilBlocked(email);
    expect(await attempt(email, demoPassword)).toMatchObject({ reason: 'throttled', blocked: true });
    expect(await clearThrottle(handle.db, 'account', email)).toBeGreaterThan(0);
    expect((await attempt(email, demoPassword)).ok).toBe(true);
  });

  it('slows an address down after 20 failures whatever the accounts', async () => {
    for (let i = 0; i < 20; i++) await attempt(`kokeilu${i}@example.fi`, 'x', '192.0.2.7');
    expect(await attempt('admin@sivis.example', demoPassword, '192.0.2.7')).toMatchObject({ reason: 'throttled', blocked: false });
    expect((await attempt('admin@sivis.example', demoPassword, '192.0.2.8')).ok).toBe(true);
  });
});

describe('deactivation', () => {
  it('ends the user’s sessions at once and stops sign-in; reactivation restores it', async () => {
    const session = await attempt('kouluttaja3@kll.example', demoPassword);
    if (!session.ok) throw new Error('sign-in failed');
    const admin = await as('paakayttaja@kll.example');
    const target = await actorByEmail(handle.db, 'kouluttaja3@kll.example');
    expect(await setUserActive(admin, { organisationId: orgA, userId: target.userId, active: false })).toEqual({ ok: true });
    expect(await resolveSession(ctx(), session.token)).toBeNull();
    expect(await attempt('kouluttaja3@kll.example', demoPassword)).toEqual({ ok: false, reason: 'invalid' });
    expect(await setUserActive(admin, { organisationId: orgA, userId: target.userId, active: false })).toMatchObject({ error: 'conflict' });
    expect(await setUserActive(admin, { organisationId: orgA, userId: target.userId, active: true })).toEqual({ ok: true });
    expect((await attempt('kouluttaja3@kll.example', demoPassword)).ok).toBe(true);
  });

  it('refuses one’s own account, and an org admin for someone with roles elsewhere', async () => {
    const admin = await as('paakayttaja@kll.example');
    expect(await setUserActive(admin, { organisationId: orgA, userId: admin.actor.userId, active: false })).toMatchObject({ error: 'forbidden' });
    const shared = await actorByEmail(handle.db, 'kouluttaja1@kyk.example');
    const unit = await unitByName(handle.db, 'Tunturin yhdistys');
    await handle.db.insert(roleAssignments).values({ userId: shared.userId, role: 'trainer', organisationId: orgA, unitId: unit.id });
    expect(await setUserActive(admin, { organisationId: orgA, userId: shared.userId, active: false })).toEqual({
      ok: false,
      error: 'forbidden',
      message: 'users.hasOtherOrganisations',
    });
    const staff = await as('asiantuntija@sivis.example');
    expect(await setUserActive(staff, { organisationId: orgA, userId: shared.userId, active: false })).toEqual({ ok: true });
    await handle.db.delete(roleAssignments).where(and(eq(roleAssignments.userId, shared.userId), eq(roleAssignments.organisationId, orgA)));
    await handle.db.update(users).set({ status: 'active' }).where(eq(users.id, shared.userId));
  });
});
