import type { Browser, Page } from '@playwright/test';
import { demoUsers, expect, expectNoSeriousA11yViolations, grantNextYearsHours, linkFromOutbox, resetServerClock, setServerClock, signIn, test } from './fixtures';

test.afterAll(async ({ request }) => {
  await resetServerClock(request);
});

/** A visitor registers from the training's public page. */
async function register(page: Page, person: { name: string; email: string; birthYear: string }) {
  await page.getByLabel('Nimi').fill(person.name);
  await page.getByLabel('Sähköposti').fill(person.email);
  await page.getByLabel('Syntymävuosi').fill(person.birthYear);
  await page.getByLabel('Kotikunta').fill('Rovaniemi');
  await page.getByRole('group', { name: /ensimmäistä kertaa/ }).getByLabel('Kyllä').check();
}

/** The newest email's subject to the address, read from the outbox as the centre admin. */
async function newestSubject(browser: Browser, address: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, demoUsers.centreAdmin);
  await page.goto('/outbox');
  const row = page.locator('tr', { hasText: address }).first();
  const text = await row.textContent();
  await context.close();
  return text ?? '';
}

test('a visitor finds a public training, registers, cancels, and the next on the waiting list gets the place', async ({ page, request, browser }) => {
  test.setTimeout(120_000);
  // November 2039: organisation A gets hours for 2040; in January a trainer plans a public course of one place.
  await setServerClock(request, '2039-11-10T08:00:00Z');
  await grantNextYearsHours(browser, '100');
  await setServerClock(request, '2040-01-10T08:00:00Z');
  await signIn(page, demoUsers.trainer);
  await page.goto('/trainings');
  await page.getByRole('link', { name: 'Suunnittele uusi koulutus' }).click();
  await page.getByLabel('Koulutuksen nimi').fill('Revontulten laulupiiri');
  await page.getByLabel('Kuvaus').fill('Laulamme yhdessä pohjoisen lauluja.');
  await page.getByLabel('Tyyppi').selectOption({ label: 'Kurssi' });
  await page.getByLabel('Aiheluokka').selectOption({ label: 'Kulttuuri ja taide' });
  await page.getByLabel('Oppimistavoitteet').fill('Osallistuja osaa laulaa moniäänisesti.');
  await page.getByLabel('Suunniteltu osallistujamäärä').fill('8');
  for (const declaration of ['Koulutukselle ei saada muuta valtionrahoitusta', 'Koulutusta ei myydä yrityksille', 'Koulutus ei johda ammatilliseen tutkintoon']) {
    await page.getByLabel(declaration).check();
  }
  await page.getByLabel('Näytä koulutus julkisessa koulutuskalenterissa').check();
  await page.getByLabel('Maakunta').selectOption({ label: 'Lappi' });
  await page.getByLabel('Paikkoja').fill('1');
  await page.locator('[id="field-sessionDate.0"]').fill('2040-02-07');
  await page.locator('[id="field-sessionStart.0"]').fill('18:00');
  await page.locator('[id="field-sessionEnd.0"]').fill('19:30');
  await page.locator('[id="field-sessionPlace.0"]').fill('Seurantalo');
  await page.getByRole('button', { name: 'Tallenna suunnitelma' }).click();
  await expect(page.getByText('Suunnitelma tallennettu.')).toBeVisible();
  await page.getByRole('button', { name: 'Jätä suunnitelma ja varaa tunnit' }).click();
  await expect(page.getByText(/Suunnitelma jätetty/)).toBeVisible();
  const planUrl = new URL(page.url()).pathname;

  // A visitor, not signed in, finds it in the calendar by region and search.
  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  await visitor.goto('/login');
  await visitor.getByRole('link', { name: /Koulutuskalenteri/ }).click();
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Koulutuskalenteri');
  await expectNoSeriousA11yViolations(visitor);
  await visitor.getByLabel('Hakusana').fill('laulupiiri');
  await visitor.getByLabel('Maakunta').selectOption({ label: 'Lappi' });
  await visitor.getByRole('button', { name: 'Näytä' }).click();
  await expect(visitor.getByText('Koulutuksia: 1')).toBeVisible();
  await expect(visitor.getByText('Vapaita paikkoja: 1')).toBeVisible();
  await visitor.getByRole('link', { name: 'Revontulten laulupiiri' }).click();
  await expect(visitor.getByText('Kansanliikkeiden Liitto ry järjestää koulutuksen yhteistyössä opintokeskuksen kanssa')).toBeVisible();
  await expectNoSeriousA11yViolations(visitor);

  // Consent is required; what was typed stays.
  await register(visitor, { name: 'Aila Aamunen', email: 'aila@example.test', birthYear: '1975' });
  await visitor.getByRole('button', { name: 'Ilmoittaudu koulutukseen' }).click();
  await expect(visitor.getByText('Hyväksy tietojesi käsittely').first()).toBeVisible();
  await expect(visitor.getByLabel('Nimi')).toHaveValue('Aila Aamunen');
  await visitor.getByLabel('Olen lukenut tietosuojaselosteen').check();
  await visitor.getByRole('button', { name: 'Ilmoittaudu koulutukseen' }).click();
  await expect(visitor.getByText('Kiitos, ilmoittautumisesi on vastaanotettu.')).toBeVisible();
  expect(await newestSubject(browser, 'aila@example.test')).toContain('Ilmoittautuminen vahvistettu: Revontulten laulupiiri');

  // The one place is taken: the next visitor goes to the waiting list.
  await visitor.goto(visitor.url());
  await expect(visitor.getByText('Täynnä – varasijoja')).toBeVisible();
  await register(visitor, { name: 'Bertta Bore', email: 'bertta@example.test', birthYear: '1988' });
  await visitor.getByLabel('Olen lukenut tietosuojaselosteen').check();
  await visitor.getByRole('button', { name: 'Ilmoittaudu koulutukseen' }).click();
  await expect(visitor.getByText('Kiitos, ilmoittautumisesi on vastaanotettu.')).toBeVisible();
  expect(await newestSubject(browser, 'bertta@example.test')).toContain('Olet varasijalla: Revontulten laulupiiri');
  await visitor.getByRole('link', { name: /Tietosuojaseloste/ }).click();
  await expect(visitor.getByRole('heading', { level: 1 })).toContainText('Tietosuojaseloste');
  await expectNoSeriousA11yViolations(visitor);

  // The first cancels with the link in her confirmation; the place goes to the waiting list.
  await visitor.goto(await linkFromOutbox(browser, 'aila@example.test'));
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Peru ilmoittautuminen');
  await expectNoSeriousA11yViolations(visitor);
  await visitor.getByRole('button', { name: 'Peru ilmoittautuminen' }).click();
  await expect(visitor.getByText('Ilmoittautumisesi on peruttu.')).toBeVisible();
  await visitorContext.close();
  expect(await newestSubject(browser, 'bertta@example.test')).toContain('Sait paikan: Revontulten laulupiiri');

  // The trainer sees her among the registered, and the first among the cancelled.
  await page.goto(planUrl);
  await page.getByRole('link', { name: 'Osallistujat', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Osallistujat: Revontulten laulupiiri');
  await expect(page.getByRole('table', { name: 'Ilmoittautuneet' })).toContainText('Bertta Bore');
  await expect(page.getByText('Varasijoilla ei ole ketään.')).toBeVisible();
  await expect(page.getByText('Perutut (1)')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
