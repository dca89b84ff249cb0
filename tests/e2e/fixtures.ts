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

/**
 * The text of the newest email to the address (with the text, when given), read from the Outbox page
 * as centre staff. The outbox orders by the server's clock, which earlier journeys may have moved.
 */
export async function newestEmailTo(browser: import('@playwright/test').Browser, address: string, containing?: string): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, demoUsers.centreAdmin);
  await page.goto('/outbox');
  const body = await page.locator('tr', { hasText: address }).filter({ hasText: containing ?? address }).first().locator('pre').textContent({ timeout: 5000 });
  await context.close();
  return body ?? '';
}

/** The path of the newest link emailed to the address, read from the Outbox page as centre staff. */
export async function linkFromOutbox(browser: import('@playwright/test').Browser, address: string): Promise<string> {
  const body = await newestEmailTo(browser, address);
  // A link with ?token=… (accounts), a registration's cancel link, a feedback link, a register consent link or a portal sign-in link.
  const link = /https?:\/\/[^/\s]+(\/(?:[a-z-]+\?token=|registrations\/|feedback\/|study-register\/consent\/|portal\/sign-in\/)[A-Za-z0-9_-]+)/.exec(body ?? '')?.[1];
  if (!link) throw new Error(`No link in the newest email to ${address}`);
  return link;
}

/** Centre staff set next year's budget and publish organisation A's decision (the server's clock is in the decision window). */
export async function grantNextYearsHours(browser: import('@playwright/test').Browser, hours: string) {
  const context = await browser.newContext();
  const staff = await context.newPage();
  await signIn(staff, demoUsers.centreStaff);
  await staff.goto('/hours');
  await staff.getByLabel('Budjetti (tuntia)').fill('1000');
  await staff.getByRole('button', { name: 'Tallenna budjetti' }).click();
  await staff.getByRole('link', { name: 'Kansanliikkeiden Liitto ry' }).click();
  await staff.getByLabel('Myönnettävät tunnit').fill(hours);
  await staff.getByRole('button', { name: 'Tallenna luonnos' }).click();
  await expect(staff.getByText('Luonnos on tallennettu.')).toBeVisible();
  await staff.goto('/hours');
  await staff.getByRole('button', { name: /Julkaise kaikki luonnokset/ }).click();
  await expect(staff.getByText(/Päätöksiä julkaistu/)).toBeVisible();
  await context.close();
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Kirjaudu ulos' }).click();
  await expect(page).toHaveURL(/\/login$/);
}

const testOrigin = { Origin: 'http://127.0.0.1:3100' };

/** Sets the server's clock (frozen), optionally running the scheduled jobs on that day. Sessions follow it. */
export const setServerClock = (request: import('@playwright/test').APIRequestContext, now: string, runJobs = false) =>
  request.post('/__test/clock', { form: { now, ...(runJobs ? { runJobs: '1' } : {}) }, headers: testOrigin });
export const resetServerClock = (request: import('@playwright/test').APIRequestContext) => request.post('/__test/clock', { form: { reset: '1' }, headers: testOrigin });

/** A field of one session row (the rows repeat the same labels). */
export const sessionField = (page: Page, column: string, row: number) => page.locator(`[id="field-${column}.${row}"]`);

export interface SessionInput {
  date: string;
  start: string;
  end: string;
  breaks: string;
  place: string;
}

export async function fillSession(page: Page, row: number, session: SessionInput) {
  await sessionField(page, 'sessionDate', row).fill(session.date);
  await sessionField(page, 'sessionStart', row).fill(session.start);
  await sessionField(page, 'sessionEnd', row).fill(session.end);
  await sessionField(page, 'sessionBreak', row).fill(session.breaks);
  await sessionField(page, 'sessionPlace', row).fill(session.place);
}

/** Ticks the plan's three declarations about other funding, companies and qualifications. */
export async function declare(page: Page) {
  for (const declaration of ['Koulutukselle ei saada muuta valtionrahoitusta', 'Koulutusta ei myydä yrityksille', 'Koulutus ei johda ammatilliseen tutkintoon']) {
    await page.getByLabel(declaration).check();
  }
}

/** The signed-in planner plans a course from the trainings list and submits it; returns the plan's path. */
export async function planAndSubmitCourse(page: Page, plan: { name: string; topic: string; goals: string; participants: string; sessions: SessionInput[]; model?: string }) {
  await page.goto('/trainings');
  await page.getByRole('link', { name: 'Suunnittele uusi koulutus' }).click();
  await page.getByLabel('Koulutuksen nimi').fill(plan.name);
  await page.getByLabel('Tyyppi').selectOption({ label: 'Kurssi' });
  await page.getByLabel('Aiheluokka').selectOption({ label: plan.topic });
  // A plan based on a model takes its learning goals from the model.
  if (plan.model) await page.getByLabel('Koulutusmalli').selectOption({ label: plan.model });
  else await page.getByLabel('Oppimistavoitteet').fill(plan.goals);
  await page.getByLabel('Suunniteltu osallistujamäärä').fill(plan.participants);
  await declare(page);
  for (const [row, session] of plan.sessions.entries()) await fillSession(page, row, session);
  await page.getByRole('button', { name: 'Tallenna suunnitelma' }).click();
  await page.getByRole('button', { name: 'Jätä suunnitelma ja varaa tunnit' }).click();
  await expect(page.getByText(/Suunnitelma jätetty/)).toBeVisible();
  return new URL(page.url()).pathname;
}

/** The centre admin sets the year's audit share (%), so that a journey knows whether its report is audited (the pick is random). */
export async function setAuditShare(browser: import('@playwright/test').Browser, year: number, percent: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, demoUsers.centreAdmin);
  await page.goto('/centre');
  await page.getByLabel('Vuosi', { exact: true }).fill(String(year));
  await page.getByLabel(/Tarkastukseen valittavien kuluselvitysten osuus/).fill(percent);
  await page.getByRole('button', { name: 'Tallenna vuoden säännöt' }).click();
  await expect(page.getByText(`Vuoden ${year} säännöt tallennettu.`)).toBeVisible();
  await context.close();
}

/**
 * The trainer imports `count` participants and ticks them all present at each session (given as
 * its date and its link's text on the attendance page); the server clock moves to each evening.
 */
export async function holdTraining(page: Page, request: import('@playwright/test').APIRequestContext, planPath: string, options: { count: number; domain: string; sessions: [string, RegExp][] }) {
  const people = Array.from({ length: options.count }, (_, i) => `Osallistuja ${i + 1};osallistuja${i + 1}@${options.domain};198${i % 10};Oulu;;kyllä`).join('\n');
  await page.goto(`${planPath}/participants`);
  await page.getByLabel('Liitettävät rivit').fill(people);
  await page.getByRole('button', { name: 'Tuo osallistujat' }).click();
  await expect(page.getByRole('table', { name: 'Ilmoittautuneet' })).toContainText(`Osallistuja ${options.count}`);
  for (const [day, label] of options.sessions) {
    // Sessions last 12 hours: after the clock moves, the trainer signs in again.
    await setServerClock(request, `${day}T19:00:00Z`);
    await signIn(page, demoUsers.trainer);
    await page.goto(`${planPath}/attendance`);
    await page.getByRole('link', { name: label }).click();
    for (let i = 1; i <= options.count; i++) await page.getByRole('checkbox', { name: `Osallistuja ${i}`, exact: true }).check();
    await page.getByRole('button', { name: 'Tallenna läsnäolot' }).click();
    await expect(page.getByText('Läsnäolot tallennettu.')).toBeVisible();
  }
}
