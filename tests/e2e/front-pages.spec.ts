import { demoUsers, expect, expectNoSeriousA11yViolations, signIn, test } from './fixtures';

const journeys = [
  { who: 'centre admin', email: demoUsers.centreAdmin, role: 'Opintokeskuksen pääkäyttäjä', nav: ['Etusivu', 'Organisaatiot', 'Opetustunnit', 'Koulutukset', 'Kuluselvitykset', 'Maksuaineistot', 'Koulutusmallit', 'Tilastot', 'Osaamismerkit', 'Vuosikello', 'Tiedotteet', 'Lähtevät sähköpostit', 'Tapahtumaloki', 'Estetyt kirjautumiset', 'Opintokeskus', 'Pääkäyttäjähakemukset', 'Yhteystiedot', 'Ohjeet', 'Oma tili'] },
  { who: 'centre staff', email: demoUsers.centreStaff, role: 'Opintokeskuksen henkilökunta', nav: ['Etusivu', 'Organisaatiot', 'Opetustunnit', 'Koulutukset', 'Kuluselvitykset', 'Maksuaineistot', 'Koulutusmallit', 'Tilastot', 'Osaamismerkit', 'Vuosikello', 'Tiedotteet', 'Lähtevät sähköpostit', 'Estetyt kirjautumiset', 'Pääkäyttäjähakemukset', 'Yhteystiedot', 'Ohjeet', 'Oma tili'] },
  { who: 'org admin', email: demoUsers.orgAdmin, role: 'Pääkäyttäjä', nav: ['Etusivu', 'Organisaatiot', 'Opetustunnit', 'Koulutukset', 'Vuosikello', 'Tiedotteet', 'Yhteystiedot', 'Ohjeet', 'Oma tili'] },
  { who: 'unit coordinator', email: demoUsers.coordinator, role: 'Alaorganisaation yhteyshenkilö', nav: ['Etusivu', 'Organisaatiot', 'Opetustunnit', 'Koulutukset', 'Vuosikello', 'Yhteystiedot', 'Ohjeet', 'Oma tili'] },
  { who: 'trainer', email: demoUsers.trainer, role: 'Koulutuksen vastuuhenkilö', nav: ['Etusivu', 'Koulutukset', 'Vuosikello', 'Yhteystiedot', 'Ohjeet', 'Oma tili'] },
];

for (const journey of journeys) {
  test(`${journey.who} signs in, sees their front page and can open every area in the menu`, async ({ page, cspErrors }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/login$/);
    await expectNoSeriousA11yViolations(page);
    await signIn(page, journey.email);
    await expect(page.getByRole('main').getByText(journey.role, { exact: true })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    const menu = page.getByRole('navigation', { name: 'Päävalikko' });
    await expect(menu.getByRole('link')).toHaveText(journey.nav);
    for (const label of journey.nav.slice(1)) {
      await menu.getByRole('link', { name: label }).click();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoSeriousA11yViolations(page);
    }
    await page.getByRole('button', { name: 'Kirjaudu ulos' }).click();
    await expect(page).toHaveURL(/\/login$/);
    expect(cspErrors).toEqual([]);
  });
}

test('an org admin sees their organisation’s tree and users, and opens each page', async ({ page }) => {
  await signIn(page, demoUsers.orgAdmin);
  await page.getByRole('link', { name: /Oma järjestö: Kansanliikkeiden Liitto ry/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kansanliikkeiden Liitto ry');
  await expect(page.getByText('Revontulten yhdistys')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('link', { name: 'Näytä käyttäjät' }).click();
  await expect(page.getByRole('cell', { name: 'kouluttaja1@kll.example' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
