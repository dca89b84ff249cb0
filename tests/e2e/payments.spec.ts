import { readFile } from 'node:fs/promises';
import { demoUsers, expect, expectNoSeriousA11yViolations, grantNextYearsHours, holdTraining, newestEmailTo, planAndSubmitCourse, resetServerClock, setAuditShare, setServerClock, signIn, test } from './fixtures';

test.afterAll(async ({ request }) => {
  await resetServerClock(request);
});

test('staff make a payment batch of the approved support, download it and mark it paid; the admin sees it paid', async ({ page, request, browser }) => {
  test.setTimeout(180_000);
  // A 2046 course of two evenings, reported and approved (not audited) in February.
  await setServerClock(request, '2045-11-10T08:00:00Z');
  await grantNextYearsHours(browser, '100');
  await setAuditShare(browser, 2046, '0');
  await setServerClock(request, '2046-01-12T08:00:00Z');
  await signIn(page, demoUsers.trainer);
  const planPath = await planAndSubmitCourse(page, {
    name: 'Yhdistyksen rahaliikenne',
    topic: 'Järjestö- ja vapaaehtoistoiminta',
    goals: 'Osallistuja osaa hoitaa yhdistyksen maksuliikennettä.',
    participants: '7',
    sessions: ['2046-02-03', '2046-02-10'].map((date) => ({ date, start: '18:00', end: '21:00', breaks: '0', place: 'Järjestötalo' })),
  });
  const organisationId = planPath.split('/')[2]!;
  await holdTraining(page, request, planPath, {
    count: 7,
    domain: 'maksut.example',
    sessions: [
      ['2046-02-03', /3\.2\.2046 18:00–21:00/],
      ['2046-02-10', /10\.2\.2046 18:00–21:00/],
    ],
  });
  await setServerClock(request, '2046-02-11T08:00:00Z', true);
  await signIn(page, demoUsers.trainer);
  await page.goto(`${planPath}/expense-report`);
  await page.locator('[id="field-costCategory.0"]').selectOption({ label: 'Kouluttajapalkkiot ja työnantajakulut' });
  await page.locator('[id="field-costAmount.0"]').fill('300');
  // 55 % of 300 € = 165,00 € binds (35 € × 8 h = 280 €).
  await expect(page.getByText('Tuki: 165,00 €')).toBeVisible();
  await page.getByLabel(/Vakuutan, että koulutuksen markkinoinnissa/).check();
  await page.getByRole('button', { name: 'Jätä kuluselvitys' }).click();
  await expect(page.getByText('Kuluselvitys jätetty opintokeskukselle.')).toBeVisible();

  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signIn(staff, demoUsers.centreStaff);
  await staff.goto(`${planPath}/expense-report`);
  await staff.getByRole('button', { name: 'Hyväksy' }).click();
  await expect(staff.getByText('Kuluselvitys hyväksytty ja toteutuneet tunnit kirjattu.')).toBeVisible();

  // The admin sees the support approved, waiting for a batch.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, demoUsers.orgAdmin);
  await admin.goto(`/organisations/${organisationId}/support?year=2046`);
  await expect(admin.getByRole('row', { name: /Yhdistyksen rahaliikenne/ })).toContainText('Odottaa maksuaineistoa');

  // Staff see what waits, per organisation, and make a batch to be paid on 16 February.
  await staff.getByRole('link', { name: 'Maksuaineistot' }).click();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Maksuaineistot');
  await expect(staff.getByRole('row', { name: /Kansanliikkeiden Liitto ry/ })).toContainText('Kunnossa');
  await expectNoSeriousA11yViolations(staff);
  await staff.getByLabel('Maksupäivä').fill('2046-02-01');
  await staff.getByRole('button', { name: /Luo maksuaineisto/ }).click();
  await expect(staff.getByText('Maksupäivä ei voi olla mennyt päivä.').first()).toBeVisible();
  await staff.getByLabel('Maksupäivä').fill('2046-02-16');
  await staff.getByRole('button', { name: /Luo maksuaineisto/ }).click();
  await expect(staff.getByText(/Maksuaineisto luotu/)).toBeVisible();
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Maksuaineisto 2046-001');
  await expect(staff.getByRole('row', { name: /Kansanliikkeiden Liitto ry/ })).toContainText('FI55 4234 5670 0000 81');
  await expectNoSeriousA11yViolations(staff);

  // The file for the bank: a pain.001.001.03 credit transfer from the centre's account to the organisation's.
  const [download] = await Promise.all([staff.waitForEvent('download'), staff.getByRole('link', { name: 'Lataa maksuaineisto (XML)' }).click()]);
  expect(download.suggestedFilename()).toBe('maksuaineisto-2046-001.xml');
  const xml = await readFile((await download.path())!, 'utf8');
  expect(xml).toContain('urn:iso:std:iso:20022:tech:xsd:pain.001.001.03');
  expect(xml).toContain('<MsgId>TUKI-2046-001</MsgId>');
  expect(xml).toContain('<ReqdExctnDt>2046-02-16</ReqdExctnDt>');
  expect(xml).toContain('<IBAN>FI5542345670000081</IBAN>');
  expect(xml).toMatch(/<Ustrd>Koulutustuki, Opintokeskus Sivis, maksuaineisto 2046-001<\/Ustrd>/);

  // Paid on the 16th: staff mark it so, and the admins are emailed the specification.
  await setServerClock(request, '2046-02-16T12:00:00Z');
  await signIn(staff, demoUsers.centreStaff);
  await staff.goto('/payment-batches');
  await staff.getByRole('link', { name: '2046-001' }).click();
  await staff.getByLabel('Maksettu').fill('2046-02-16');
  await staff.getByRole('button', { name: 'Merkitse maksetuksi' }).click();
  await expect(staff.getByText(/Maksuaineisto merkitty maksetuksi/)).toBeVisible();
  await expect(staff.getByRole('button', { name: 'Peru maksuaineisto' })).toHaveCount(0);
  await staffContext.close();
  const emailed = await newestEmailTo(browser, demoUsers.orgAdmin);
  expect(emailed).toContain('maksuaineistossa 2046-001');

  // The admin sees it paid, per training and in the organisation's payments, with the specification.
  await signIn(admin, demoUsers.orgAdmin);
  await admin.goto(`/organisations/${organisationId}/support?year=2046`);
  await expect(admin.getByRole('row', { name: /Yhdistyksen rahaliikenne/ })).toContainText('Maksettu 16.2.2046 (2046-001)');
  const payment = admin.getByRole('table', { name: 'Maksut' }).getByRole('row', { name: /2046-001/ });
  await expect(payment).toContainText('Maksettu');
  await expectNoSeriousA11yViolations(admin);
  const csv = await admin.request.get((await payment.getByRole('link', { name: 'CSV' }).getAttribute('href'))!);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain('Yhdistyksen rahaliikenne');
  const pdf = await admin.request.get((await payment.getByRole('link', { name: 'PDF' }).getAttribute('href'))!);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  await adminContext.close();
});
