import type { Browser } from '@playwright/test';
import { demoUsers, expect, expectNoSeriousA11yViolations, resetServerClock, setServerClock, signIn, test } from './fixtures';

test.afterAll(async ({ request }) => {
  await resetServerClock(request);
});

async function signedIn(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return { page, close: () => context.close() };
}

test('the admin delegates, the coordinator fills, the admin submits; staff decide; more hours in March, a return in August', async ({ browser, request }) => {
  // October 2035: the proposal window for 2036.
  await setServerClock(request, '2035-10-05T08:00:00Z');
  const admin = await signedIn(browser, demoUsers.orgAdmin);
  const organisationPath = (await admin.page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Opetustunnit' }).getAttribute('href'))!;
  await admin.page.goto(`${organisationPath}/proposals/2036`);
  await admin.page.getByRole('button', { name: 'Aloita tuntiesitys vuodelle 2036' }).click();
  await expect(admin.page.getByText('Tuntiesitys on aloitettu.')).toBeVisible();
  await admin.page.getByLabel('Koulutusteema tai painopiste').fill('Kansalaistoiminta');
  await admin.page.getByLabel('Tunnit', { exact: true }).fill('200');
  await admin.page.getByLabel('Perustelu').fill('Järjestön omat kurssit');
  await admin.page.getByRole('button', { name: 'Tallenna rivi' }).click();
  await expect(admin.page.getByText('Rivi on lisätty.')).toBeVisible();
  // A saved line leaves an empty form behind for the next one.
  await expect(admin.page.getByLabel('Koulutusteema tai painopiste')).toHaveValue('');
  await admin.page.getByLabel('Alaorganisaatio', { exact: true }).selectOption({ label: 'Pohjoisen piiri' });
  await admin.page.getByLabel('Tunnit', { exact: true }).fill('0');
  await admin.page.getByLabel('Delegoi rivi alaorganisaation yhteyshenkilöille täytettäväksi').check();
  await admin.page.getByRole('button', { name: 'Tallenna rivi' }).click();
  await expect(admin.page.getByText('Alaorganisaatioille delegoituja rivejä valmiina 0/1.')).toBeVisible();
  await admin.page.getByRole('button', { name: 'Jätä tuntiesitys' }).click();
  await expect(admin.page.getByText('Kaikki delegoidut rivit eivät ole valmiita.')).toBeVisible();
  await expectNoSeriousA11yViolations(admin.page);

  const coordinator = await signedIn(browser, demoUsers.coordinator);
  await coordinator.page.goto(`${organisationPath}/proposals/2036`);
  await coordinator.page.getByRole('link', { name: 'Muokkaa' }).click();
  await coordinator.page.getByLabel('Koulutusteema tai painopiste').fill('Kuorot');
  await coordinator.page.getByLabel('Tunnit', { exact: true }).fill('120');
  await coordinator.page.getByLabel('Perustelu').fill('Piirin kuorokurssit');
  await coordinator.page.getByLabel('Rivi on valmis').check();
  await expectNoSeriousA11yViolations(coordinator.page);
  await coordinator.page.getByRole('button', { name: 'Tallenna rivi' }).click();
  await expect(coordinator.page.getByText('Alaorganisaatioille delegoituja rivejä valmiina 1/1.')).toBeVisible();
  await coordinator.close();

  await admin.page.reload();
  await admin.page.getByRole('button', { name: 'Jätä tuntiesitys' }).click();
  await expect(admin.page.getByText('Tuntiesitys on jätetty opintokeskukselle.')).toBeVisible();
  await expect(admin.page.getByText('Esitetyt tunnit yhteensä: 320 h')).toBeVisible();
  await admin.close();

  // November 2035: staff see the proposal beside the decision and grant the hours.
  await setServerClock(request, '2035-11-10T08:00:00Z');
  const staff = await signedIn(browser, demoUsers.centreStaff);
  await staff.page.goto('/hours?year=2036');
  await staff.page.getByLabel('Budjetti (tuntia)').fill('1000');
  await staff.page.getByRole('button', { name: 'Tallenna budjetti' }).click();
  await expect(staff.page.getByRole('row', { name: /Kansanliikkeiden Liitto ry/ })).toContainText('320 h (Jätetty)');
  await staff.page.getByRole('link', { name: 'Kansanliikkeiden Liitto ry' }).click();
  await staff.page.getByLabel('Myönnettävät tunnit').fill('300');
  await staff.page.getByRole('button', { name: 'Tallenna luonnos' }).click();
  await staff.page.getByRole('button', { name: 'Julkaise päätös' }).click();
  await expect(staff.page.getByText('Päätös on julkaistu')).toBeVisible();
  await staff.close();

  // March 2036: the admin applies for 100 h more; staff grant 60 h of it.
  await setServerClock(request, '2036-03-16T08:00:00Z');
  const marchAdmin = await signedIn(browser, demoUsers.orgAdmin);
  await marchAdmin.page.goto(`${organisationPath}/requests`);
  await marchAdmin.page.getByRole('region', { name: 'Hae lisätunteja' }).getByLabel('Tunnit', { exact: true }).fill('100');
  await marchAdmin.page.getByRole('region', { name: 'Hae lisätunteja' }).getByLabel('Perustelu').fill('Uusi kuorokurssi');
  await marchAdmin.page.getByRole('button', { name: 'Lähetä hakemus' }).click();
  await expect(marchAdmin.page.getByText('Hakemus on lähetetty opintokeskukselle.')).toBeVisible();
  await expectNoSeriousA11yViolations(marchAdmin.page);
  await marchAdmin.close();
  const marchStaff = await signedIn(browser, demoUsers.centreStaff);
  await marchStaff.page.goto('/hours/requests');
  await marchStaff.page.getByRole('link', { name: 'Kansanliikkeiden Liitto ry' }).click();
  await marchStaff.page.getByLabel('Myönnettävät tunnit').fill('60');
  await marchStaff.page.getByLabel('Perustelu', { exact: true }).fill('Osa kurssista mahtuu budjettiin.');
  await marchStaff.page.getByRole('button', { name: 'Tallenna päätös' }).click();
  await expect(marchStaff.page.getByText('Päätös on tallennettu')).toBeVisible();
  await expect(marchStaff.page.getByText('Myönnetty: 60 h')).toBeVisible();
  await marchStaff.close();

  // August 2036: the admin returns 30 h; the dashboard shows what is left.
  await setServerClock(request, '2036-08-20T08:00:00Z');
  const augustAdmin = await signedIn(browser, demoUsers.orgAdmin);
  await augustAdmin.page.goto(`${organisationPath}/requests`);
  await expect(augustAdmin.page.getByText('Myönnetty: 60 h')).toBeVisible();
  await augustAdmin.page.getByRole('region', { name: 'Palauta tunteja' }).getByLabel('Tunnit', { exact: true }).fill('30');
  await augustAdmin.page.getByRole('button', { name: 'Palauta tunnit' }).click();
  await expect(augustAdmin.page.getByText('Tunnit on palautettu opintokeskukselle.')).toBeVisible();
  await augustAdmin.page.goto(organisationPath);
  await expect(augustAdmin.page.locator('dl > div').filter({ hasText: /^Myönnetty/ })).toContainText('330 h');
  await expectNoSeriousA11yViolations(augustAdmin.page);
  await augustAdmin.close();
});
