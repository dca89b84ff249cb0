import type { Page } from '@playwright/test';
import { demoUsers, expect, expectNoSeriousA11yViolations, resetServerClock, setServerClock, signIn, test } from './fixtures';

/** One figure of a dashboard (a term and its value). */
const figure = (page: Page, term: string) => page.locator('dl > div').filter({ has: page.locator('dt', { hasText: new RegExp(`^${term}$`) }) });

test.afterAll(async ({ request }) => {
  await resetServerClock(request);
});

test('staff publish next year’s decisions; the admin allocates to a district and follows the hours', async ({ page, request, browser }) => {
  // November 2033: the decision window for 2034.
  await setServerClock(request, '2033-11-10T08:00:00Z');
  await signIn(page, demoUsers.centreStaff);
  await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Opetustunnit' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tuntipäätökset vuodelle 2034');
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('Budjetti (tuntia)').fill('2 000');
  await page.getByRole('button', { name: 'Tallenna budjetti' }).click();
  await expect(page.getByText('Budjetti on tallennettu.')).toBeVisible();

  for (const [organisation, hours] of [
    ['Kansanliikkeiden Liitto ry', '1500'],
    ['Kulttuuriyhdistysten Keskusliitto ry', '400'],
  ]) {
    await page.getByRole('link', { name: organisation }).click();
    await page.getByLabel('Myönnettävät tunnit').fill('abc');
    await page.getByRole('button', { name: 'Tallenna luonnos' }).click();
    await expect(page.getByText('Kirjoita tunnit numerona').first()).toBeVisible();
    await page.getByLabel('Myönnettävät tunnit').fill(hours!);
    await page.getByLabel('Päätöksen teksti').fill('Myönnetään järjestön koulutussuunnitelman mukaisesti.');
    await page.getByRole('button', { name: 'Tallenna luonnos' }).click();
    await expect(page.getByText('Luonnos on tallennettu.')).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('link', { name: '‹ Tuntipäätökset 2034' }).click();
  }
  await page.getByRole('button', { name: 'Julkaise kaikki luonnokset (2)' }).click();
  await expect(page.getByText('Päätöksiä julkaistu: 2.')).toBeVisible();
  await expect(page.getByRole('row', { name: /Kansanliikkeiden Liitto ry/ })).toContainText('Julkaistu');

  // February 2034: the admin gives the northern district its share and sees it on the dashboard.
  await setServerClock(request, '2034-02-15T08:00:00Z');
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, demoUsers.orgAdmin);
  await admin.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Opetustunnit' }).click();
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Opetustunnit 2034: Kansanliikkeiden Liitto ry');
  await expect(figure(admin, 'Myönnetty')).toContainText('1 500 h');
  const decision = await admin.request.get((await admin.getByRole('link', { name: 'Tulosta päätös (PDF)' }).getAttribute('href'))!);
  expect(decision.headers()['content-type']).toBe('application/pdf');
  await admin.getByLabel('Alaorganisaatio', { exact: true }).selectOption({ label: 'Pohjoisen piiri' });
  await admin.getByLabel('Tunnit', { exact: true }).fill('5000');
  await admin.getByRole('button', { name: 'Tallenna' }).click();
  await expect(admin.getByText('Jakamattomia tunteja on vain 1 500 h.').first()).toBeVisible();
  await admin.getByLabel('Tunnit', { exact: true }).fill('400');
  await admin.getByRole('button', { name: 'Tallenna' }).click();
  await expect(admin.getByText('Tunnit on jaettu.')).toBeVisible();
  await expect(admin.getByRole('row', { name: /Pohjoisen piiri/ })).toContainText('400 h');
  await expect(figure(admin, 'Jakamatta')).toContainText('1 100 h');
  await expect(admin.getByRole('img', { name: 'Tuntien kertymä vuonna 2034' })).toBeVisible();
  await expectNoSeriousA11yViolations(admin);
  await admin.getByRole('link', { name: 'Pohjoisen piiri' }).click();
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Opetustunnit 2034: Pohjoisen piiri');
  await expect(figure(admin, 'Jaettu')).toContainText('400 h');
  await expectNoSeriousA11yViolations(admin);
  // The front page has the year's hours at a glance.
  await admin.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Etusivu' }).click();
  await expect(admin.getByRole('region', { name: 'Opetustunnit 2034: Kansanliikkeiden Liitto ry' })).toContainText('1 500 h');
  await expectNoSeriousA11yViolations(admin);
  await adminContext.close();
});
