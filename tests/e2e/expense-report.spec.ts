import { demoUsers, expect, expectNoSeriousA11yViolations, grantNextYearsHours, holdTraining, newestEmailTo, planAndSubmitCourse, resetServerClock, setAuditShare, setServerClock, signIn, test } from './fixtures';

test.afterAll(async ({ request }) => {
  await resetServerClock(request);
});

// A receipt's content is checked, not its name: a whole PDF has its header and end-of-file marker.
const receiptPdf = Buffer.from('%PDF-1.4\n% Kuitti: kouluttajan palkkio 400 EUR\n%%EOF\n');

test('the trainer reports a training, staff return it, the trainer fixes it and staff approve it; the ledger shows the realised hours', async ({ page, request, browser }) => {
  test.setTimeout(180_000);
  // November 2043: hours for 2044; in January the trainer plans a two-evening course with eight participants.
  await setServerClock(request, '2043-11-10T08:00:00Z');
  await grantNextYearsHours(browser, '100');
  // Every 2044 report is audited, so the journey meets the audit on every run.
  await setAuditShare(browser, 2044, '100');
  await setServerClock(request, '2044-01-10T08:00:00Z');
  await signIn(page, demoUsers.trainer);
  const planPath = await planAndSubmitCourse(page, {
    name: 'Kirjanpidon perusteet',
    topic: 'Järjestö- ja vapaaehtoistoiminta',
    goals: 'Osallistuja osaa pitää yhdistyksen kirjanpitoa.',
    participants: '8',
    sessions: ['2044-02-02', '2044-02-09'].map((date) => ({ date, start: '18:00', end: '21:00', breaks: '0', place: 'Järjestötalo' })),
  });
  const organisationId = planPath.split('/')[2]!;
  // Both evenings all eight came.
  await holdTraining(page, request, planPath, {
    count: 8,
    domain: 'kulut.example',
    sessions: [
      ['2044-02-02', /2\.2\.2044 18:00–21:00/],
      ['2044-02-09', /9\.2\.2044 18:00–21:00/],
    ],
  });

  // The day after the training it has ended: the trainer fills in the report.
  await setServerClock(request, '2044-02-10T08:00:00Z', true);
  await signIn(page, demoUsers.trainer);
  await page.goto(planPath);
  await page.getByRole('link', { name: 'Kuluselvitys' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kuluselvitys: Kirjanpidon perusteet');
  await expect(page.getByText(/8 vähintään 15-vuotiasta osallistui/)).toBeVisible();
  // The sessions come from the plan: 2 × 180 min = 8 teaching hours.
  await expect(page.locator('[id="field-sessionDate.1"]')).toHaveValue('2044-02-09');
  await page.locator('[id="field-costCategory.0"]').selectOption({ label: 'Kouluttajapalkkiot ja työnantajakulut' });
  await page.locator('[id="field-costDescription.0"]').fill('Kouluttajan palkkio');
  await page.locator('[id="field-costAmount.0"]').fill('300');
  await page.locator('[id="field-costCategory.1"]').selectOption({ label: 'Osallistujien matkakulut' });
  await page.locator('[id="field-costDescription.1"]').fill('Kimppakyydit');
  await page.locator('[id="field-costAmount.1"]').fill('100');
  // Live: travel counts 20 % of 300 = 60; 55 % of 360 = 198,00 binds (35 € × 8 h = 280).
  await expect(page.getByText('Tuki: 198,00 €')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // Submitting without the declaration is refused next to the field, nothing lost.
  await page.getByRole('button', { name: 'Jätä kuluselvitys' }).click();
  await expect(page.getByRole('link', { name: /Vahvista, että markkinoinnissa/ })).toBeVisible();
  await expect(page.locator('[id="field-costAmount.0"]')).toHaveValue('300');
  await page.getByLabel(/Vakuutan, että koulutuksen markkinoinnissa/).check();
  await page.getByRole('button', { name: 'Jätä kuluselvitys' }).click();
  await expect(page.getByText('Kuluselvitys jätetty opintokeskukselle.')).toBeVisible();
  await expect(page.getByText('Jätetty, odottaa käsittelyä')).toBeVisible();
  // Picked for audit: the trainer attaches the receipt while the report waits.
  await expect(page.getByText(/Kuluselvitys on valittu tarkastukseen/)).toBeVisible();
  await page.getByLabel('Kuitti').setInputFiles({ name: 'palkkio.pdf', mimeType: 'application/pdf', buffer: receiptPdf });
  await page.getByRole('button', { name: 'Liitä kuitti' }).click();
  await expect(page.getByText('Kuitti liitetty.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'palkkio.pdf' })).toBeVisible();

  // Staff find it in the queue and return it for corrections.
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signIn(staff, demoUsers.centreStaff);
  await staff.getByRole('link', { name: 'Kuluselvitykset' }).click();
  await expectNoSeriousA11yViolations(staff);
  await staff.getByRole('link', { name: 'Kirjanpidon perusteet' }).click();
  await expect(staff.getByRole('heading', { name: 'Käsittely', exact: true })).toBeVisible();
  await staff.getByRole('button', { name: 'Palauta korjattavaksi' }).click();
  await expect(staff.getByText('Täytä tämä kenttä.').first()).toBeVisible();
  await staff.getByLabel('Korjattavaa').fill('Kouluttajan palkkio oli sopimuksen mukaan 400 euroa. Korjaa summa.');
  await staff.getByRole('button', { name: 'Palauta korjattavaksi' }).click();
  await expect(staff.getByText(/Kuluselvitys palautettu korjattavaksi/)).toBeVisible();
  await expectNoSeriousA11yViolations(staff);

  // The trainer is emailed the comment and fixes the report.
  const emailed = await newestEmailTo(browser, demoUsers.trainer);
  expect(emailed).toContain('400 euroa');
  await page.goto(`${planPath}/expense-report`);
  await expect(page.getByRole('heading', { name: 'Korjaa ja jätä uudelleen' })).toBeVisible();
  await expect(page.getByText('Kouluttajan palkkio oli sopimuksen mukaan 400 euroa. Korjaa summa.')).toBeVisible();
  await page.locator('[id="field-costAmount.0"]').fill('400');
  // 20 % of 400 = 80 travel; 55 % of 480 = 264,00 binds.
  await expect(page.getByText('Tuki: 264,00 €')).toBeVisible();
  await page.getByRole('button', { name: 'Jätä kuluselvitys' }).click();
  await expect(page.getByText('Kuluselvitys jätetty opintokeskukselle.')).toBeVisible();
  await page.getByRole('link', { name: 'Vertaa versioita' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kuluselvityksen versiot: Kirjanpidon perusteet');
  await expect(page.getByRole('row', { name: /Kulu 1/ })).toContainText('Muuttunut');
  await expectNoSeriousA11yViolations(page);

  // Staff approve version 2 once the receipts are checked: the realised 8 hours become used hours.
  await staff.reload();
  await staff.getByRole('button', { name: 'Hyväksy' }).click();
  await expect(staff.getByText('Merkitse kuitit tarkistetuiksi ennen hyväksymistä.').first()).toBeVisible();
  await staff.getByRole('button', { name: 'Merkitse kuitit tarkistetuiksi' }).click();
  await expect(staff.getByText('Kuitit merkitty tarkistetuiksi.')).toBeVisible();
  await staff.getByRole('button', { name: 'Hyväksy' }).click();
  await expect(staff.getByText('Kuluselvitys hyväksytty ja toteutuneet tunnit kirjattu.')).toBeVisible();
  await expect(staff.getByText('Hyväksytty', { exact: true }).first()).toBeVisible();
  await staffContext.close();

  await page.goto(planPath);
  await expect(page.getByText('Hyväksytty').first()).toBeVisible();
  const used = page.locator('dt', { hasText: 'Käytetyt tunnit' }).locator('xpath=following-sibling::dd[1]');
  await expect(used).toHaveText('8,00 h');

  // The admin sees the approved support in the organisation's overview.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, demoUsers.orgAdmin);
  await admin.goto(`/organisations/${organisationId}`);
  await admin.getByRole('link', { name: 'Taloudellinen tuki ja kuluselvitykset' }).click();
  await admin.goto(`/organisations/${organisationId}/support?year=2044`);
  await expect(admin.getByRole('row', { name: /Kirjanpidon perusteet/ })).toContainText('264,00 €');
  await expectNoSeriousA11yViolations(admin);
  await adminContext.close();
});
