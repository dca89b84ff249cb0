import { and, eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApplication, decideApplication, giveUpAdminRole, sha256, signApplication, verifySignature } from '../../server/admin-applications/applications';
import { passwordReauthentication } from '../../server/admin-applications/signing';
import { AdjustableClock } from '../../server/clock';
import type { DatabaseHandle } from '../../server/db/client';
import { adminApplications, auditLog, organisations, roleAssignments, signatureRecords } from '../../server/db/schema';
import { demoPassword, seedDemoData } from '../../server/seed/demo';
import { openTestDatabase } from '../support/database';
import { actorByEmail, demoOrgA, demoOrgB, organisationIdByName } from '../support/demo';
import { emailsTo } from '../support/outbox';

let handle: DatabaseHandle;
let orgA: string;
const clock = new AdjustableClock();
const base = 'http://sivis.test';

beforeAll(async () => {
  handle = await openTestDatabase();
  await seedDemoData(handle.db);
  orgA = await organisationIdByName(handle.db, demoOrgA);
  clock.set(new Date('2026-09-01T07:00:00Z'), { frozen: true });
});
afterAll(() => handle.close());

const as = async (email: string) => ({ db: handle.db, clock, actor: await actorByEmail(handle.db, email) });
const stored = async (id: string) => (await handle.db.select().from(adminApplications).where(eq(adminApplications.id, id)))[0]!;

describe('the admin application', () => {
  let applicationId: string;

  it('is started only by a member who is not yet an admin, once at a time, with its PDF stored', async () => {
    const trainer = await as('kouluttaja1@kll.example');
    const result = await createApplication(trainer, { organisationId: orgA, justification: 'Hoidan piirin koulutukset.' });
    if (!result.ok) throw new Error(result.error);
    applicationId = result.applicationId;
    const application = await stored(applicationId);
    const pdf = new Uint8Array(Buffer.from(application.reviewedPdf, 'base64'));
    expect(application.status).toBe('draft');
    expect(sha256(pdf)).toBe(application.reviewedSha256);
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(1);
    expect(await createApplication(trainer, { organisationId: orgA, justification: 'x' })).toEqual({ ok: false, error: 'adminApplication.openApplication' });
    expect(await createApplication(trainer, { organisationId: await organisationIdByName(handle.db, demoOrgB), justification: 'x' })).toEqual({
      ok: false,
      error: 'adminApplication.notMember',
    });
    expect(await createApplication(await as('paakayttaja@kll.example'), { organisationId: orgA, justification: 'x' })).toEqual({
      ok: false,
      error: 'adminApplication.alreadyAdmin',
    });
  });

  it('cannot be decided before it is signed', async () => {
    const staff = await as('asiantuntija@sivis.example');
    expect(await decideApplication(staff, { applicationId, approve: true, reason: '' }, base)).toEqual({ ok: false, error: 'adminApplication.wrongState' });
  });

  it('is signed only with the right password and the hash of what was reviewed', async () => {
    const trainer = await as('kouluttaja1@kll.example');
    const { reviewedSha256 } = await stored(applicationId);
    const sign = (input: Partial<{ reviewedSha256: string; password: string }>) =>
      signApplication(trainer, { applicationId, reviewedSha256, password: demoPassword, ip: '192.0.2.1', ...input }, passwordReauthentication, base);
    expect(await sign({ reviewedSha256: 'a'.repeat(64) })).toEqual({ ok: false, error: 'adminApplication.reviewedChanged' });
    expect(await sign({ password: 'wrong-password' })).toEqual({ ok: false, error: 'adminApplication.wrongPassword' });
    expect(await signApplication(await as('kouluttaja2@kll.example'), { applicationId, reviewedSha256, password: demoPassword, ip: null }, passwordReauthentication, base)).toEqual({
      ok: false,
      error: 'notFound',
    });
    expect(await sign({})).toEqual({ ok: true, applicationId });
    expect(await sign({})).toEqual({ ok: false, error: 'adminApplication.wrongState' });
    const [record] = await handle.db.select().from(signatureRecords).where(eq(signatureRecords.applicationId, applicationId));
    expect(record).toMatchObject({ method: 'password-reauthentication', sha256: reviewedSha256, ip: '192.0.2.1' });
    const signed = await PDFDocument.load(Buffer.from((await stored(applicationId)).signedPdf!, 'base64'));
    expect(signed.getPageCount()).toBe(2);
    expect((await emailsTo(handle.db, 'paakayttaja@kll.example'))[0]!.subject).toContain('Kansanliikkeiden Liitto ry');
  });

  it('fails verification when one byte of the stored PDF changes, and then cannot be approved', async () => {
    const staff = await as('asiantuntija@sivis.example');
    expect(await verifySignature(staff, applicationId)).toBe(true);
    const original = await stored(applicationId);
    const bytes = Buffer.from(original.reviewedPdf, 'base64');
    bytes[100] = bytes[100]! ^ 0x01;
    await handle.db.update(adminApplications).set({ reviewedPdf: bytes.toString('base64') }).where(eq(adminApplications.id, applicationId));
    expect(await verifySignature(staff, applicationId)).toBe(false);
    expect(await decideApplication(staff, { applicationId, approve: true, reason: '' }, base)).toEqual({ ok: false, error: 'adminApplication.tampered' });
    await handle.db.update(adminApplications).set({ reviewedPdf: original.reviewedPdf }).where(eq(adminApplications.id, applicationId));
  });

  it('is approved by staff: the applicant becomes org_admin, is emailed, and the history is audited', async () => {
    const staff = await as('asiantuntija@sivis.example');
    expect(await decideApplication(staff, { applicationId, approve: true, reason: '' }, base)).toEqual({ ok: true, applicationId });
    expect(await decideApplication(staff, { applicationId, approve: false, reason: 'x' }, base)).toEqual({ ok: false, error: 'adminApplication.wrongState' });
    const trainer = await actorByEmail(handle.db, 'kouluttaja1@kll.example');
    expect(trainer.grants.some((g) => g.role === 'org_admin' && g.organisationId === orgA)).toBe(true);
    expect((await emailsTo(handle.db, 'kouluttaja1@kll.example'))[0]!.subject).toMatch(/pääkäyttäjä/);
    const history = await handle.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, applicationId)).orderBy(auditLog.id);
    expect(history.map((h) => h.action)).toEqual(['adminApplication.created', 'adminApplication.signed', 'adminApplication.approved']);
  });
});

describe('giving up the admin role', () => {
  it('lets an admin leave when another admin remains, but not the last one; staff can override', async () => {
    const newAdmin = await as('kouluttaja1@kll.example');
    expect(await giveUpAdminRole(newAdmin, { organisationId: orgA, userId: newAdmin.actor.userId })).toMatchObject({ ok: true });
    const lastAdmin = await as('paakayttaja@kll.example');
    expect(await giveUpAdminRole(lastAdmin, { organisationId: orgA, userId: lastAdmin.actor.userId })).toEqual({ ok: false, error: 'adminApplication.lastAdmin' });
    expect(await giveUpAdminRole(lastAdmin, { organisationId: orgA, userId: newAdmin.actor.userId })).toEqual({ ok: false, error: 'notFound' });
    const staff = await as('asiantuntija@sivis.example');
    expect(await giveUpAdminRole(staff, { organisationId: orgA, userId: lastAdmin.actor.userId })).toMatchObject({ ok: true });
    const left = await handle.db
      .select()
      .from(roleAssignments)
      .where(and(eq(roleAssignments.organisationId, orgA), eq(roleAssignments.role, 'org_admin')));
    expect(left).toEqual([]);
    expect((await handle.db.select().from(organisations).where(eq(organisations.id, orgA))).length).toBe(1);
  });
});
