import { demoUsers, expect, expectNoSeriousA11yViolations, signIn, signOut, test } from './fixtures';

const trainer = 'kouluttaja1@kyk.example';

test('a trainer applies and signs; staff verify and approve; the new admin signs in to the admin front page', async ({ page }) => {
  await signIn(page, trainer);
  await page.getByRole('link', { name: 'Hae pääkäyttäjäksi' }).click();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Laadi hakemus tarkistettavaksi' }).click();
  await expect(page.getByRole('alert')).toContainText('Hyväksy pääkäyttäjän tehtävät.');
  await page.getByLabel('Järjestö').selectOption({ label: 'Kulttuuriyhdistysten Keskusliitto ry' });
  await page.getByLabel('Perustelut').fill('Vastaan alueen koulutuksista ja haluan hoitaa tuntihaun.');
  await page.getByLabel('Sitoudun hoitamaan pääkäyttäjän tehtävät').check();
  await page.getByRole('button', { name: 'Laadi hakemus tarkistettavaksi' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Kulttuuriyhdistysten Keskusliitto ry');
  await expectNoSeriousA11yViolations(page);

  const pdf = await page.request.get((await page.getByRole('link', { name: 'Avaa hakemus (PDF)' }).getAttribute('href'))!);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

  await page.getByLabel('Salasana').fill('väärä-salasana');
  await page.getByRole('button', { name: 'Allekirjoita hakemus' }).click();
  await expect(page.getByRole('alert')).toContainText('Salasana on väärin');
  await page.getByLabel('Salasana').fill('demo-salasana-2026');
  await page.getByRole('button', { name: 'Allekirjoita hakemus' }).click();
  await expect(page.getByRole('status')).toHaveText('Hakemus allekirjoitettu ja lähetetty opintokeskukselle.');
  await signOut(page);

  await signIn(page, demoUsers.centreStaff);
  await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Pääkäyttäjähakemukset' }).click();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('link', { name: new RegExp(trainer) }).click();
  await expect(page.getByText('Tarkiste täsmää')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Hyväksy: hakijasta tulee pääkäyttäjä' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Hakemus hyväksytty' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Pääkäyttäjähakemus hyväksytty' })).toBeVisible();
  await signOut(page);

  await signIn(page, demoUsers.centreAdmin);
  await page.goto('/outbox');
  await expect(page.locator('tr', { hasText: trainer }).first()).toContainText('Olet nyt pääkäyttäjä');
  await signOut(page);

  await signIn(page, trainer);
  await expect(page.getByRole('main').getByText('Pääkäyttäjä', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: /Aloituksen tarkistuslista/ })).toBeVisible();
});
