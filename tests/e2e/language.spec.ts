import { demoUsers, expect, expectNoSeriousA11yViolations, signIn, test } from './fixtures';

test('the language switch changes every text and is remembered', async ({ page }) => {
  await signIn(page, demoUsers.orgAdmin);
  await page.getByRole('button', { name: 'Svenska' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await expect(page.getByRole('button', { name: 'Logga ut' })).toBeVisible();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Welcome');
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await page.getByRole('button', { name: 'Suomi' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fi');
});

test('dates follow the language and Helsinki time, and the test clock moves the server', async ({ page, request }) => {
  // Sign-ins are audited with the server's time: set it, sign in, read the audit log. A day later
  // than any other spec's, so that this sign-in heads the log (newest first).
  await request.post('/__test/clock', { form: { now: '2040-06-15T09:30:00Z' }, headers: { Origin: 'http://127.0.0.1:3100' } });
  await signIn(page, demoUsers.centreAdmin);
  await page.goto('/audit');
  await expect(page.getByRole('cell', { name: /15\.6\.2040 klo 12\.30/ }).first()).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('cell', { name: /15 Jun 2040, 12:30/ }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Suomi' }).click();
  // The choice is also stored for the user: wait for it, so later tests meet a Finnish admin.
  await expect(page.locator('html')).toHaveAttribute('lang', 'fi');
  await request.post('/__test/clock', { form: { reset: '1' }, headers: { Origin: 'http://127.0.0.1:3100' } });
});
