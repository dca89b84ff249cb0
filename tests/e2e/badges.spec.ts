import { makeBadgePng } from '../../server/organisations/sample-images';
import { demoUsers, expect, expectNoSeriousA11yViolations, newestEmailTo, signIn, signOut, test } from './fixtures';

test('an admin applies for the admin badge, staff approve, the recipient downloads it and anyone verifies it; once revoked it shows revoked', async ({ page, browser }) => {
  await signIn(page, demoUsers.orgAdmin);
  await page.goto('/organisations');
  await page.getByRole('link', { name: 'Kansanliikkeiden Liitto ry' }).click();
  await page.getByRole('link', { name: 'Osaamismerkit' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Osaamismerkit');
  await expectNoSeriousA11yViolations(page);
  const apply = page.getByRole('button', { name: 'Hae merkkiä Sivisverkon pääkäyttäjä' });
  await apply.click();
  await expect(page.getByRole('alert')).toContainText('Perustelu');
  await page.getByLabel('Perustelu', { exact: true }).fill('Olen hoitanut järjestön käyttäjät, tuntijaon ja raportoinnin kaksi vuotta.');
  await apply.click();
  await expect(page.getByRole('status')).toContainText('Hakemus on lähetetty');
  await expect(page.getByText('Odottaa päätöstä').first()).toBeVisible();
  await signOut(page);

  await signIn(page, demoUsers.centreStaff);
  await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Osaamismerkit' }).click();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('link', { name: 'Merkkihakemukset' }).click();
  await page.getByRole('link', { name: new RegExp(demoUsers.orgAdmin) }).click();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Hyväksy ja myönnä merkki' }).click();
  await expect(page.getByRole('status')).toContainText('merkki myönnetty');
  await signOut(page);

  // The recipient's email links to the credential's page and downloads.
  const email = await newestEmailTo(browser, demoUsers.orgAdmin, 'Sinulle on myönnetty osaamismerkki: Sivisverkon pääkäyttäjä');
  const credentialPath = /https?:\/\/[^/\s]+(\/badges\/credentials\/[0-9a-f-]{36})\s/.exec(email)?.[1];
  if (!credentialPath) throw new Error('No credential link in the email');

  await page.goto(credentialPath);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sivisverkon pääkäyttäjä');
  await expect(page.getByText('Voimassa', { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  const png = await page.request.get(`${credentialPath}/badge.png`);
  expect(png.headers()['content-type']).toBe('image/png');
  const jwt = await (await page.request.get(`${credentialPath}/credential.jwt`)).text();
  const credential = await (await page.request.get(credentialPath, { headers: { Accept: 'application/ld+json' } })).json();
  expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
  const issuer = await (await page.request.get('/badges/issuer')).json();
  expect(issuer.verificationMethod[0].publicKeyJwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });

  // Verification: the baked image with the recipient's address, then a credential changed by one claim.
  await page.goto('/badges/verify');
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('Tai merkin kuva (PNG)').setInputFiles({ name: 'badge.png', mimeType: 'image/png', buffer: await png.body() });
  await page.getByLabel('Saajan sähköpostiosoite (vapaaehtoinen)').fill(demoUsers.orgAdmin);
  await page.getByRole('button', { name: 'Tarkista' }).click();
  await expect(page.getByRole('heading', { name: 'Merkki on aito ja voimassa' })).toBeVisible();
  await expect(page.getByText('Merkki on myönnetty antamaasi sähköpostiosoitteeseen.')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('Tai merkin kuva (PNG)').setInputFiles([]);
  const [header, payload, signature] = jwt.split('.');
  const forged = { ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), name: 'Väärennetty' };
  await page.getByLabel('Merkki tekstinä (VC-JWT)').fill(`${header}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`);
  await page.getByRole('button', { name: 'Tarkista' }).click();
  await expect(page.getByRole('heading', { name: 'Merkkiä ei voitu vahvistaa aidoksi' })).toBeVisible();

  await signIn(page, demoUsers.centreStaff);
  await page.goto('/badges/issued');
  await page.getByRole('link', { name: new RegExp(demoUsers.orgAdmin) }).click();
  await page.getByLabel('Perumisen syy').fill('Myönnetty virheellisesti.');
  await page.getByRole('button', { name: 'Peru merkki' }).click();
  await expect(page.getByRole('status')).toHaveText('Merkki on peruttu.');
  await signOut(page);

  await page.goto('/badges/verify');
  await page.getByLabel('Merkki tekstinä (VC-JWT)').fill(jwt);
  await page.getByRole('button', { name: 'Tarkista' }).click();
  await expect(page.getByRole('heading', { name: 'Merkki on aito, mutta se on peruttu' })).toBeVisible();
  // Why it was revoked is for the recipient and staff, not for whoever checks it.
  await expect(page.getByText('Myönnetty virheellisesti.')).toHaveCount(0);
});

test('a centre admin defines a badge with its image in three languages; its public page answers people and machines', async ({ page }) => {
  await signIn(page, demoUsers.centreAdmin);
  await page.goto('/badges/new');
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('Nimi suomeksi').fill('Kouluttajan merkki');
  await page.getByLabel('Nimi englanniksi').fill('Trainer badge');
  await page.getByLabel('Kuvaus suomeksi').fill('Kouluttaa jäsenistöä.');
  await page.getByLabel('Myöntämisperusteet suomeksi').fill('Viisi pidettyä koulutusta.');
  await page.getByRole('button', { name: 'Tallenna' }).click();
  await expect(page.getByRole('alert')).toContainText('Valitse merkille PNG-kuva.');
  await page.getByLabel('Merkin kuva (PNG)').setInputFiles({ name: 'merkki.png', mimeType: 'image/png', buffer: Buffer.from(makeBadgePng(128)) });
  await page.getByRole('button', { name: 'Tallenna' }).click();
  await expect(page.getByRole('status')).toHaveText('Osaamismerkki on luotu.');
  await expectNoSeriousA11yViolations(page);
  const publicPage = (await page.getByRole('link', { name: 'Merkin julkinen sivu' }).getAttribute('href'))!;
  await signOut(page);

  await page.goto(publicPage);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kouluttajan merkki');
  await expectNoSeriousA11yViolations(page);
  const achievement = await (await page.request.get(publicPage, { headers: { Accept: 'application/json' } })).json();
  expect(achievement).toMatchObject({ type: ['Achievement'], name: 'Kouluttajan merkki', criteria: { narrative: 'Viisi pidettyä koulutusta.' } });
});
