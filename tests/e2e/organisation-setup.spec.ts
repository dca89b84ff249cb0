import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { makePng } from '../../server/organisations/sample-images';
import { demoUsers, expect, expectNoSeriousA11yViolations, linkFromOutbox, signIn, signOut, test } from './fixtures';

const password = 'uuden-jarjeston-salasana';

function pngFile(name: string, width: number, height: number) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sivis-e2e-')), name);
  fs.writeFileSync(file, makePng(width, height));
  return file;
}

test('centre staff create an organisation; its new admin fills the profile, images and units as the checklist asks', async ({ page, browser }) => {
  await signIn(page, demoUsers.centreStaff);
  await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Organisaatiot' }).click();
  await page.getByRole('link', { name: 'Lisää jäsenjärjestö' }).click();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('Järjestön nimi').fill('Testaajien Liitto ry');
  await page.getByLabel('Y-tunnus').fill('1572860-0');
  await page.getByLabel('Pääkäyttäjän nimi').fill('Paula Pääkäyttäjä');
  await page.getByLabel('Pääkäyttäjän sähköposti').fill('paula@testaajat.example');
  await page.getByRole('button', { name: 'Lisää järjestö ja lähetä kutsu' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Testaajien Liitto ry');
  await signOut(page);

  await page.goto(await linkFromOutbox(browser, 'paula@testaajat.example'));
  await page.getByLabel('Uusi salasana', { exact: true }).fill(password);
  await page.getByLabel('Uusi salasana uudelleen').fill(password);
  await page.getByRole('button', { name: 'Tallenna salasana' }).click();
  await signIn(page, 'paula@testaajat.example', password);

  const checklist = page.getByRole('region', { name: /Aloituksen tarkistuslista/ });
  await expect(checklist.getByText('Tekemättä')).toHaveCount(6);
  await expectNoSeriousA11yViolations(page);

  await checklist.getByRole('link', { name: /Täydennä järjestön tiedot/ }).click();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('Katuosoite').fill('Kokeilukatu 3');
  await page.getByLabel('Postinumero').fill('00100');
  await page.getByLabel('Postitoimipaikka').fill('Helsinki');
  await page.getByLabel('Nimi', { exact: true }).fill('Kalle Kokeilija');
  await page.getByLabel('Tilinumero (IBAN)').fill('FI21 1234 5600 0007 86');
  await page.getByLabel('BIC').fill('NDEAFIHH');
  await page.getByLabel(/sisäiset säännöt/).fill('Kaikki yhdistykset kouluttavat.');
  await page.getByRole('button', { name: 'Tallenna tiedot' }).click();
  await expect(page.getByRole('alert')).toContainText('IBAN-tarkiste ei täsmää');
  await page.getByLabel('Tilinumero (IBAN)').fill('FI21 1234 5600 0007 85');
  await page.getByRole('button', { name: 'Tallenna tiedot' }).click();
  await expect(page.getByRole('status')).toHaveText('Tiedot tallennettu.');

  await page.goto('/');
  await checklist.getByRole('link', { name: 'Lataa järjestön logo' }).click();
  await expectNoSeriousA11yViolations(page);
  const logoForm = page.getByRole('form', { name: 'Lataa logo' });
  await logoForm.getByLabel('Kuvatiedosto').setInputFiles(pngFile('logo.png', 300, 120));
  await logoForm.getByRole('button', { name: 'Lataa logo' }).click();
  await expect(page.getByRole('status')).toHaveText('Kuva tallennettu.');
  const signatureForm = page.getByRole('form', { name: 'Lataa allekirjoitus' });
  await signatureForm.getByLabel('Kuvatiedosto').setInputFiles(pngFile('allekirjoitus.png', 240, 80));
  await signatureForm.getByLabel('Allekirjoittajan nimi').fill('Paula Pääkäyttäjä');
  await signatureForm.getByLabel('Allekirjoittajan tehtävänimike').fill('puheenjohtaja');
  await signatureForm.getByRole('button', { name: 'Lataa allekirjoitus' }).click();
  await expect(page.getByRole('status')).toHaveText('Kuva tallennettu.');
  await expect(page.getByText('Paula Pääkäyttäjä, puheenjohtaja').first()).toBeVisible();

  await page.goto('/');
  await checklist.getByRole('link', { name: 'Lisää alaorganisaatiot' }).click();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('Nimi').fill('Itäinen piiri');
  await page.getByLabel('Tyyppi').selectOption({ label: 'Piiri' });
  await page.getByRole('button', { name: 'Lisää alaorganisaatio' }).click();
  await expect(page.getByRole('status')).toHaveText('Alaorganisaatio lisätty.');
  await page.getByLabel('Nimi').fill('Järvikylän yhdistys');
  await page.getByLabel('Tyyppi').selectOption({ label: 'Yhdistys' });
  await page.getByLabel('Yläorganisaatio').selectOption({ label: 'Itäinen piiri' });
  await page.getByRole('button', { name: 'Lisää alaorganisaatio' }).click();
  await expect(page.getByRole('link', { name: 'Muokkaa: Järvikylän yhdistys' })).toBeVisible();

  await page.goto('/');
  await expect(checklist.getByText('Tekemättä')).toHaveCount(1);
  await expect(checklist.getByRole('link', { name: /Kutsu tai hyväksy/ })).toBeVisible();
});
