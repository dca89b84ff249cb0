import { demoUsers, expect, expectNoSeriousA11yViolations, signIn, test } from './fixtures';

async function organisationUrl(page: import('@playwright/test').Page, name: string) {
  await page.goto('/organisations');
  return (await page.getByRole('link', { name }).getAttribute('href'))!;
}

test('another organisation’s page answers 404, a forbidden page in one’s own 403', async ({ page }) => {
  await signIn(page, demoUsers.centreStaff);
  const other = await organisationUrl(page, 'Kulttuuriyhdistysten Keskusliitto ry');
  const own = await organisationUrl(page, 'Kansanliikkeiden Liitto ry');
  await page.getByRole('button', { name: 'Kirjaudu ulos' }).click();

  await signIn(page, demoUsers.orgAdmin);
  const notFound = await page.goto(other);
  expect(notFound?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sivua ei löytynyt');
  await expectNoSeriousA11yViolations(page);
  expect((await page.goto(`${other}/users`))?.status()).toBe(404);
  expect((await page.goto('/outbox'))?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ei käyttöoikeutta');
  await page.getByRole('button', { name: 'Kirjaudu ulos' }).click();

  await signIn(page, demoUsers.trainer);
  expect((await page.goto(`${own}/users`))?.status()).toBe(403);
  expect((await page.goto(other))?.status()).toBe(404);
  expect((await page.goto('/organisations/not-a-uuid'))?.status()).toBe(404);
  expect((await page.goto('/no-such-page'))?.status()).toBe(404);
});

test('a wrong password shows an error summary and keeps the email', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Sähköpostiosoite').fill(demoUsers.orgAdmin);
  await page.getByLabel('Salasana').fill('väärä-salasana');
  await page.getByRole('button', { name: 'Kirjaudu', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Sähköpostiosoite tai salasana on väärin');
  await expect(page.getByLabel('Sähköpostiosoite')).toHaveValue(demoUsers.orgAdmin);
  await expect(page.getByLabel('Salasana')).toHaveValue('');
  await expectNoSeriousA11yViolations(page);
});

test('forms validate in the browser too: an empty sign-in shows errors next to the fields', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: 'Kirjaudu', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Täytä tämä kenttä.');
  await expect(page.getByLabel('Sähköpostiosoite')).toHaveAttribute('aria-invalid', 'true');
});

test('a cross-site form post is refused', async ({ request }) => {
  const response = await request.post('/login', {
    form: { email: demoUsers.orgAdmin, password: 'x' },
    headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
  });
  expect(response.status()).toBe(403);
});
