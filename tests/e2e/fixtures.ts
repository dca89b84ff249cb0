import { createRequire } from 'node:module';
import { type Page, expect, test as base } from '@playwright/test';

const require = createRequire(import.meta.url);
const axeSource: string = require('axe-core').source;

export const demoPassword = 'demo-salasana-2026';

export const demoUsers = {
  centreAdmin: 'admin@sivis.example',
  centreStaff: 'asiantuntija@sivis.example',
  orgAdmin: 'paakayttaja@kll.example',
  coordinator: 'yhteyshenkilo@kll.example',
  trainer: 'kouluttaja1@kll.example',
  otherOrgAdmin: 'paakayttaja@kyk.example',
} as const;

export async function signIn(page: Page, email: string, password = demoPassword) {
  await page.goto('/login');
  await page.getByLabel('Sähköpostiosoite').fill(email);
  await page.getByLabel('Salasana').fill(password);
  await page.getByRole('button', { name: 'Kirjaudu', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Tervetuloa');
}

/** Runs axe in the page (through the debugger protocol, so the page's CSP stays on). */
export async function expectNoSeriousA11yViolations(page: Page) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const result = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
    return (result.violations as { id: string; impact: string; nodes: { target: string[] }[] }[])
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  expect(violations, `axe on ${page.url()}`).toEqual([]);
}

export const test = base.extend<{ cspErrors: string[] }>({
  cspErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) errors.push(message.text());
    });
    await use(errors);
    expect(errors, 'CSP violations').toEqual([]);
  },
});
export { expect };
