import { eq } from 'drizzle-orm';
import { SignJWT, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgeDecisionSchema } from '../../app/forms/badges';
import { applyForBadge, decideBadgeApplication } from '../../server/badges/applications';
import { bakePng, unbakePng } from '../../server/badges/baking';
import { bakedImage, getCredential, revokeCredential } from '../../server/badges/credentials';
import { createBadge, getBadge, modelsWithoutBadge, updateBadge } from '../../server/badges/definitions';
import { achievementDocument, issuerProfile } from '../../server/badges/documents';
import { publicKeys } from '../../server/badges/keys';
import { identityHash } from '../../server/badges/recipient';
import { signedStatusList, statusBitAt, statusListCredential } from '../../server/badges/status-list';
import { badgeUrls } from '../../server/badges/urls';
import { credentialOfPayload } from '../../server/badges/vc-jwt';
import { verifyBadge } from '../../server/badges/verify';
import { AdjustableClock } from '../../server/clock';
import type { DatabaseHandle } from '../../server/db/client';
import { auditLog, badgeCredentials, badges, trainingModelVersions } from '../../server/db/schema';
import { makeBadgePng, makeJpegFrame, makePng } from '../../server/organisations/sample-images';
import { correctResult, recordResults } from '../../server/register/results';
import { decodePart, expandStrictly, signatureHolds } from '../support/badges';
import { actorByEmail } from '../support/demo';
import { approvedModelVersion, modelDesign } from '../support/models';
import { emailsTo } from '../support/outbox';
import { endedTraining } from '../support/register';
import { trainingsTestDatabase } from '../support/trainings';

let handle: DatabaseHandle;
let orgA: string;
let aurora: string;
const clock = new AdjustableClock();
const links = { publicUrl: 'http://sivis.test' };
const urls = badgeUrls(links.publicUrl);
const adminEmail = 'paakayttaja@kll.example';
const as = async (email: string) => ({ db: handle.db, clock, actor: await actorByEmail(handle.db, email) });
const visitor = () => ({ db: handle.db, clock });
let adminBadgeId: string;
let credentialId: string;
let jwt: string;

beforeAll(async () => {
  ({ handle, orgA, aurora } = await trainingsTestDatabase(50_000));
  clock.set(new Date('2026-11-02T08:00:00Z'), { frozen: true });
  adminBadgeId = (await handle.db.select({ id: badges.id }).from(badges).where(eq(badges.awardedFor, 'application')))[0]!.id;
});
afterAll(() => handle.close());

describe('applying for the admin badge', () => {
  it('is for badges given by application, one open application at a time; a rejection tells the reason', async () => {
    const admin = await as(adminEmail);
    const applied = await applyForBadge(admin, { badgeId: adminBadgeId, organisationId: orgA, justification: 'Olen hoitanut pääkäyttäjän tehtäviä kaksi vuotta.' });
    if (!applied.ok) throw new Error(applied.error);
    expect(await applyForBadge(admin, { badgeId: adminBadgeId, organisationId: orgA, justification: 'Uudestaan' })).toEqual({ ok: false, error: 'badges.alreadyPending' });
    const staff = await as('asiantuntija@sivis.example');
    expect(await decideBadgeApplication(staff, { applicationId: applied.applicationId, approve: false, reason: 'Kerro tarkemmin tehtävistäsi.' }, links)).toEqual({ ok: true, credentialId: null });
    expect(await decideBadgeApplication(staff, { applicationId: applied.applicationId, approve: true, reason: '' }, links)).toEqual({ ok: false, error: 'badges.alreadyDecided' });
    const [rejection] = await emailsTo(handle.db, adminEmail);
    expect(rejection!.subject).toBe('Merkkihakemuksesi hylättiin: Sivisverkon pääkäyttäjä');
    expect(rejection!.bodyText).toContain('Kerro tarkemmin tehtävistäsi.');
    expect(badgeDecisionSchema.safeParse({ intent: 'reject', reason: '' }).success).toBe(false);
  });

  it('approved, issues a signed OpenBadgeCredential and emails its links', async () => {
    const admin = await as(adminEmail);
    const applied = await applyForBadge(admin, { badgeId: adminBadgeId, organisationId: orgA, justification: 'Olen jakanut tunnit ja hyväksynyt käyttäjät.' });
    if (!applied.ok) throw new Error(applied.error);
    const decided = await decideBadgeApplication(await as('asiantuntija@sivis.example'), { applicationId: applied.applicationId, approve: true, reason: '' }, links);
    if (!decided.ok || !decided.credentialId) throw new Error('not issued');
    credentialId = decided.credentialId;
    jwt = (await getCredential(handle.db, credentialId))!.credential.jwt;
    const [email] = await emailsTo(handle.db, adminEmail);
    expect(email!.subject).toBe('Sinulle on myönnetty osaamismerkki: Sivisverkon pääkäyttäjä');
    expect(email!.bodyText).toContain(`http://sivis.test/badges/credentials/${credentialId}/badge.png`);
    expect(email!.bodyText).toContain(`http://sivis.test/badges/credentials/${credentialId}/credential.jwt`);
    expect(await applyForBadge(admin, { badgeId: adminBadgeId, organisationId: orgA, justification: 'Kolmas kerta' })).toEqual({ ok: false, error: 'badges.alreadyHeld' });
    expect(await handle.db.select().from(auditLog).where(eq(auditLog.targetId, credentialId))).toMatchObject([{ action: 'badge.issued' }]);
  });
});

describe('the credential', () => {
  it('has the required fields and types of Open Badges 3.0 on the VC 2.0 data model, the email only hashed', async () => {
    const credential = decodePart(jwt, 1);
    expect(credential['@context']).toEqual(['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json']);
    expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(credential.id).toBe(`http://sivis.test/badges/credentials/${credentialId}`);
    expect(credential.issuer).toMatchObject({ id: 'http://sivis.test/badges/issuer', type: ['Profile'], name: 'Opintokeskus Sivis' });
    expect(credential.validFrom).toBe('2026-11-02T08:00:00.000Z');
    expect(credential.credentialSubject.type).toEqual(['AchievementSubject']);
    expect(credential.credentialSubject.achievement).toMatchObject({
      id: `http://sivis.test/badges/achievements/${adminBadgeId}`,
      type: ['Achievement'],
      name: 'Sivisverkon pääkäyttäjä',
      criteria: { narrative: expect.stringContaining('pääkäyttäjänä') },
      image: { id: `http://sivis.test/badges/achievements/${adminBadgeId}/image.png`, type: 'Image' },
    });
    const [identity] = credential.credentialSubject.identifier;
    expect(identity).toMatchObject({ type: 'IdentityObject', identityType: 'emailAddress', hashed: true, salt: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(identity.identityHash).toBe(identityHash(adminEmail, identity.salt));
    expect(JSON.stringify(credential)).not.toContain(adminEmail);
    expect(credential.credentialStatus).toMatchObject({ type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListCredential: 'http://sivis.test/badges/status/0' });
    expect(credential).toMatchObject({ iss: urls.issuer, jti: credential.id, nbf: Date.parse('2026-11-02T08:00:00Z') / 1000 });
    expect(decodePart(jwt, 0)).toEqual({ alg: 'EdDSA', typ: 'JWT', kid: `http://sivis.test/badges/keys/${(await publicKeys(handle.db))[0]!.keyId}` });
    // Every term of the credential (without the JWT's claims) is defined by the shipped contexts: safe-mode expansion drops none.
    const expanded = await expandStrictly(credentialOfPayload(credential));
    expect(JSON.stringify(expanded)).toContain('https://purl.imsglobal.org/spec/vc/ob/vocab.html#OpenBadgeCredential');
  });

  it('verifies with Node crypto against the JWK published in the issuer profile; one changed byte does not', async () => {
    const profile = issuerProfile(urls, { name: 'Opintokeskus Sivis', url: links.publicUrl }, await publicKeys(handle.db));
    await expandStrictly(profile);
    await expandStrictly(achievementDocument((await getBadge(handle.db, adminBadgeId))!, urls, 'Opintokeskus Sivis', 'sv'));
    const method = profile.verificationMethod.find((m) => m.id === decodePart(jwt, 0).kid)!;
    expect(method).toMatchObject({ type: 'JsonWebKey', controller: urls.issuer, publicKeyJwk: { kty: 'OKP', crv: 'Ed25519' } });
    expect(method.publicKeyJwk).not.toHaveProperty('d');
    expect(signatureHolds(jwt, method.publicKeyJwk)).toBe(true);
    const [header, payload, signature] = jwt.split('.');
    const claims = decodePart(jwt, 1);
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, name: 'Väärennetty merkki' })).toString('base64url')}.${signature}`;
    expect(signatureHolds(tampered, method.publicKeyJwk)).toBe(false);
    expect(await verifyBadge(visitor(), { jwt: tampered }, null, links)).toEqual({ status: 'notGenuine', reason: 'badSignature' });
    expect(payload).toBeTruthy();
  });

  it('is genuine when verified, with or without the right email; one signed by another key is not', async () => {
    expect(await verifyBadge(visitor(), { jwt }, adminEmail.toUpperCase(), links)).toEqual({
      status: 'genuine',
      issuerName: 'Opintokeskus Sivis',
      badgeName: 'Sivisverkon pääkäyttäjä',
      issuedAt: '2026-11-02T08:00:00.000Z',
      credentialUrl: `http://sivis.test/badges/credentials/${credentialId}`,
      recipient: 'matches',
    });
    expect(await verifyBadge(visitor(), { jwt }, 'joku.muu@example.test', links)).toMatchObject({ status: 'genuine', recipient: 'differs' });
    expect(await verifyBadge(visitor(), { jwt }, null, links)).toMatchObject({ recipient: 'notChecked' });
    const stranger = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const forged = await new SignJWT(decodePart(jwt, 1)).setProtectedHeader({ ...decodePart(jwt, 0) }).sign(stranger.privateKey);
    expect(await verifyBadge(visitor(), { jwt: forged }, null, links)).toEqual({ status: 'notGenuine', reason: 'badSignature' });
    const otherKid = await new SignJWT(decodePart(jwt, 1)).setProtectedHeader({ alg: 'EdDSA', kid: `${urls.issuer}#vieras` }).sign(stranger.privateKey);
    expect(await verifyBadge(visitor(), { jwt: otherKid }, null, links)).toEqual({ status: 'notGenuine', reason: 'unknownKey' });
    expect(await verifyBadge(visitor(), { jwt: 'ei merkki' }, null, links)).toEqual({ status: 'notGenuine', reason: 'notACredential' });
    // The issuer signs its status list too: genuinely signed, but no badge.
    expect(await verifyBadge(visitor(), { jwt: await signedStatusList(visitor(), urls, 0) }, null, links)).toEqual({ status: 'notGenuine', reason: 'notACredential' });
  });

  it('baked into the badge image, comes out unchanged and verifies from the image', async () => {
    const png = (await bakedImage(handle.db, credentialId))!;
    expect(unbakePng(png)).toBe(jwt);
    expect(unbakePng(bakePng(png, 'toinen'))).toBe('toinen');
    expect(await verifyBadge(visitor(), { png }, adminEmail, links)).toMatchObject({ status: 'genuine', recipient: 'matches' });
    expect(await verifyBadge(visitor(), { png: makePng(20, 20) }, null, links)).toEqual({ status: 'notGenuine', reason: 'noCredentialInImage' });
    expect(await verifyBadge(visitor(), { png: makeJpegFrame(20, 20) }, null, links)).toEqual({ status: 'notGenuine', reason: 'notPng' });
  });

  it('revoked by staff, is marked in the signed status list and verifies as revoked with the reason', async () => {
    const staff = await as('asiantuntija@sivis.example');
    const position = Number(decodePart(jwt, 1).credentialStatus.statusListIndex);
    expect(statusBitAt((await statusListCredential(visitor(), urls, 0)).credentialSubject.encodedList, position)).toBe(false);
    expect(await revokeCredential(staff, { credentialId, reason: 'Myönnetty väärälle henkilölle.' })).toBe('revoked');
    expect(await revokeCredential(staff, { credentialId, reason: 'Uudestaan' })).toBe('alreadyRevoked');
    const list = await signedStatusList(visitor(), urls, 0);
    const published = decodePart(list, 1);
    expect(published).toMatchObject({ type: ['VerifiableCredential', 'BitstringStatusListCredential'], credentialSubject: { statusPurpose: 'revocation' } });
    expect(signatureHolds(list, (await publicKeys(handle.db))[0]!.jwk)).toBe(true);
    expect(statusBitAt(published.credentialSubject.encodedList, position)).toBe(true);
    expect(statusBitAt(published.credentialSubject.encodedList, position + 1)).toBe(false);
    expect(await verifyBadge(visitor(), { jwt }, null, links)).toMatchObject({ status: 'revoked' });
    expect(await handle.db.select().from(auditLog).where(eq(auditLog.targetId, credentialId))).toMatchObject([{ action: 'badge.issued', organisationId: orgA }, { action: 'badge.revoked', organisationId: orgA }]);
    expect((await emailsTo(handle.db, adminEmail))[0]!.subject).toBe('Osaamismerkkisi on peruttu: Sivisverkon pääkäyttäjä');
  });
});

describe('defining badges', () => {
  const texts = (fi: string) => ({ fi, sv: '', en: '' });
  const input = (image: Uint8Array) => ({ name: texts('Merkki'), description: texts('Kuvaus'), criteria: texts('Perusteet'), image });

  it('takes a whole PNG image only, and keeps the image when editing without one', async () => {
    const centreAdmin = await as('admin@sivis.example');
    expect(await createBadge(centreAdmin, { ...input(makeJpegFrame(64, 64)), modelId: null })).toEqual({ ok: false, field: 'image', error: 'badges.imageNotPng' });
    expect(await createBadge(centreAdmin, { ...input(new Uint8Array()), modelId: null })).toEqual({ ok: false, field: 'image', error: 'badges.imageRequired' });
    const created = await createBadge(centreAdmin, { ...input(makeBadgePng(64)), modelId: null });
    if (!created.ok) throw new Error(created.error);
    const before = (await getBadge(handle.db, created.badgeId))!.image;
    expect(await updateBadge(centreAdmin, created.badgeId, { ...input(new Uint8Array()), name: { fi: 'Uusi nimi', sv: 'Nytt namn', en: '' } })).toEqual({ ok: true, badgeId: created.badgeId });
    expect(await getBadge(handle.db, created.badgeId)).toMatchObject({ image: before, name: { fi: 'Uusi nimi', sv: 'Nytt namn', en: '' } });
  });

  it("of a model goes with the model's register entries: issued on entry, revoked when the entry is taken back", async () => {
    const centreAdmin = await as('admin@sivis.example');
    const versionId = await approvedModelVersion(handle.db, orgA, adminEmail, modelDesign({ name: 'Merkkikurssi' }));
    const [{ modelId }] = (await handle.db.select({ modelId: trainingModelVersions.modelId }).from(trainingModelVersions).where(eq(trainingModelVersions.id, versionId))) as [{ modelId: string }];
    expect((await modelsWithoutBadge(centreAdmin)).map((m) => m.modelName)).toContain('Merkkikurssi');
    const created = await createBadge(centreAdmin, { ...input(makeBadgePng(64)), name: texts('Merkkikurssin suorittaja'), modelId });
    if (!created.ok) throw new Error(created.error);
    expect(await createBadge(centreAdmin, { ...input(makeBadgePng(64)), modelId })).toEqual({ ok: false, field: 'modelId', error: 'badges.modelTaken' });

    const training = await endedTraining(handle.db, clock, { organisationId: orgA, unitId: aurora, trainerEmail: 'kouluttaja1@kll.example', name: 'Merkkikurssi maaliskuussa', modelVersionId: versionId }, [
      { name: 'Merkitty Maija', email: 'maija@example.test', registerConsent: true },
    ]);
    const maija = await training.participantId('maija@example.test');
    const trainer = await as('kouluttaja1@kll.example');
    expect(await recordResults(trainer, training.trainingId, [{ participantId: maija, outcome: 'passed', justification: '' }], links)).toMatchObject({ ok: true, entered: 1 });
    const [issued] = await handle.db.select().from(badgeCredentials).where(eq(badgeCredentials.badgeId, created.badgeId));
    expect(issued).toMatchObject({ recipientEmail: 'maija@example.test', recipientName: 'Merkitty Maija', revokedAt: null });
    expect((await emailsTo(handle.db, 'maija@example.test')).map((e) => e.subject)).toContain('Sinulle on myönnetty osaamismerkki: Merkkikurssin suorittaja');

    await correctResult(await as(adminEmail), training.trainingId, { participantId: maija, outcome: 'failed', justification: 'Tehtävät puuttuivat', reason: 'Arviointivirhe' }, links);
    const [revoked] = await handle.db.select().from(badgeCredentials).where(eq(badgeCredentials.id, issued!.id));
    expect(revoked).toMatchObject({ registerEntryId: null, revocationReason: 'Koulutuksen tulos korjattiin hylätyksi, ja opintorekisterimerkintä poistettiin.' });
    expect(revoked!.revokedAt).not.toBeNull();
    expect(await verifyBadge(visitor(), { jwt: revoked!.jwt }, 'maija@example.test', links)).toMatchObject({ status: 'revoked', recipient: 'matches' });
  });
});
