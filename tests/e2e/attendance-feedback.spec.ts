import { demoUsers, expect, expectNoSeriousA11yViolations, grantNextYearsHours, linkFromOutbox, planAndSubmitCourse, resetServerClock, setServerClock, signIn, test } from './fixtures';

test.afterAll(async ({ request }) => {
  await resetServerClock(request);
});

test('the trainer ticks attendance on a phone, a participant answers the feedback, the admin sees the summary', async ({ page, request, browser }) => {
  test.setTimeout(120_000);
  // November 2041: hours for 2042; in January the trainer plans an evening course and adds two participants.
  await setServerClock(request, '2041-11-10T08:00:00Z');
  await grantNextYearsHours(browser, '100');
  await setServerClock(request, '2042-01-10T08:00:00Z');
  await signIn(page, demoUsers.trainer);
  const planPath = await planAndSubmitCourse(page, {
    name: 'Tuohitöiden ilta',
    topic: 'Kulttuuri ja taide',
    goals: 'Osallistuja osaa punoa tuohikontin.',
    participants: '8',
    sessions: [{ date: '2042-02-03', start: '18:00', end: '19:30', breaks: '', place: 'Seurantalo' }],
  });
  const organisationId = planPath.split('/')[2]!;
  await page.getByRole('link', { name: 'Osallistujat', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Osallistujat: Tuohitöiden ilta');
  for (const [name, email] of [['Ella Esimerkki', 'ella@example.test'], ['Eero Esimerkki', 'eero@example.test']] as const) {
    await page.getByLabel('Nimi', { exact: true }).fill(name);
    await page.getByLabel('Sähköposti').fill(email);
    await page.getByLabel('Syntymävuosi').fill('1984');
    await page.getByLabel('Kotikunta').fill('Kuopio');
    await page.getByRole('group', { name: /ensimmäistä kertaa/ }).getByLabel('Kyllä').check();
    await page.getByRole('button', { name: 'Lisää osallistuja' }).click();
    await expect(page.getByRole('table', { name: 'Ilmoittautuneet' })).toContainText(name);
  }

  // The evening of the session, on a phone: the trainer ticks who came.
  await setServerClock(request, '2042-02-03T17:00:00Z');
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const trainerPhone = await phone.newPage();
  await signIn(trainerPhone, demoUsers.trainer);
  await trainerPhone.goto(planPath);
  await trainerPhone.getByRole('link', { name: 'Läsnäolot' }).click();
  await expect(trainerPhone.getByRole('heading', { level: 1 })).toHaveText('Läsnäolot: Tuohitöiden ilta');
  await trainerPhone.getByRole('link', { name: /3\.2\.2042 18:00–19:30/ }).click();
  const ella = trainerPhone.getByRole('checkbox', { name: 'Ella Esimerkki' });
  // Large targets: the whole row is the box's label.
  const row = await trainerPhone.locator('label', { hasText: 'Ella Esimerkki' }).boundingBox();
  expect(row!.height).toBeGreaterThanOrEqual(48);
  await trainerPhone.locator('label', { hasText: 'Ella Esimerkki' }).tap();
  await expect(ella).toBeChecked();
  await expectNoSeriousA11yViolations(trainerPhone);
  await trainerPhone.getByRole('button', { name: 'Tallenna läsnäolot' }).tap();
  await expect(trainerPhone.getByText('Läsnäolot tallennettu.')).toBeVisible();
  await expect(trainerPhone.getByRole('checkbox', { name: 'Ella Esimerkki' })).toBeChecked();
  await expect(trainerPhone.getByRole('checkbox', { name: 'Eero Esimerkki' })).not.toBeChecked();
  await trainerPhone.getByRole('link', { name: 'Kaikki kerrat' }).tap();
  await expect(trainerPhone.getByText('Kirjattu: 1 paikalla')).toBeVisible();
  await expect(trainerPhone.getByText(/Osallistui vähintään kerran: 1, joista vähintään 15-vuotiaita 1/)).toBeVisible();
  await phone.close();

  // The next morning the training has ended and the participants get their feedback links.
  await setServerClock(request, '2042-02-04T06:00:00Z', true);
  const participant = await browser.newContext();
  const form = await participant.newPage();
  const link = await linkFromOutbox(browser, 'ella@example.test');
  await form.goto(link);
  await expect(form.getByRole('heading', { level: 1 })).toHaveText('Palaute koulutuksesta');
  await expectNoSeriousA11yViolations(form);
  await form.getByRole('button', { name: 'Lähetä palaute' }).click();
  await expect(form.getByText('Valitse arvosana 1–5.').first()).toBeVisible();
  await form.getByLabel('5 – erinomainen').check();
  await form.getByLabel('Mikä oli hyvää?').fill('Kärsivällinen ohjaaja ja hyvät materiaalit.');
  await form.getByRole('button', { name: 'Lähetä palaute' }).click();
  await expect(form.getByText('Kiitos palautteestasi!')).toBeVisible();
  // One answer per link.
  await form.goto(link);
  await expect(form.getByText('Tällä linkillä on jo vastattu.')).toBeVisible();
  await participant.close();

  // The admin sees the organisation's summary and the training's comments.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, demoUsers.orgAdmin);
  await admin.goto(`/organisations/${organisationId}`);
  await admin.getByRole('link', { name: 'Osallistujapalautteen yhteenveto' }).click();
  await admin.getByLabel('Vuosi').selectOption('2042');
  await admin.getByRole('button', { name: 'Näytä' }).click();
  await expect(admin.getByText('Keskiarvo 5,00 / 5 (1 vastausta)')).toBeVisible();
  await expectNoSeriousA11yViolations(admin);
  await admin.getByRole('link', { name: 'Tuohitöiden ilta' }).click();
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Osallistujapalaute: Tuohitöiden ilta');
  await expect(admin.getByText('Kärsivällinen ohjaaja ja hyvät materiaalit.')).toBeVisible();
  await expect(admin.getByText(/2 osallistujalle\); vastauksia 1/)).toBeVisible();
  await expectNoSeriousA11yViolations(admin);
  await adminContext.close();
});
