import { demoUsers, expect, expectNoSeriousA11yViolations, linkFromOutbox, signIn, signOut, test } from './fixtures';

const password = 'oma-salasana-2026';

test('a trainer registers, verifies the address, waits, is approved and signs in', async ({ page, browser }) => {
  await page.goto('/login');
  await page.getByRole('link', { name: 'Rekisteröidy koulutuksen vastuuhenkilöksi' }).click();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('Nimi').fill('Reetta Rekisteröityjä');
  await page.getByLabel('Sähköpostiosoite').fill('reetta@example.fi');
  await page.getByLabel('Yksikkö').selectOption({ label: 'Revontulten yhdistys' });
  await page.getByLabel('Salasana', { exact: true }).fill(password);
  await page.getByLabel('Salasana uudelleen').fill(password);
  await page.getByRole('button', { name: 'Rekisteröidy' }).click();
  await expect(page.getByText('Tarkista sähköpostisi')).toBeVisible();

  await page.goto(await linkFromOutbox(browser, 'reetta@example.fi'));
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Vahvista osoite' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Osoite vahvistettu');

  await page.goto('/login');
  await page.getByLabel('Sähköpostiosoite').fill('reetta@example.fi');
  await page.getByLabel('Salasana').fill(password);
  await page.getByRole('button', { name: 'Kirjaudu', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('odottaa järjestön pääkäyttäjän hyväksyntää');

  await signIn(page, demoUsers.orgAdmin);
  await page.getByRole('link', { name: /Oma järjestö/ }).click();
  await page.getByRole('link', { name: 'Näytä käyttäjät' }).click();
  await page.getByLabel('Tila').selectOption({ label: 'Odottaa hyväksyntää' });
  await page.getByRole('button', { name: 'Rajaa' }).click();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Hyväksy Reetta Rekisteröityjä' }).click();
  await expect(page.getByRole('status')).toContainText('Tunnus hyväksytty');
  await signOut(page);

  await signIn(page, 'reetta@example.fi', password);
  await expect(page.getByRole('main').getByText('Koulutuksen vastuuhenkilö', { exact: true })).toBeVisible();
});

test('an org admin invites a coordinator, who sets a password from the emailed link', async ({ page, browser }) => {
  await signIn(page, demoUsers.orgAdmin);
  await page.getByRole('link', { name: /Oma järjestö/ }).click();
  await page.getByRole('link', { name: 'Näytä käyttäjät' }).click();
  await page.getByRole('link', { name: 'Kutsu käyttäjä' }).click();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('Sähköpostiosoite').fill('kaisa@example.fi');
  await page.getByLabel('Nimi').fill('Kaisa Kutsuttu');
  await page.getByLabel('Yksikkö').selectOption({ label: 'Etelän piiri' });
  await page.getByLabel('Rooli').selectOption({ label: 'Alaorganisaation yhteyshenkilö' });
  await page.getByRole('button', { name: 'Lähetä kutsu' }).click();
  await expect(page.getByRole('status')).toContainText('kaisa@example.fi');
  await signOut(page);

  const link = await linkFromOutbox(browser, 'kaisa@example.fi');
  await page.goto(link);
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('Uusi salasana', { exact: true }).fill(password);
  await page.getByLabel('Uusi salasana uudelleen').fill(password);
  await page.getByRole('button', { name: 'Tallenna salasana' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tunnus on valmis');
  await page.goto(link);
  await expect(page.getByRole('alert')).toContainText('Linkki on jo käytetty');
  await signIn(page, 'kaisa@example.fi', password);
  await expect(page.getByRole('main').getByText('Alaorganisaation yhteyshenkilö', { exact: true })).toBeVisible();
});

test('a forgotten password is reset through the emailed link, which works once', async ({ page, browser }) => {
  await page.goto('/login');
  await page.getByRole('link', { name: 'Unohditko salasanasi?' }).click();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('Sähköpostiosoite').fill('kouluttaja2@kll.example');
  await page.getByRole('button', { name: 'Lähetä linkki' }).click();
  const answer = await page.getByRole('status').textContent();
  // The same answer for an address without an account.
  await page.goto('/forgot-password');
  await page.getByLabel('Sähköpostiosoite').fill('nobody@example.fi');
  await page.getByRole('button', { name: 'Lähetä linkki' }).click();
  await expect(page.getByRole('status')).toHaveText(answer!);

  const link = await linkFromOutbox(browser, 'kouluttaja2@kll.example');
  await page.goto(link);
  await page.getByLabel('Uusi salasana', { exact: true }).fill(password);
  await page.getByLabel('Uusi salasana uudelleen').fill(password);
  await page.getByRole('button', { name: 'Tallenna salasana' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Salasana vaihdettu');
  await signIn(page, 'kouluttaja2@kll.example', password);
});

test('an org admin deactivates a trainer, who is signed out at once', async ({ page, browser }) => {
  const trainer = await browser.newContext();
  const trainerPage = await trainer.newPage();
  await signIn(trainerPage, 'kouluttaja3@kll.example');

  await signIn(page, demoUsers.orgAdmin);
  await page.getByRole('link', { name: /Oma järjestö/ }).click();
  await page.getByRole('link', { name: 'Näytä käyttäjät' }).click();
  const row = page.locator('tr', { hasText: 'kouluttaja3@kll.example' });
  await row.getByRole('button', { name: /Poista .* käytöstä/ }).click();
  await expect(page.getByRole('status')).toContainText('poistettu käytöstä');

  await trainerPage.reload();
  await expect(trainerPage).toHaveURL(/\/login/);
  await row.getByRole('button', { name: /Palauta .* käyttöön/ }).click();
  await expect(page.getByRole('status')).toContainText('palautettu käyttöön');
  await trainer.close();
});
