import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toHundredths } from '../../app/forms/centre';
import { AdjustableClock } from '../../server/clock';
import { getCentreSettings, updateCentreSettings } from '../../server/centre/settings';
import { defaultSupportRules, saveSupportRules, supportRulesFor } from '../../server/centre/support-rules';
import type { DatabaseHandle } from '../../server/db/client';
import { auditLog, organisations, roleAssignments, users } from '../../server/db/schema';
import { createOrganisation, endMembership, isMembershipEnded } from '../../server/organisations/membership';
import { seedDemoData } from '../../server/seed/demo';
import { openTestDatabase } from '../support/database';
import { actorByEmail } from '../support/demo';
import { emailsTo } from '../support/outbox';

let handle: DatabaseHandle;
const clock = new AdjustableClock();
beforeAll(async () => {
  handle = await openTestDatabase();
  await seedDemoData(handle.db);
  clock.set(new Date('2026-05-05T10:00:00Z'), { frozen: true });
});
afterAll(() => handle.close());

const as = async (email: string) => ({ db: handle.db, clock, actor: await actorByEmail(handle.db, email) });

describe('support rules', () => {
  it('turns typed euros and hours into cents and hundredths without floating point', () => {
    expect(toHundredths('35')).toBe(3500);
    expect(toHundredths('35,5')).toBe(3550);
    expect(toHundredths('0.07')).toBe(7);
    expect(toHundredths('55,55')).toBe(5555);
  });

  it('uses the defaults for a year the centre has not set, and the saved rules once set', async () => {
    const ctx = await as('admin@sivis.example');
    expect(await supportRulesFor(ctx, 2031)).toEqual(defaultSupportRules(2031));
    await saveSupportRules(ctx, { ...defaultSupportRules(2031), hourlyRateCents: 3600 });
    expect((await supportRulesFor(ctx, 2031)).hourlyRateCents).toBe(3600);
    await saveSupportRules(ctx, { ...defaultSupportRules(2031), hourlyRateCents: 3700 });
    const [audit] = await handle.db.select().from(auditLog).where(eq(auditLog.targetId, '2031')).orderBy(auditLog.id).limit(1).offset(1);
    expect(audit!.details).toMatchObject({ before: { hourlyRateCents: 3600 }, after: { hourlyRateCents: 3700 } });
  });
});

describe('centre settings', () => {
  it('saves the centre’s details with a compact IBAN and audits before and after', async () => {
    const ctx = await as('admin@sivis.example');
    await updateCentreSettings(ctx, { name: 'Opintokeskus Sivis', businessId: '0737546-2', address: 'Esimerkkikatu 2', iban: 'FI21 1234 5600 0007 85', bic: 'ndeafihh' });
    expect(await getCentreSettings(ctx)).toMatchObject({ iban: 'FI2112345600000785', bic: 'NDEAFIHH', address: 'Esimerkkikatu 2' });
  });
});

describe('membership', () => {
  it('creates an organisation and invites its first admin by email', async () => {
    const ctx = await as('asiantuntija@sivis.example');
    const result = await createOrganisation(ctx, { name: 'Uusi Liitto ry', businessId: '1572860-0', adminEmail: 'eka@uusi.example', adminName: 'Eka Pääkäyttäjä' }, 'http://x');
    if (!result.ok) throw new Error('not created');
    const [user] = await handle.db.select().from(users).where(eq(users.email, 'eka@uusi.example'));
    expect(user).toMatchObject({ status: 'invited' });
    expect(await handle.db.select({ role: roleAssignments.role, organisationId: roleAssignments.organisationId }).from(roleAssignments).where(eq(roleAssignments.userId, user!.id))).toEqual([
      { role: 'org_admin', organisationId: result.organisationId },
    ]);
    expect((await emailsTo(handle.db, 'eka@uusi.example'))[0]!.bodyText).toContain('invitation?token=');
    expect(await createOrganisation(ctx, { name: 'Toinen', businessId: '1572860-0', adminEmail: 'toka@uusi.example', adminName: 'Toka' }, 'http://x')).toEqual({
      ok: false,
      field: 'businessId',
      error: 'profile.businessIdTaken',
    });
  });

  it('ends a membership once; the organisation stays', async () => {
    const ctx = await as('asiantuntija@sivis.example');
    const [organisation] = await handle.db.select().from(organisations).where(eq(organisations.name, 'Uusi Liitto ry'));
    expect(await endMembership(ctx, organisation!.id)).toBe(true);
    expect(await endMembership(ctx, organisation!.id)).toBe(false);
    expect(await isMembershipEnded(ctx, organisation!.id)).toBe(true);
  });
});
