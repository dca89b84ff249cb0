import { demoUsers, expect, expectNoSeriousA11yViolations, signIn, test } from './fixtures';

test('staff read the centre’s statistics and an admin their organisation’s, filter them and download a table', async ({ page, browser }) => {
  await signIn(page, demoUsers.centreStaff);
  await page.getByRole('link', { name: 'Tilastot' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Opintokeskuksen tilastot');
  // Both charts are pictures with a text alternative, and a table beside them.
  await expect(page.getByRole('img', { name: /Opetustuntien käyttö vuonna/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Koulutukset ja osallistumiset kuukausittain/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Järjestöittäin' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // A bad year is refused next to its field.
  await page.getByLabel('Ensimmäinen vuosi').fill('20x6');
  await page.getByRole('button', { name: 'Näytä' }).click();
  await expect(page.locator('#field-firstYear-error')).toContainText('neljällä numerolla');
  await page.getByRole('link', { name: 'Vuosiraportti opetusviranomaisille' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vuosiraportti opetusviranomaisille');
  await expectNoSeriousA11yViolations(page);

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, demoUsers.orgAdmin);
  await admin.goto('/organisations');
  await admin.getByRole('link', { name: 'Kansanliikkeiden Liitto ry' }).first().click();
  await admin.getByRole('link', { name: 'Tilastot' }).last().click();
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Tilastot: Kansanliikkeiden Liitto ry');
  await admin.getByLabel('Ensimmäinen vuosi').fill('2026');
  await admin.getByLabel('Viimeinen vuosi').fill('2027');
  await admin.getByRole('button', { name: 'Näytä' }).click();
  await expect(admin.getByRole('heading', { name: 'Yhteensä 2026–2027' })).toBeVisible();
  await expect(admin.getByRole('heading', { name: 'Yksiköittäin' })).toBeVisible();
  const csvLink = admin.getByRole('link', { name: 'Yksiköittäin CSV-tiedostona' });
  const download = await admin.request.get((await csvLink.getAttribute('href'))!);
  expect(download.headers()['content-type']).toBe('text/csv; charset=utf-8');
  expect((await download.text()).startsWith('\ufeffYksikkö;')).toBe(true);
  await expectNoSeriousA11yViolations(admin);
  await adminContext.close();
});
