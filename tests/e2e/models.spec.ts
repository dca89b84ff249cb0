import { demoUsers, expect, expectNoSeriousA11yViolations, signIn, test } from './fixtures';

test('the admin drafts and submits a model, staff comment and return it, the admin revises it, staff approve it, and a trainer plans a training on it', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signIn(page, demoUsers.orgAdmin);
  await page.getByRole('link', { name: 'Organisaatiot' }).first().click();
  await page.getByRole('link', { name: 'Kansanliikkeiden Liitto ry' }).first().click();
  await page.getByRole('link', { name: 'Koulutusmallit' }).last().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Koulutusmallit');
  await page.getByRole('link', { name: 'Uusi koulutusmalli' }).click();
  await page.getByLabel('Koulutusmallin nimi').fill('Yhdistyksen taloudenhoitaja');
  await page.getByLabel('Kohderyhmä').fill('Yhdistysten rahastonhoitajat');
  await page.getByLabel('Osaamistavoitteet').fill('Osaa laatia talousarvion\nOsaa pitää kirjanpitoa');
  await page.getByLabel('Sisältö').fill('Talousarvio, kirjanpito ja tilinpäätös.');
  await page.getByLabel('Arviointitapa').fill('Harjoitustyö');
  await page.getByLabel('Arviointikriteerit').fill('Hyväksytty / hylätty');
  await page.locator('[id="field-activityKind.0"]').selectOption({ label: 'Luento (× 1,5)' });
  await page.locator('[id="field-activityAmount.0"]').fill('10');
  // Live: 10 h of lectures is 15 h of work, under the 27 h a credit needs.
  await expect(page.getByText('Osallistujan työmäärä yhteensä 15 h')).toBeVisible();
  await expect(page.getByText(/Alle 27 tuntia/)).toBeVisible();
  await page.locator('[id="field-activityKind.1"]').selectOption({ label: 'Harjoitus (× 2)' });
  await page.locator('[id="field-activityAmount.1"]').fill('6');
  await expect(page.getByText('Opintopisteet: 1,0 op')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Tallenna luonnos' }).click();
  await expect(page.getByText('Luonnos tallennettu.')).toBeVisible();
  await page.getByRole('button', { name: 'Jätä opintokeskuksen käsiteltäväksi' }).click();
  await expect(page.getByText('Koulutusmalli jätetty opintokeskuksen käsiteltäväksi.')).toBeVisible();
  const modelPath = new URL(page.url()).pathname;

  // Staff find it in their queue, take it under review, comment and return it.
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signIn(staff, demoUsers.centreStaff);
  await staff.getByRole('link', { name: 'Koulutusmallit' }).click();
  await expectNoSeriousA11yViolations(staff);
  await staff.getByRole('link', { name: 'Yhdistyksen taloudenhoitaja' }).click();
  await staff.getByRole('button', { name: 'Aloita käsittely' }).click();
  await expect(staff.getByText('Käsittely aloitettu.')).toBeVisible();
  await staff.locator('[id="comment-field-comment"]').fill('Tilinpäätökseen tarvitaan itsenäistä työtä.');
  await staff.getByRole('button', { name: 'Lähetä kommentti' }).click();
  await expect(staff.getByText('Kommentti lähetetty.')).toBeVisible();
  await staff.locator('[id="return-field-comment"]').fill('Lisää itsenäinen työskentely.');
  await staff.getByRole('button', { name: 'Palauta muokattavaksi' }).click();
  await expect(staff.getByText('Koulutusmalli palautettu muokattavaksi.')).toBeVisible();
  await expectNoSeriousA11yViolations(staff);

  // The admin reads the thread, adds 4 h of independent work (31 h: 1,1 op) and submits again.
  await page.goto(modelPath);
  await expect(page.getByText('Tilinpäätökseen tarvitaan itsenäistä työtä.')).toBeVisible();
  await expect(page.getByText('Lisää itsenäinen työskentely.')).toBeVisible();
  await page.locator('[id="field-activityKind.2"]').selectOption({ label: 'Itsenäinen työskentely (× 1)' });
  await page.locator('[id="field-activityAmount.2"]').fill('4');
  await expect(page.getByText('Opintopisteet: 1,1 op')).toBeVisible();
  await page.getByRole('button', { name: 'Jätä opintokeskuksen käsiteltäväksi' }).click();
  await expect(page.getByText('Koulutusmalli jätetty opintokeskuksen käsiteltäväksi.')).toBeVisible();

  await staff.goto(modelPath);
  await staff.getByRole('button', { name: 'Hyväksy ja vahvista opintopisteet' }).click();
  await expect(staff.getByText(/Koulutusmalli hyväksytty/)).toBeVisible();
  await expect(staff.getByText('Opintopisteet: 1,1 op')).toBeVisible();
  await staffContext.close();

  // A trainer plans a training on the approved model: its learning goals come from the model.
  const trainerContext = await browser.newContext();
  const trainer = await trainerContext.newPage();
  await signIn(trainer, demoUsers.trainer);
  await trainer.goto('/trainings');
  await trainer.getByRole('link', { name: 'Suunnittele uusi koulutus' }).click();
  await trainer.getByLabel('Koulutuksen nimi').fill('Taloudenhoitajan koulutus');
  await trainer.getByLabel('Tyyppi').selectOption({ label: 'Kurssi' });
  await trainer.getByLabel('Aiheluokka').selectOption({ label: 'Järjestö- ja vapaaehtoistoiminta' });
  await trainer.getByLabel('Koulutusmalli').selectOption({ label: 'Yhdistyksen taloudenhoitaja (Versio 1, 1,1 op)' });
  await trainer.getByLabel('Suunniteltu osallistujamäärä').fill('10');
  await trainer.getByRole('button', { name: 'Tallenna suunnitelma' }).click();
  await expect(trainer.getByLabel('Oppimistavoitteet')).toHaveValue('Osaa laatia talousarvion\nOsaa pitää kirjanpitoa');
  await expect(trainer.getByLabel('Koulutusmalli')).toHaveValue(/[0-9a-f-]{36}/);
  await expectNoSeriousA11yViolations(trainer);
  await trainerContext.close();
});
