/**
 * The bench's fixtures, looked up through the pages of a server with the demo and generated data
 * (and made through them where missing), and its sign-ins. The query-plan test uses them too.
 */
import { type BenchUser, type Fixtures, type BenchCase } from './cases';
import { multipart } from './requests';
import { generatedPassword } from '../generate/organisations';
import { openCourseSuffix } from '../generate/register';
import { demoPassword } from '../../server/seed/demo';
import { makePng } from '../../server/organisations/sample-images';
import { readVerificationCode } from '../../server/register/verification-code';

export async function signIn(url: string, email: string, password = demoPassword): Promise<string> {
  const response = await fetch(`${url}/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: url },
    body: new URLSearchParams({ email, password }),
    redirect: 'manual',
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (response.status !== 302 || !cookie) throw new Error(`Could not sign in as ${email} (the server needs the demo data).`);
  return cookie;
}

/** Fixtures that expire, made again just before a case that names them in `fresh`. */
export type Refreshers = Partial<Record<keyof Fixtures, () => Promise<string>>>;

/** Looks the fixtures up through the pages themselves, so any server with demo data will do. */
export async function lookUpFixtures(url: string, cookies: Map<BenchUser, string | null>, selected: BenchCase[], refreshers: Refreshers): Promise<Fixtures> {
  const staffCookie = cookies.get('centreStaff')!;
  const adminCookie = cookies.get('centreAdmin')!;
  const html = await (await fetch(`${url}/organisations`, { headers: { Cookie: staffCookie } })).text();
  const rows = [...html.matchAll(/<tr[^>]*>(.*?)<\/tr>/gs)].flatMap((match) => {
    const id = /href="\/organisations\/([0-9a-f-]{36})"[^>]*>([^<]*)</.exec(match[1]!);
    const numbers = [...match[1]!.matchAll(/tabular-nums">([^<]*)</g)].map((m) => Number(m[1]!.replace(/\D/g, '')));
    return id ? [{ id: id[1]!, name: id[2]!, users: numbers.at(-1) ?? 0 }] : [];
  });
  const own = rows.find((r) => r.name === 'Kansanliikkeiden Liitto ry');
  if (!own) throw new Error('The demo organisation was not found on the organisation list.');
  const largest = rows.reduce((a, b) => (b.users > a.users ? b : a));
  const invitePage = await (await fetch(`${url}/organisations/${own.id}/invite`, { headers: { Cookie: staffCookie } })).text();
  // The demo coordinator's unit, so that inviting the coordinator there again is refused every time.
  const unitId = /<option value="([0-9a-f-]{36})">Pohjoisen piiri</.exec(invitePage)?.[1];
  // A participant: active, and not one of the accounts the bench signs in with.
  const members = await (await fetch(`${url}/organisations/${own.id}/users?role=participant`, { headers: { Cookie: staffCookie } })).text();
  const userId = /\/users\/([0-9a-f-]{36})\/activation/.exec(members)?.[1];
  const businessId = new RegExp(`${own.id}"[^>]*>[^<]*</a></td><td[^>]*>(\\d{7}-\\d)<`).exec(html)?.[1];
  const unitPage = await (await fetch(`${url}/organisations/${own.id}/units/${unitId}`, { headers: { Cookie: staffCookie } })).text();
  const coordinatorId = /name="userId" value="([0-9a-f-]{36})"/.exec(unitPage)?.[1];
  const contacts = await (await fetch(`${url}/contacts`, { headers: { Cookie: adminCookie } })).text();
  const staffId = /href="\/contacts\/([0-9a-f-]{36})"/.exec(contacts)?.[1];
  // The trainer's draft application (made now if there is none; a second attempt is simply refused).
  const trainerCookie = cookies.get('trainer')!;
  await fetch(`${url}/admin-application`, {
    method: 'POST',
    headers: { Cookie: trainerCookie, Origin: url, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ organisationId: own.id, justification: 'Bench', acceptDuties: 'yes' }),
    redirect: 'manual',
  });
  const applications = await (await fetch(`${url}/admin-application`, { headers: { Cookie: trainerCookie } })).text();
  const applicationId = /href="\/admin-application\/([0-9a-f-]{36})"/.exec(applications)?.[1];
  const draft = applicationId ? await (await fetch(`${url}/admin-application/${applicationId}`, { headers: { Cookie: trainerCookie } })).text() : '';
  const reviewedSha256 = /name="reviewedSha256" value="([0-9a-f]{64})"/.exec(draft)?.[1];
  const adminRole = await (await fetch(`${url}/organisations/${own.id}/admin-role`, { headers: { Cookie: cookies.get('orgAdmin')! } })).text();
  const orgAdminId = /name="userId" value="([0-9a-f-]{36})"/.exec(adminRole)?.[1];
  const calendar = await yearFixtures(url, cookies, own.id);
  const publicTrainingId = await publicCalendarFixtures(url, cookies, own.id);
  const heldTrainings = await (await fetch(`${url}/trainings?year=2025&status=approved&organisationId=${largest.id}`, { headers: { Cookie: staffCookie } })).text();
  const heldTrainingId = /href="\/organisations\/[0-9a-f-]{36}\/trainings\/([0-9a-f-]{36})"/.exec(heldTrainings)?.[1];
  if (!heldTrainingId) throw new Error('The largest organisation has no approved training in 2025 (the bench needs generated data).');
  const attendance = await attendanceFixtures(url, staffCookie!, largest.id);
  const paymentBatches = await paymentFixtures(url, staffCookie!, largest.id);
  const models = await modelFixtures(url, staffCookie!, [largest.id, ...rows.map((r) => r.id).filter((id) => id !== largest.id)]);
  const strategies = await strategyFixtures(url, cookies, own.id, [largest.id, ...rows.map((r) => r.id).filter((id) => id !== largest.id)]);
  const register = await registerFixtures(url, cookies, selected, refreshers);
  const badges = await badgeFixtures(url, cookies, own.id);
  if (!unitId || !userId || !businessId || !coordinatorId || !staffId || !applicationId || !orgAdminId || !reviewedSha256) {
    throw new Error('The demo data lacks the units, people, business ID or application the fixtures need.');
  }
  return { organisationId: own.id, largestOrganisationId: largest.id, unitId, userId, businessId, coordinatorId, staffId, applicationId, orgAdminId, reviewedSha256, publicTrainingId, heldTrainingId, ...attendance, ...paymentBatches, ...models, ...strategies, ...register, ...badges, ...calendar };
}

const rowsOf = (html: string) => [...html.matchAll(/<tr[^>]*>(.*?)<\/tr>/gs)].map((m) => m[1]!);
const cellsOf = (row: string) => [...row.matchAll(/<td[^>]*>(.*?)<\/td>/gs)].map((m) => m[1]!.replace(/<[^>]*>/g, '').trim());
/** An address of the private range for requests the server counts per address (its limits are per client). */
const clientAddress = (n = Math.floor(Math.random() * 2 ** 24)) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

/**
 * The study register's fixtures, from the generated open course (found by the trainings list's
 * search): its planner and an admin of its organisation (signed in with the generated password);
 * from its participants list and results page, participants in the register: one whose link the
 * portal form's case asks for, one whose result the refused actions name, and the next ones to sign
 * in to the portal by the link it emails (read from the outbox, as staff see it), whose portal page
 * gives an entry and its certificate's code. A consent link exists only in the email
 * that asks for consent: when a selected case needs one and the outbox's first pages have none, the
 * course admin adds a participant (named "Bench Suostuja …") and marks them passed, which sends one.
 */
async function registerFixtures(url: string, cookies: Map<BenchUser, string | null>, selected: BenchCase[], refreshers: Refreshers) {
  const staffCookie = cookies.get('centreStaff')!;
  // A refresh between cases may find its kept-alive connections closed by the server meanwhile
  // (the runner's event loop waits out each case in execFileSync, so they look open until it turns
  // again: "other side closed", EPIPE). Fetch does not retry that; let the loop turn, and once more.
  const send = (path: string, init: RequestInit) =>
    fetch(`${url}${path}`, init).catch(async () => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      return fetch(`${url}${path}`, init);
    });
  const page = async (path: string, cookie: string | null = staffCookie) => (await send(path, { headers: cookie ? { Cookie: cookie } : {} })).text();
  const post = (path: string, body: Record<string, string>, cookie: string | null, headers: Record<string, string> = {}) =>
    send(path, {
      method: 'POST',
      headers: { ...(cookie ? { Cookie: cookie } : {}), Origin: url, 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(body).toString(),
      redirect: 'manual',
    });
  const course = /href="\/organisations\/([0-9a-f-]{36})\/trainings\/([0-9a-f-]{36})"/.exec(await page(`/trainings?year=all&q=${encodeURIComponent(openCourseSuffix)}`));
  if (!course) throw new Error(`No training named "… – ${openCourseSuffix}" (the bench needs data generated since issue 16: remove an older .tmp/bench-data-… to generate it again).`);
  const [courseOrganisationId, courseTrainingId] = [course[1]!, course[2]!];
  const base = `/organisations/${courseOrganisationId}/trainings/${courseTrainingId}`;
  const ownerName = /Suunnittelija<\/dt><dd>([^<]+)<\/dd>/.exec(await page(base))?.[1];
  const emailsOf = (html: string, name?: string) => rowsOf(html).map(cellsOf).filter((cells) => cells[1]?.includes('@') && (!name || cells[0] === name)).map((cells) => cells[1]!);
  const users = `/organisations/${courseOrganisationId}/users?status=active`;
  const [adminEmail] = emailsOf(await page(`${users}&role=org_admin`));
  // The planner among the trainers of that name (names repeat): the one whose results page opens.
  let trainerCookie: string | undefined;
  for (const email of ownerName ? emailsOf(await page(`${users}&role=trainer&q=${encodeURIComponent(ownerName)}`), ownerName) : []) {
    const cookie = await signIn(url, email, generatedPassword);
    if ((await send(`${base}/results`, { headers: { Cookie: cookie } })).status === 200) {
      trainerCookie = cookie;
      break;
    }
  }
  if (!trainerCookie || !adminEmail) throw new Error('The open course’s planner or its organisation’s admin was not found.');
  cookies.set('courseTrainer', trainerCookie);
  const adminCookie = await signIn(url, adminEmail, generatedPassword);
  cookies.set('courseAdmin', adminCookie);

  const people = rowsOf(await page(`${base}/participants`, adminCookie)).flatMap((row) => {
    const id = /name="participantId" value="([0-9a-f-]{36})"/.exec(row)?.[1];
    const [name = '', email = ''] = cellsOf(row);
    return id && email.includes('@') && !name.startsWith('Bench') ? [{ id, name, email }] : [];
  });
  const results = await page(`${base}/results`, adminCookie);
  const entered = new Set(rowsOf(results).map(cellsOf).filter((cells) => cells.at(-1) === 'Rekisterissä').map((cells) => cells[0]));
  const [other, marked, ...signingIn] = people.filter((p) => entered.has(p.name) && people.filter((q) => q.name === p.name).length === 1);
  if (!other || !marked || signingIn.length === 0) throw new Error('The open course has too few participants in the register.');
  const printed = /PDF, ([\d\s\u00a0]+) kpl/.exec(results)?.[1]?.replace(/\D/g, '');
  console.log(`Open course: ${people.length} participants with an address, ${printed ?? 0} certificates to print.`);

  /** The newest email to the address that carries a link of the pattern (the outbox lists the newest first). */
  const linkInOutbox = async (email: string, pattern: RegExp) => rowsOf(await page('/outbox')).find((row) => row.includes(`>${email}<`) && pattern.test(row))?.match(pattern)?.[1];
  const signInPattern = /\/portal\/sign-in\/([A-Za-z0-9_-]{43})/;
  /**
   * A new sign-in link. An address gets five an hour, the rest silently not (the page answers the
   * same), and a run asks for three: the next participant's address when no new email came.
   */
  let signer = 0;
  const portalLink = async () => {
    for (; signer < signingIn.length; signer++) {
      const { email } = signingIn[signer]!;
      const before = await linkInOutbox(email, signInPattern);
      await post('/portal', { intent: 'signIn', email }, null, { 'X-Forwarded-For': clientAddress() });
      const token = await linkInOutbox(email, signInPattern);
      if (token && token !== before) return token;
    }
    throw new Error('No new portal sign-in link came (five an hour to an address): wait an hour, or generate new data.');
  };
  const signedIn = await post(`/portal/sign-in/${await portalLink()}`, { confirm: 'yes' }, null);
  const portalCookie = signedIn.headers.get('set-cookie')?.split(';')[0];
  if (signedIn.status !== 302 || !portalCookie?.startsWith('sivis_portal=')) throw new Error('Signing in to the portal by its link failed.');
  cookies.set('participant', portalCookie);
  const portal = await page('/portal', portalCookie);
  const entryId = /\/portal\/certificates\/([0-9a-f-]{36})/.exec(portal)?.[1];
  const genuineCode = /font-mono">([0-9A-Z]{4}(?:-[0-9A-Z]{4}){3})</.exec(portal)?.[1]?.replace(/-/g, '');
  if (!entryId || !genuineCode) throw new Error('The portal shows the participant no register entry.');
  refreshers.portalLinkToken = portalLink;
  // Fifteen zeros and the check character that makes the code valid: well-formed, and nobody's.
  const unknownCode = [...'0123456789ABCDEFGHJKMNPQRSTVWXYZ'].map((c) => `${'0'.repeat(15)}${c}`).find((code) => readVerificationCode(code).ok)!;

  let consentToken = '';
  if (selected.some((c) => c.method === 'GET' && c.route === '/study-register/consent/:token')) {
    const pattern = /\/study-register\/consent\/([A-Za-z0-9_-]{43})/;
    for (let n = 1; n <= 5 && !consentToken; n++) consentToken = (await page(`/outbox?page=${n}`)).match(pattern)?.[1] ?? '';
    if (!consentToken) {
      const stamp = Date.now();
      const [name, email] = [`Bench Suostuja ${stamp}`, `bench.suostuja.${stamp}@example.test`];
      await post(`${base}/participants`, { intent: 'add', name, email, birthYear: '1980', municipality: 'Tampere', gender: '', firstTimeThisYear: 'no' }, adminCookie);
      const row = [...(await page(`${base}/results`, adminCookie)).matchAll(/<fieldset[^>]*>(.*?)<\/fieldset>/gs)].map((m) => m[1]!).find((f) => f.includes(name));
      const participantId = row && /name="participantId" value="([0-9a-f-]{36})"/.exec(row)?.[1];
      if (participantId) await post(`${base}/results`, { intent: 'record', participantId, outcome: 'passed', justification: '' }, adminCookie);
      consentToken = (await linkInOutbox(email, pattern)) ?? '';
      if (!consentToken) throw new Error('No consent link could be made (the open course takes no more participants, or its results are closed).');
    }
  }
  return {
    courseOrganisationId,
    courseTrainingId,
    markedParticipantId: marked.id,
    entryId,
    genuineCode,
    unknownCode,
    portalRequestEmail: other.email,
    portalLinkToken: await portalLink(),
    consentToken,
  };
}

/**
 * The 2025 training of the largest organisation with the most feedback answers (from the
 * organisation's summary), and an ended 2025 training (the largest organisation's if it has one)
 * with its first session open for attendance (from its attendance page).
 */
async function attendanceFixtures(url: string, staffCookie: string, largestId: string) {
  const page = async (path: string) => (await fetch(`${url}${path}`, { headers: { Cookie: staffCookie } })).text();
  const summary = await page(`/organisations/${largestId}/feedback?year=2025`);
  // The training with the most answers (the table's first number is a row's answers).
  const answered = [...summary.matchAll(/\/trainings\/([0-9a-f-]{36})\/feedback"[^>]*>[^<]*<\/a><\/td><td[^>]*>(\d+)</g)].map((m) => ({ id: m[1]!, answers: Number(m[2]) }));
  const feedbackTrainingId = answered.reduce<{ id: string; answers: number } | undefined>((a, b) => (a && a.answers >= b.answers ? a : b), undefined)?.id;
  if (!feedbackTrainingId) throw new Error('The largest organisation has no feedback in 2025 (the bench needs generated data).');
  const trainingLink = /href="\/organisations\/([0-9a-f-]{36})\/trainings\/([0-9a-f-]{36})"/;
  const ended = trainingLink.exec(await page(`/trainings?year=2025&status=ended&organisationId=${largestId}`)) ?? trainingLink.exec(await page('/trainings?year=2025&status=ended'));
  if (!ended) throw new Error('No training of 2025 has ended unreported (the bench needs generated data).');
  const [endedOrganisationId, endedTrainingId] = [ended[1]!, ended[2]!];
  const sheet = await page(`/organisations/${endedOrganisationId}/trainings/${endedTrainingId}/attendance`);
  const attendanceSession = /\/attendance\?session=([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}%3A[0-9]{2})"/.exec(sheet)?.[1];
  if (!attendanceSession) throw new Error('The ended training’s attendance page links no session.');
  return { feedbackTrainingId, endedTrainingId, endedOrganisationId, attendanceSession };
}

/**
 * The batch with the most payments (of the staff list's first page, not cancelled), the largest paid
 * batch, and the largest organisation's biggest payment (from its support pages of the generated
 * years; where it has none, the biggest payment of that batch).
 */
async function paymentFixtures(url: string, staffCookie: string, largestId: string) {
  const page = async (path: string) => (await fetch(`${url}${path}`, { headers: { Cookie: staffCookie } })).text();
  // The table's numbers, digits only: a batch row's payments and total, a payment row's reports and amount (in cents).
  const numbersOf = (row: string) => [...row.matchAll(/tabular-nums">([^<]*)</g)].map((m) => Number(m[1]!.replace(/\D/g, '')));
  const rowsOf = (html: string) => [...html.matchAll(/<tr[^>]*>(.*?)<\/tr>/gs)].map((m) => m[1]!);
  const batchesOf = async (status: string) =>
    rowsOf(await page(`/payment-batches?status=${status}`)).flatMap((row) => {
      const id = /href="\/payment-batches\/([0-9a-f-]{36})"/.exec(row)?.[1];
      const [payments = 0, total = 0] = numbersOf(row);
      return id ? [{ id, payments, total }] : [];
    });
  const largestOf = <T extends { payments: number; total: number }>(rows: T[]) => rows.reduce<T | undefined>((a, b) => (a && (a.payments > b.payments || (a.payments === b.payments && a.total >= b.total)) ? a : b), undefined);
  const paid = await batchesOf('paid');
  const batch = largestOf([...paid, ...(await batchesOf('created'))]);
  const paidBatch = largestOf(paid);
  if (!batch || !paidBatch) throw new Error('No paid payment batch was found (the bench needs generated data).');
  const paymentsOf = (html: string) =>
    rowsOf(html).flatMap((row) => {
      const link = /href="\/organisations\/([0-9a-f-]{36})\/support\/payments\/([0-9a-f-]{36})\/pdf"/.exec(row);
      return link ? [{ organisationId: link[1]!, paymentId: link[2]!, amount: numbersOf(row).at(-1) ?? 0 }] : [];
    });
  let own: { organisationId: string; paymentId: string; amount: number }[] = [];
  for (const year of [2023, 2024, 2025]) own = [...own, ...paymentsOf(await page(`/organisations/${largestId}/support?year=${year}`))];
  const candidates = own.length ? own : paymentsOf(await page(`/payment-batches/${batch.id}`));
  const payment = candidates.reduce<(typeof candidates)[number] | undefined>((a, b) => (a && a.amount >= b.amount ? a : b), undefined);
  if (!payment) throw new Error('The largest payment batch links no payment specification.');
  return { batchId: batch.id, paidBatchId: paidBatch.id, paymentId: payment.paymentId, paymentOrganisationId: payment.organisationId };
}

/**
 * A training model whose latest version is approved (so that approving it again is refused every
 * time), from the model list of the largest organisation, or where it has none, of the next
 * organisation on the organisation list that has one (the tag of an approved version is the list's
 * only 'ok' one).
 */
async function modelFixtures(url: string, staffCookie: string, organisationIds: string[]) {
  for (const organisationId of organisationIds.slice(0, 20)) {
    const list = await (await fetch(`${url}/organisations/${organisationId}/models`, { headers: { Cookie: staffCookie } })).text();
    for (const [, row] of list.matchAll(/<tr[^>]*>(.*?)<\/tr>/gs)) {
      const modelId = /href="\/organisations\/[0-9a-f-]{36}\/models\/([0-9a-f-]{36})"/.exec(row!)?.[1];
      if (modelId && row!.includes('text-ok-700')) return { modelId, modelOrganisationId: organisationId };
    }
  }
  throw new Error('No organisation has an approved training model (the bench needs generated data).');
}

/**
 * A generated strategy with the most versions among the first organisations on the list (the
 * largest first), and the demo organisation's own, which the runner starts if it has none.
 */
async function strategyFixtures(url: string, cookies: Map<BenchUser, string | null>, ownId: string, organisationIds: string[]) {
  const staffCookie = cookies.get('centreStaff')!;
  type Found = { strategyId: string; strategyOrganisationId: string; strategyVersion: string };
  let best: Found | null = null as Found | null;
  for (const organisationId of organisationIds.slice(0, 20)) {
    const list = await (await fetch(`${url}/organisations/${organisationId}/strategies`, { headers: { Cookie: staffCookie } })).text();
    for (const row of rowsOf(list)) {
      const strategyId = /href="\/organisations\/[0-9a-f-]{36}\/strategies\/([0-9a-f-]{36})"/.exec(row)?.[1];
      const version = /Versio (\d+)/.exec(row)?.[1];
      if (strategyId && version && (!best || Number(version) > Number(best.strategyVersion))) best = { strategyId, strategyOrganisationId: organisationId, strategyVersion: version };
    }
    if (best && Number(best.strategyVersion) >= 2) break;
  }
  if (!best || Number(best.strategyVersion) < 2) throw new Error('No organisation has a training strategy with two versions (the bench needs generated data).');
  const adminCookie = cookies.get('orgAdmin')!;
  const ownList = async () => (await (await fetch(`${url}/organisations/${ownId}/strategies`, { headers: { Cookie: adminCookie } })).text()).match(/href="\/organisations\/[0-9a-f-]{36}\/strategies\/([0-9a-f-]{36})"/)?.[1];
  let ownStrategyId = await ownList();
  if (!ownStrategyId) {
    await fetch(`${url}/organisations/${ownId}/strategies`, { method: 'POST', headers: { Cookie: adminCookie, Origin: url, 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'firstYear=2027&lastYear=2030', redirect: 'manual' });
    ownStrategyId = await ownList();
  }
  if (!ownStrategyId) throw new Error('The demo organisation’s training strategy fixture could not be made.');
  return { ...best, ownStrategyId };
}

/**
 * The demo's admin badge (the first on the badge list: made at the first start, the newest),
 * applied for by the demo org admin (refused when pending or held already, which is as good); the
 * first waiting application on the staff's queue, approved now, or where none waits the first
 * decided one; the newest issued credential with its VC-JWT; and the issuer's (first) key.
 */
async function badgeFixtures(url: string, cookies: Map<BenchUser, string | null>, ownOrganisationId: string) {
  const staffCookie = cookies.get('centreStaff')!;
  const page = async (path: string) => (await fetch(`${url}${path}`, { headers: { Cookie: staffCookie } })).text();
  const post = (path: string, as: BenchUser, body: Record<string, string>) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { Cookie: cookies.get(as)!, Origin: url, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(body),
      redirect: 'manual',
    });
  const badgeId = /href="\/badges\/([0-9a-f-]{36})"/.exec(await page('/badges'))?.[1];
  if (!badgeId) throw new Error('The badge list shows no badge (the demo data has "Sivisverkon pääkäyttäjä").');
  await post(`/organisations/${ownOrganisationId}/badges`, 'orgAdmin', { badgeId, justification: 'Bench' });
  const queue = await page('/badges/applications');
  const badgeApplicationId = /href="\/badges\/applications\/([0-9a-f-]{36})"/.exec(queue)?.[1];
  if (!badgeApplicationId) throw new Error('The badge applications page lists no application.');
  if (!queue.includes('Päätöstä odottavia hakemuksia ei ole.')) {
    const approved = await post(`/badges/applications/${badgeApplicationId}`, 'centreStaff', { intent: 'approve', reason: '' });
    if (approved.status !== 302) throw new Error(`Approving the waiting badge application answered ${approved.status}.`);
  }
  const credentialId = /href="\/badges\/issued\/([0-9a-f-]{36})"/.exec(await page('/badges/issued'))?.[1];
  if (!credentialId) throw new Error('No badge credential has been issued.');
  const jwt = await fetch(`${url}/badges/credentials/${credentialId}/credential.jwt`);
  const badgeJwt = (await jwt.text()).trim();
  if (jwt.status !== 200 || !badgeJwt) throw new Error('The newest badge credential’s VC-JWT could not be downloaded.');
  const issuer = (await (await fetch(`${url}/badges/issuer`)).json()) as { verificationMethod: { id: string }[] };
  const keyId = issuer.verificationMethod[0]?.id.split('/').pop();
  if (!keyId) throw new Error('The issuer profile publishes no key.');
  return { badgeId, badgeApplicationId, credentialId, badgeJwt, keyId };
}

/**
 * A training in the public calendar (over every year: the generated ones lie before today), and a
 * logo for the demo organisation, uploaded now if it has none, so that the public logo answers 200.
 */
async function publicCalendarFixtures(url: string, cookies: Map<BenchUser, string | null>, organisationId: string) {
  const calendar = await (await fetch(`${url}/training-calendar?from=2022-01-01`)).text();
  const publicTrainingId = /href="\/training-calendar\/([0-9a-f-]{36})"/.exec(calendar)?.[1];
  if (!publicTrainingId) throw new Error('The public calendar lists no training (the bench needs generated data: npm run generate).');
  if ((await fetch(`${url}/training-calendar/logos/${organisationId}`)).status === 404) {
    const upload = multipart({ fields: { kind: 'logo' }, file: { field: 'file', name: 'logo.png', type: 'image/png', content: () => makePng(400, 200) } });
    await fetch(`${url}/organisations/${organisationId}/images`, {
      method: 'POST',
      headers: { Cookie: cookies.get('orgAdmin')!, Origin: url, 'Content-Type': upload.contentType },
      body: new Uint8Array(upload.bytes),
      redirect: 'manual',
    });
    if ((await fetch(`${url}/training-calendar/logos/${organisationId}`)).status !== 200) throw new Error('The demo organisation’s logo could not be uploaded.');
  }
  return publicTrainingId;
}

/** This year's calendar (created if missing), an announcement to the demo organisation, a feed address and an hour decision. */
async function yearFixtures(url: string, cookies: Map<BenchUser, string | null>, organisationId: string) {
  const post = (path: string, as: BenchUser, body: Record<string, string> | URLSearchParams) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { Cookie: cookies.get(as)!, Origin: url, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(body),
      redirect: 'manual',
    });
  await post('/calendar', 'centreStaff', { intent: 'create', source: 'template' });
  const calendarPage = await (await fetch(`${url}/calendar`, { headers: { Cookie: cookies.get('centreStaff')! } })).text();
  const event = /href="\/calendar\/(\d{4})\/events\/([0-9a-f-]{36})"/.exec(calendarPage);
  const adminCookie = cookies.get('orgAdmin')!;
  let announcementId = /href="\/announcements\/([0-9a-f-]{36})"/.exec(await (await fetch(`${url}/announcements`, { headers: { Cookie: adminCookie } })).text())?.[1];
  if (!announcementId) {
    const sent = new URLSearchParams({ subjectFi: 'Vuosikello', bodyFi: 'Ensi vuoden vuosikello on julkaistu.', audience: 'organisations', organisationIds: organisationId });
    announcementId = /\/announcements\/([0-9a-f-]{36})/.exec((await post('/announcements/new', 'centreStaff', sent)).headers.get('location') ?? '')?.[1];
  }
  const subscription = await (await post('/calendar/subscription', 'orgAdmin', { intent: 'create' })).text();
  const feedFile = /\/calendar\/feed\/([A-Za-z0-9_-]{43}\.ics)/.exec(subscription)?.[1];
  if (!event || !announcementId || !feedFile) throw new Error('The calendar, announcement or feed fixtures could not be made.');
  // A decision on the organisation's hours this year: saving a draft is refused once one is published.
  const decisionPath = `/hours/${event[1]}/organisations/${organisationId}`;
  await post(decisionPath, 'centreStaff', { intent: 'save', hours: '1000', decisionText: 'Bench' });
  const decisionPage = await (await fetch(`${url}${decisionPath}`, { headers: { Cookie: cookies.get('centreStaff')! } })).text();
  const decisionId = /\/hours\/decisions\/([0-9a-f-]{36})\/pdf/.exec(decisionPage)?.[1];
  if (!decisionId) throw new Error('The hour decision fixture could not be made.');
  return { year: event[1]!, calendarEventId: event[2]!, announcementId, feedFile, decisionId, trainingId: await trainingFixture(url, cookies.get('trainer')!, organisationId) };
}

/** One of the demo trainer's training plans: a draft is planned in their first unit if they have none. */
async function trainingFixture(url: string, trainerCookie: string | null, organisationId: string) {
  const ownPlan = async () => /href="\/organisations\/[0-9a-f-]{36}\/trainings\/([0-9a-f-]{36})"/.exec(await (await fetch(`${url}/trainings?year=all`, { headers: { Cookie: trainerCookie! } })).text())?.[1];
  const existing = await ownPlan();
  if (existing) return existing;
  const form = await (await fetch(`${url}/organisations/${organisationId}/trainings/new`, { headers: { Cookie: trainerCookie! } })).text();
  const unitId = /name="unitId"[^>]*>.*?<option value="([0-9a-f-]{36})"/s.exec(form)?.[1];
  if (!unitId) throw new Error('The demo trainer has no unit to plan a training for.');
  const plan = { intent: 'save', unitId, name: 'Bench-kurssi', type: 'course', mode: 'onSite', topicClass: 'culture', plannedParticipants: '10', price: '0', learningGoals: 'Bench' };
  await fetch(`${url}/organisations/${organisationId}/trainings/new`, {
    method: 'POST',
    headers: { Cookie: trainerCookie!, Origin: url, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(plan),
    redirect: 'manual',
  });
  const created = await ownPlan();
  if (!created) throw new Error('The training plan fixture could not be made.');
  return created;
}
