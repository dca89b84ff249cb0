// Named to run after the other journeys: its years (2047–2048) are the latest, and journeys that read
// the newest email or table row of an earlier year must not meet this one's first.
import { pdfText } from '../support/pdf-text';
import { demoUsers, expect, expectNoSeriousA11yViolations, grantNextYearsHours, holdTraining, linkFromOutbox, planAndSubmitCourse, resetServerClock, setServerClock, signIn, test } from './fixtures';

test.afterAll(async ({ request }) => {
  await resetServerClock(request);
});

/** Organisation A's admin writes a 27-hour model (1,0 op) and submits it; centre staff approve it. */
async function approvedModel(browser: import('@playwright/test').Browser, name: string) {
  const context = await browser.newContext();
  const admin = await context.newPage();
  await signIn(admin, demoUsers.orgAdmin);
  await admin.goto('/organisations');
  await admin.getByRole('link', { name: 'Kansanliikkeiden Liitto ry' }).first().click();
  await admin.getByRole('link', { name: 'Koulutusmallit' }).last().click();
  await admin.getByRole('link', { name: 'Uusi koulutusmalli' }).click();
  await admin.getByLabel('Koulutusmallin nimi').fill(name);
  await admin.getByLabel('Kohderyhmä').fill('Kuorojen jäsenet');
  await admin.getByLabel('Osaamistavoitteet').fill('Osaa johtaa kuoron harjoituksen\nOsaa valita ohjelmiston kuorolle');
  await admin.getByLabel('Sisältö').fill('Lyöntikuviot, harjoituksen rakenne ja ohjelmisto.');
  await admin.getByLabel('Arviointitapa').fill('Näyteharjoitus');
  await admin.getByLabel('Arviointikriteerit').fill('Hyväksytty / hylätty');
  await admin.locator('[id="field-activityKind.0"]').selectOption({ label: 'Itsenäinen työskentely (× 1)' });
  await admin.locator('[id="field-activityAmount.0"]').fill('27');
  await admin.getByRole('button', { name: 'Tallenna luonnos' }).click();
  await admin.getByRole('button', { name: 'Jätä opintokeskuksen käsiteltäväksi' }).click();
  await expect(admin.getByText('Koulutusmalli jätetty opintokeskuksen käsiteltäväksi.')).toBeVisible();
  const modelPath = new URL(admin.url()).pathname;
  await context.close();
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signIn(staff, demoUsers.centreStaff);
  await staff.goto(modelPath);
  await staff.getByRole('button', { name: 'Hyväksy ja vahvista opintopisteet' }).click();
  await expect(staff.getByText(/Koulutusmalli hyväksytty/)).toBeVisible();
  await staffContext.close();
}

test('the trainer marks results; a participant consents, signs in by an emailed link and downloads the certificate; a visitor verifies it', async ({ page, request, browser }) => {
  test.setTimeout(240_000);
  await setServerClock(request, '2047-11-10T08:00:00Z');
  await grantNextYearsHours(browser, '100');
  await approvedModel(browser, 'Kuoronjohtajan perusteet');

  // A course on the model, held on one evening in March 2048 with two participants the trainer adds.
  await setServerClock(request, '2048-01-12T08:00:00Z');
  await signIn(page, demoUsers.trainer);
  const planPath = await planAndSubmitCourse(page, {
    name: 'Kuoronjohtamisen kevätkurssi',
    topic: 'Kulttuuri ja taide',
    goals: '',
    participants: '7',
    model: 'Kuoronjohtajan perusteet (Versio 1, 1,0 op)',
    sessions: [{ date: '2048-03-04', start: '10:00', end: '16:00', breaks: '30', place: 'Musiikkitalo, Oulu' }],
  });
  await holdTraining(page, request, planPath, { count: 2, domain: 'kuoro.example', sessions: [['2048-03-04', /4\.3\.2048 10:00–16:00/]] });

  // Results open on the training's last day: a failure needs a justification.
  await page.goto(planPath);
  await page.getByRole('link', { name: 'Tulokset ja todistukset' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tulokset: Kuoronjohtamisen kevätkurssi');
  await expect(page.getByText('Koulutusmalli: Kuoronjohtajan perusteet, 1,0 op')).toBeVisible();
  await page.getByRole('group', { name: 'Osallistuja 1' }).getByLabel('Tulos').selectOption({ label: 'Hyväksytty' });
  await page.getByRole('group', { name: 'Osallistuja 2' }).getByLabel('Tulos').selectOption({ label: 'Hylätty' });
  await page.getByRole('button', { name: 'Tallenna tulokset' }).click();
  await expect(page.locator('[id="field-justification.1-error"]')).toHaveText('Kirjoita perustelu hylkäämiselle.');
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('group', { name: 'Osallistuja 2' }).getByLabel('Hylkäämisen perustelu').fill('Näyteharjoitus jäi tekemättä.');
  await page.getByRole('button', { name: 'Tallenna tulokset' }).click();
  await expect(page.getByText('Tulokset tallennettu. Rekisteriin merkittiin 0, suostumusta pyydettiin 1 osallistujalta.')).toBeVisible();
  const marked = page.getByRole('table', { name: 'Merkityt tulokset' });
  await expect(marked.getByRole('row', { name: /Osallistuja 1/ })).toContainText('Suostumusta pyydetty 4.3.2048');
  await expect(marked.getByRole('row', { name: /Osallistuja 2/ })).toContainText('Ei rekisteriin');
  await expect(page.getByText(/Todistuksia ei vielä ole/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The passed participant consents by the emailed link: the completion is entered.
  const participant = await (await browser.newContext()).newPage();
  await participant.goto(await linkFromOutbox(browser, 'osallistuja1@kuoro.example'));
  await expect(participant.getByRole('heading', { level: 1 })).toHaveText('Suostumus opintorekisteriin');
  await expectNoSeriousA11yViolations(participant);
  await participant.getByRole('button', { name: 'Annan suostumuksen' }).click();
  await expect(participant.getByText(/Suoritus on merkitty opintorekisteriin/)).toBeVisible();

  // They ask for a sign-in link on the portal, sign in with it, and the link does not work twice.
  await participant.goto('/login');
  await participant.getByRole('link', { name: /Osallistujan sivut/ }).click();
  // The sign-in page has an email field of the same name: fill the portal's only once it is there.
  await expect(participant.getByRole('heading', { level: 1 })).toHaveText('Osallistujan sivut');
  await participant.getByLabel('Sähköpostiosoite').fill('osallistuja1@kuoro.example');
  await participant.getByRole('button', { name: 'Lähetä kirjautumislinkki' }).click();
  await expect(participant.getByText(/siihen lähti juuri kirjautumislinkki/)).toBeVisible();
  await expectNoSeriousA11yViolations(participant);
  const signInLink = await linkFromOutbox(browser, 'osallistuja1@kuoro.example');
  await participant.goto(signInLink);
  await participant.getByRole('button', { name: 'Kirjaudu sisään' }).click();
  await expect(participant.getByText('Kirjautuneena: osallistuja1@kuoro.example')).toBeVisible();
  await expect(participant.getByText('Opintopisteet yhteensä: 1,0 op')).toBeVisible();
  const entries = participant.getByRole('table', { name: 'Opintorekisterin merkinnät' });
  await expect(entries.getByRole('row', { name: /Kuoronjohtajan perusteet/ })).toContainText('4.3.2048');
  await expect(participant.getByRole('table', { name: 'Koulutukset' }).getByRole('row', { name: /Kuoronjohtamisen kevätkurssi/ })).toContainText('Hyväksytty');
  await expectNoSeriousA11yViolations(participant);
  const code = (await entries.locator('.font-mono').first().textContent())!.trim();
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

  // The certificate: a PDF with the name, the model, the credits, the outcomes and the code.
  const certificateHref = await participant.getByRole('link', { name: 'Lataa todistus (PDF): Kuoronjohtajan perusteet' }).getAttribute('href');
  const certificate = await participant.request.get(certificateHref!);
  expect(certificate.headers()['content-type']).toBe('application/pdf');
  const text = await pdfText(await certificate.body());
  for (const expected of ['Todistus', 'Osallistuja 1', 'Kuoronjohtajan perusteet', '1,0', 'Osaa johtaa kuoron harjoituksen', code]) expect(text).toContain(expected);
  // Their own data, as JSON.
  const ownData = await participant.request.get('/portal/data');
  expect(((await ownData.json()) as { studyRegister: { modelName: string }[] }).studyRegister.map((e) => e.modelName)).toEqual(['Kuoronjohtajan perusteet']);

  const usedAgain = await (await browser.newContext()).newPage();
  await usedAgain.goto(signInLink);
  await expect(usedAgain.getByText('Kirjautumislinkki on jo käytetty. Pyydä uusi linkki.')).toBeVisible();

  // A visitor (an employer) checks the code: genuine, and a mistyped one is told apart from an unknown one.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto('/verify');
  await visitor.getByLabel('Tarkistuskoodi').fill(code.toLowerCase().replaceAll('-', ' '));
  await visitor.getByRole('button', { name: 'Tarkista' }).click();
  await expect(visitor.getByRole('heading', { name: 'Todistus on aito' })).toBeVisible();
  await expect(visitor.getByText('Osallistuja 1')).toBeVisible();
  await expect(visitor.getByText('Kansanliikkeiden Liitto ry, Opintokeskus Sivis')).toBeVisible();
  await expectNoSeriousA11yViolations(visitor);
  const altered = `${code.slice(0, 3)}${code[3] === 'A' ? 'B' : 'A'}${code.slice(4)}`;
  await visitor.goto(`/verify/${altered.replaceAll('-', '')}`);
  await expect(visitor.locator('[id="field-code-error"]')).toContainText('kirjoitusvirhe');

  // The trainer prints the training's certificates in one PDF.
  await page.goto(`${planPath}/results`);
  const printLink = page.getByRole('link', { name: 'Tulosta kaikki todistukset (PDF, 1 kpl)' });
  const printed = await page.request.get((await printLink.getAttribute('href'))!);
  expect(printed.headers()['content-type']).toBe('application/pdf');
  expect(await pdfText(await printed.body())).toContain('Osallistuja 1');
});
