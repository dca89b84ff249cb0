import type { Page } from '@playwright/test';
import { demoUsers, expect, expectNoSeriousA11yViolations, resetServerClock, setServerClock, signIn, test } from './fixtures';

const eventItem = (page: Page, title: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title, exact: true }) });

test.afterAll(async ({ request }) => {
  await resetServerClock(request);
});

test('staff create the year’s calendars, an admin sees them, the reminder and an announcement', async ({ page, request, browser }) => {
  await setServerClock(request, '2031-09-15T07:00:00Z');
  await signIn(page, demoUsers.centreStaff);
  await page.getByRole('navigation', { name: 'Päävalikko' }).getByRole('link', { name: 'Vuosikello' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vuosikello 2031');
  await expect(page.getByText('Opintokeskus ei ole vielä luonut vuoden 2031 vuosikelloa.')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Luo vuosikello 2031' }).click();
  await expect(page.getByText('Vuoden 2031 vuosikello on luotu.')).toBeVisible();

  // The hour-proposal window is brought forward to 22 September, with a note for the admins.
  await eventItem(page, 'Ensi vuoden tuntihaku').getByRole('link', { name: 'Muokkaa' }).click();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('Päättyy').fill('2031-09-01');
  await page.getByRole('button', { name: 'Tallenna' }).click();
  await expect(page.getByText('Päättymispäivä ei voi olla ennen alkamispäivää.').first()).toBeVisible();
  await page.getByLabel('Alkaa').fill('2031-09-22');
  await page.getByLabel('Päättyy').fill('2031-10-31');
  await page.getByLabel('Lisätiedot suomeksi').fill('Tuntihaun ohjeet ovat Ohjeet-sivulla.');
  await page.getByRole('button', { name: 'Tallenna' }).click();
  await expect(eventItem(page, 'Ensi vuoden tuntihaku')).toContainText('22.9.2031–31.10.2031');
  await expect(eventItem(page, 'Ensi vuoden tuntihaku')).toContainText('Tulossa');

  // Next year's calendar from this year's, moved on by a year.
  await page.getByRole('link', { name: 'Seuraava vuosi (2032) ›' }).click();
  await page.getByLabel('Vuoden 2031 vuosikello vuodella siirrettynä').check();
  await page.getByRole('button', { name: 'Luo vuosikello 2032' }).click();
  await expect(page.getByText('Vuoden 2032 vuosikello on luotu.')).toBeVisible();
  await expect(eventItem(page, 'Ensi vuoden tuntihaku')).toContainText('22.9.2032–31.10.2032');

  // An announcement to one organisation's admins.
  await page.goto('/announcements/new');
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Lähetä tiedote' }).click();
  await expect(page.getByRole('alert').getByText('Otsikko suomeksi: Täytä tämä kenttä.')).toBeVisible();
  await page.getByLabel('Otsikko suomeksi').fill('Syksyn aluetapaamiset');
  await page.getByLabel('Teksti suomeksi').fill('Tervetuloa aluetapaamisiin lokakuussa.');
  await page.getByLabel('Valittujen järjestöjen pääkäyttäjät').check();
  await page.getByLabel('Kansanliikkeiden Liitto ry').check();
  await page.getByRole('button', { name: 'Lähetä tiedote' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Syksyn aluetapaamiset');
  await expect(page.getByText(/Tiedote on lähetetty\. Vastaanottajia: \d+/)).toBeVisible();

  // The admin sees what comes next, the note, and the announcement on the front page.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, demoUsers.orgAdmin);
  const calendar = admin.getByRole('region', { name: 'Vuosikello' });
  await expect(eventItem(admin, 'Ensi vuoden tuntihaku').first()).toContainText('22.9.2031–31.10.2031');
  await expect(calendar.getByText('Tuntihaun ohjeet ovat Ohjeet-sivulla.')).toBeVisible();
  await expect(admin.getByRole('region', { name: 'Opintokeskuksen tiedotteet' }).getByRole('link', { name: 'Syksyn aluetapaamiset' })).toBeVisible();
  await expectNoSeriousA11yViolations(admin);
  await admin.getByRole('link', { name: 'Koko vuosikello' }).click();
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Vuosikello 2031');
  await expect(admin.getByRole('link', { name: 'Muokkaa' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(admin);

  // The admin subscribes; the feed is a calendar a program can read.
  await admin.getByRole('link', { name: 'Tilaa kalenteriohjelmaan' }).click();
  await admin.getByRole('button', { name: 'Luo tilausosoite' }).click();
  const feedUrl = await admin.getByRole('textbox', { name: 'Tilausosoite' }).inputValue();
  await expectNoSeriousA11yViolations(admin);
  const feed = await request.get(new URL(feedUrl).pathname);
  expect(feed.headers()['content-type']).toContain('text/calendar');
  expect(await feed.text()).toContain('SUMMARY:Ensi vuoden tuntihaku');
  await adminContext.close();

  // On the opening day the scheduler queues the reminder; it is in the outbox once.
  await setServerClock(request, '2031-09-22T05:00:00Z', true);
  await setServerClock(request, '2031-09-22T06:00:00Z', true);
  await signIn(page, demoUsers.centreStaff);
  await page.goto('/outbox');
  const reminders = page.locator('tr', { hasText: 'paakayttaja@kll.example' }).filter({ hasText: 'Ensi vuoden tuntihaku alkaa' });
  await expect(reminders).toHaveCount(1);
  await reminders.getByText('Ensi vuoden tuntihaku alkaa').click();
  await expect(reminders.locator('pre')).toContainText('22.9.2031–31.10.2031');
});
