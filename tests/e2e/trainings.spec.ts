import type { Page } from '@playwright/test';
import { declare, demoUsers, expect, expectNoSeriousA11yViolations, fillSession, grantNextYearsHours, resetServerClock, sessionField, setServerClock, signIn, test } from './fixtures';

test.afterAll(async ({ request }) => {
  await resetServerClock(request);
});

test('a trainer plans a training, copies it, edits the copy, submits it and sees its hours reserved', async ({ page, request, browser }) => {
  // November 2037: staff grant organisation A 300 hours for 2038.
  await setServerClock(request, '2037-11-10T08:00:00Z');
  await grantNextYearsHours(browser, '300');

  // January 2038: the trainer plans the spring's first course.
  await setServerClock(request, '2038-01-10T08:00:00Z');
  await signIn(page, demoUsers.trainer);
  await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Koulutukset' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Koulutukset');
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('link', { name: 'Suunnittele uusi koulutus' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Uusi koulutussuunnitelma');
  await page.getByLabel('Koulutuksen nimi').fill('Kuorolaulun peruskurssi');
  await page.getByLabel('Tyyppi').selectOption({ label: 'Kurssi' });
  await page.getByLabel('Aiheluokka').selectOption({ label: 'Kulttuuri ja taide' });
  await page.getByLabel('Oppimistavoitteet').fill('Osallistuja osaa lämmitellä äänensä ja laulaa stemmassa.');
  await page.getByLabel('Suunniteltu osallistujamäärä').fill('12');
  await declare(page);
  await fillSession(page, 0, { date: '2038-02-02', start: '18:00', end: '19:30', breaks: '0', place: 'Seurantalo' });
  // The hours follow the typing: 90 minutes are 2 teaching hours, next to what the unit has.
  await expect(page.getByText('Opetustunnit: 2,00 h (90 min)')).toBeVisible();
  await expect(page.getByText('Järjestön jakamattomat tunnit: 300,00 h')).toBeVisible();
  // A session ending before it starts is refused next to its field, and nothing is lost.
  await fillSession(page, 1, { date: '2038-02-09', start: '18:00', end: '17:00', breaks: '', place: 'Seurantalo' });
  await page.getByRole('button', { name: 'Tallenna suunnitelma' }).click();
  await expect(page.getByText('Päättymisajan on oltava alkamisajan jälkeen').first()).toBeVisible();
  await sessionField(page, 'sessionEnd', 1).fill('19:30');
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Tallenna suunnitelma' }).click();
  await expect(page.getByText('Suunnitelma tallennettu.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kuorolaulun peruskurssi');

  // The follow-up course is copied from it: a new name, a longer second evening.
  await page.getByRole('link', { name: 'Kopioi uudeksi koulutukseksi' }).click();
  await expect(page.getByText('Tiedot on esitäytetty koulutuksesta ”Kuorolaulun peruskurssi”')).toBeVisible();
  await expect(page.getByLabel('Oppimistavoitteet')).toHaveValue('Osallistuja osaa lämmitellä äänensä ja laulaa stemmassa.');
  await page.getByLabel('Koulutuksen nimi').fill('Kuorolaulun jatkokurssi');
  await sessionField(page, 'sessionEnd', 1).fill('20:00');
  await sessionField(page, 'sessionBreak', 1).fill('15');
  // 90 + 105 minutes: 4,33 hours, rounded once from the sum.
  await expect(page.getByText('Opetustunnit: 4,33 h (195 min)')).toBeVisible();
  await declare(page);
  await page.getByRole('button', { name: 'Tallenna suunnitelma' }).click();
  await expect(page.getByText('Suunnitelma tallennettu.')).toBeVisible();
  await expect(page.getByText('Suunnitelma täyttää tukiehdot.')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Jätä suunnitelma ja varaa tunnit' }).click();
  await expect(page.getByText('Suunnitelma jätetty. Koulutukselle on varattu 4,33 h.')).toBeVisible();
  await expect(page.getByText('Jätetty', { exact: true })).toBeVisible();

  // The list shows it submitted; the organisation's pool has 4,33 hours fewer free.
  await page.getByRole('link', { name: 'Kaikki koulutukset' }).click();
  await expect(page.getByRole('row', { name: /Kuorolaulun jatkokurssi/ })).toContainText('Jätetty');
  await expect(page.getByRole('row', { name: /Kuorolaulun peruskurssi/ })).toContainText('Luonnos');
  await page.getByRole('link', { name: 'Kuorolaulun peruskurssi' }).click();
  await expect(page.getByText('Järjestön jakamattomat tunnit: 295,67 h')).toBeVisible();
});
