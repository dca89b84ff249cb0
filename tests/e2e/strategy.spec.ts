import { demoUsers, expect, expectNoSeriousA11yViolations, signIn, test } from './fixtures';

test('the admin drafts and publishes a training strategy, the centre contact comments, the admin publishes a revision and compares the versions', async ({ page, browser }) => {
  test.setTimeout(120_000);
  // Centre staff make themselves organisation A's contact at the centre.
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signIn(staff, demoUsers.centreStaff);
  await staff.goto('/organisations');
  await staff.getByRole('link', { name: 'Kansanliikkeiden Liitto ry' }).first().click();
  await staff.getByRole('link', { name: 'Muokkaa järjestön tietoja' }).click();
  const staffName = ((await staff.getByText(/^Kirjautunut: /).textContent()) ?? '').replace('Kirjautunut: ', '');
  await staff.getByLabel('Yhteyshenkilö opintokeskuksessa').selectOption({ label: staffName });
  await staff.getByRole('button', { name: 'Tallenna tiedot' }).click();
  await expect(staff.getByText('Tiedot tallennettu.')).toBeVisible();

  // The admin starts the strategy for 2031–2034 from the organisation's page and writes it.
  await signIn(page, demoUsers.orgAdmin);
  await page.goto('/organisations');
  await page.getByRole('link', { name: 'Kansanliikkeiden Liitto ry' }).first().click();
  await page.getByRole('link', { name: 'Koulutusstrategia' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Koulutusstrategia');
  await page.getByLabel('Ensimmäinen vuosi').fill('2031');
  await page.getByLabel('Viimeinen vuosi').fill('2045');
  await page.getByRole('button', { name: 'Aloita strategia' }).click();
  await expect(page.locator('#field-lastYear-error')).toContainText('enintään yhdeksän vuotta');
  await page.getByLabel('Viimeinen vuosi').fill('2034');
  await page.getByRole('button', { name: 'Aloita strategia' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Koulutusstrategia 2031–2034');
  await page.getByLabel('Miten koulutus palvelee järjestön strategiaa').fill('Koulutus vahvistaa jäsenyhdistysten toimintaa.');
  await page.getByLabel('Koulutuksen nykytila').fill('Järjestämme vuosittain noin 40 kurssia.');
  // The draft saves itself a moment after typing stops, with the target half written.
  const autosaved = page.waitForResponse((response) => response.request().method() === 'POST' && response.url().includes('/strategies/'));
  await page.locator('[id="field-targetText.0"]').fill('Uusia kouluttajia');
  expect((await autosaved).status()).toBe(200);
  await page.reload();
  await expect(page.locator('[id="field-targetText.0"]')).toHaveValue('Uusia kouluttajia');
  await expect(page.getByLabel('Koulutuksen nykytila')).toHaveValue('Järjestämme vuosittain noin 40 kurssia.');
  await page.getByRole('button', { name: 'Julkaise versio' }).click();
  // A published target needs its measure, owner and timetable.
  await expect(page.locator('[id="field-targetMeasure.0-error"]')).toBeVisible();
  await page.locator('[id="field-targetMeasure.0"]').fill('10 uutta kouluttajaa');
  await page.locator('[id="field-targetOwner.0"]').fill('Koulutuspäällikkö');
  await page.locator('[id="field-targetTimetable.0"]').fill('2032');
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Julkaise versio' }).click();
  await expect(page.getByText('Versio 1 julkaistu.')).toBeVisible();
  const strategyPath = new URL(page.url()).pathname;

  // The centre contact reads version 1 and comments; the admin is emailed.
  await staff.goto(`${strategyPath}/versions/1`);
  await expect(staff.getByRole('cell', { name: 'Uusia kouluttajia' })).toBeVisible();
  await staff.getByLabel('Kommentti').fill('Lisätkää tavoite verkkokursseista.');
  await staff.getByRole('button', { name: 'Lähetä kommentti' }).click();
  await expect(staff.getByText('Kommentti lähetetty.')).toBeVisible();
  await expect(staff.getByText('Lisätkää tavoite verkkokursseista.')).toBeVisible();
  await expectNoSeriousA11yViolations(staff);
  await staffContext.close();

  // The admin revises (the draft keeps what was published), publishes version 2 and compares.
  await page.goto(strategyPath);
  await page.getByLabel('Miten koulutus palvelee järjestön strategiaa').fill('Koulutus vahvistaa jäsenyhdistysten ja vapaaehtoisten toimintaa.');
  await page.locator('[id="field-targetText.1"]').fill('Verkkokursseja');
  await page.locator('[id="field-targetMeasure.1"]').fill('5 kurssia');
  await page.locator('[id="field-targetOwner.1"]').fill('Toiminnanjohtaja');
  await page.locator('[id="field-targetTimetable.1"]').fill('2033');
  await page.getByRole('button', { name: 'Julkaise versio' }).click();
  await expect(page.getByText('Versio 2 julkaistu.')).toBeVisible();
  await page.getByRole('button', { name: 'Näytä muutokset' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Muutokset: versio 1 → versio 2');
  await expect(page.locator('ins').filter({ hasText: 'ja vapaaehtoisten' })).toBeVisible();
  await expect(page.locator('ins').filter({ hasText: 'Verkkokursseja' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // Version 1 still reads as it was, with its comment, and prints.
  await page.goto(`${strategyPath}/versions/1`);
  await expect(page.getByText('Koulutus vahvistaa jäsenyhdistysten toimintaa.')).toBeVisible();
  await expect(page.getByText('Lisätkää tavoite verkkokursseista.')).toBeVisible();
  const printed = await page.request.get(`${strategyPath}/versions/1/pdf`);
  expect(printed.headers()['content-type']).toBe('application/pdf');
});
