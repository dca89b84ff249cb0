import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationProfileSchema, ownOrganisationProfileSchema } from '../../app/forms/organisation';
import { validateForm } from '../../app/forms/validation';
import { AdjustableClock } from '../../server/clock';
import type { DatabaseHandle } from '../../server/db/client';
import { auditLog, organisations } from '../../server/db/schema';
import { normaliseIban } from '../../server/organisations/bank-account';
import { getOrganisationProfile, updateOrganisationProfile } from '../../server/organisations/profile';
import { seedDemoData } from '../../server/seed/demo';
import { openTestDatabase } from '../support/database';
import { actorByEmail, demoOrgA, demoOrgB, organisationIdByName } from '../support/demo';

let handle: DatabaseHandle;
const clock = new AdjustableClock();
let orgA: string;

const valid = {
  name: 'Kansanliikkeiden Liitto ry',
  businessId: '0737546-2',
  streetAddress: 'Harjoituskatu 5 B',
  postalCode: '00100',
  city: 'Helsinki',
  contactName: 'Kaija Kuvitelma',
  contactEmail: 'Kaija@Example.fi',
  contactPhone: '+358 40 123 4567',
  website: 'https://www.example.fi',
  iban: 'FI21 1234 5600 0007 85',
  bic: 'nDEAFIHH',
  membershipStart: '2019-01-01',
  internalRules: 'Piirit kouluttavat.\n\nYhdistykset hakevat tunnuksia piirin kautta.',
};

beforeAll(async () => {
  handle = await openTestDatabase();
  await seedDemoData(handle.db);
  orgA = await organisationIdByName(handle.db, demoOrgA);
  clock.set(new Date('2026-04-01T09:00:00Z'), { frozen: true });
});
afterAll(() => handle.close());

const as = async (email: string) => ({ db: handle.db, clock, actor: await actorByEmail(handle.db, email) });
const fields = (values: Record<string, string>) => Object.entries(values);

describe('profile validation', () => {
  it('accepts a complete, valid profile', () => {
    expect(validateForm(ownOrganisationProfileSchema, fields(valid)).ok).toBe(true);
  });

  it.each([
    ['businessId', '0737546-3', 'profile.invalidBusinessId'],
    ['businessId', '737546-2', 'profile.invalidBusinessId'],
    ['iban', 'FI21 1234 5600 0007 86', 'profile.invalidIban'],
    ['iban', 'not an iban', 'profile.invalidIban'],
    ['bic', 'NDEA', 'profile.invalidBic'],
    ['bic', '', 'profile.bicRequired'],
    // Support is paid to it: a Finnish IBAN with a German bank's BIC could not be paid.
    ['bic', 'DEUTDEFF', 'profile.bicCountry'],
    ['postalCode', '0010', 'profile.invalidPostalCode'],
    ['contactPhone', 'call me', 'profile.invalidPhone'],
    ['website', 'www.example.fi', 'profile.invalidWebsite'],
    ['website', 'javascript:alert(1)', 'profile.invalidWebsite'],
    ['contactEmail', 'kaija@', 'forms.invalidEmail'],
    ['membershipStart', '1.1.2019', 'profile.invalidDate'],
  ])('refuses %s = %j with %s', (field, value, key) => {
    expect(validateForm(ownOrganisationProfileSchema, fields({ ...valid, [field]: value }))).toMatchObject({ ok: false, errors: { [field]: { key } } });
  });

  it('gives only centre staff’s form the centre contact field', () => {
    expect(validateForm(ownOrganisationProfileSchema, fields({ ...valid, centreContactUserId: '' }))).toMatchObject({
      errors: { _form: { key: 'forms.unknownField' } },
    });
    expect(validateForm(organisationProfileSchema, fields({ ...valid, centreContactUserId: '' })).ok).toBe(true);
  });

  it('stores IBANs in compact form', () => {
    expect(normaliseIban('fi21 1234 5600 0007 85')).toBe('FI2112345600000785');
  });
});

describe('saving the profile', () => {
  it('saves, audits only the changed fields with before and after, and records who changed it', async () => {
    const admin = await as('paakayttaja@kll.example');
    const parsed = validateForm(ownOrganisationProfileSchema, fields(valid));
    if (!parsed.ok) throw new Error('invalid');
    const result = await updateOrganisationProfile(admin, orgA, parsed.data, { mayChooseCentreContact: false });
    expect(result.ok).toBe(true);
    const profile = await getOrganisationProfile(admin, orgA);
    expect(profile).toMatchObject({ iban: 'FI2112345600000785', bic: 'NDEAFIHH', contactEmail: 'kaija@example.fi', updatedByName: admin.actor.name });
    const [audit] = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'organisation.profileUpdated')).orderBy(desc(auditLog.id));
    expect(audit!.details).toMatchObject({ before: { city: '' }, after: { city: 'Helsinki' } });
    expect(Object.keys((audit!.details as { after: object }).after)).not.toContain('name');

    const again = await updateOrganisationProfile(admin, orgA, parsed.data, { mayChooseCentreContact: false });
    expect(again).toEqual({ ok: true, changed: [] });
  });

  it('refuses a business ID another organisation has', async () => {
    const admin = await as('paakayttaja@kll.example');
    const [other] = await handle.db.select().from(organisations).where(eq(organisations.id, await organisationIdByName(handle.db, demoOrgB)));
    const parsed = validateForm(ownOrganisationProfileSchema, fields({ ...valid, businessId: other!.businessId }));
    if (!parsed.ok) throw new Error('invalid');
    expect(await updateOrganisationProfile(admin, orgA, parsed.data, { mayChooseCentreContact: false })).toEqual({
      ok: false,
      field: 'businessId',
      error: 'profile.businessIdTaken',
    });
  });

  it('lets centre staff name the centre contact, only from centre staff', async () => {
    const staff = await as('asiantuntija@sivis.example');
    const base = validateForm(organisationProfileSchema, fields({ ...valid, centreContactUserId: staff.actor.userId }));
    if (!base.ok) throw new Error('invalid');
    expect((await updateOrganisationProfile(staff, orgA, base.data, { mayChooseCentreContact: true })).ok).toBe(true);
    expect((await getOrganisationProfile(staff, orgA))!.centreContact).toMatchObject({ id: staff.actor.userId });
    const trainer = await actorByEmail(handle.db, 'kouluttaja1@kll.example');
    expect(await updateOrganisationProfile(staff, orgA, { ...base.data, centreContactUserId: trainer.userId }, { mayChooseCentreContact: true })).toMatchObject({
      ok: false,
      field: 'centreContactUserId',
    });
  });

  it('keeps an ended organisation read-only', async () => {
    await handle.db.update(organisations).set({ endedAt: clock.now() }).where(eq(organisations.id, orgA));
    const admin = await as('paakayttaja@kll.example');
    const parsed = validateForm(ownOrganisationProfileSchema, fields({ ...valid, city: 'Espoo' }));
    if (!parsed.ok) throw new Error('invalid');
    expect(await updateOrganisationProfile(admin, orgA, parsed.data, { mayChooseCentreContact: false })).toMatchObject({ ok: false, error: 'profile.membershipEnded' });
    await handle.db.update(organisations).set({ endedAt: null }).where(eq(organisations.id, orgA));
  });
});
