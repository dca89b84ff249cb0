import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSupportRules, saveSupportRules } from '../../server/centre/support-rules';
import { getCentreSettings, updateCentreSettings } from '../../server/centre/settings';
import { AdjustableClock } from '../../server/clock';
import type { DatabaseHandle } from '../../server/db/client';
import { auditLog, centreSettings, emailOutbox, organisations, paymentBatches, paymentReports, payments, roleAssignments, users } from '../../server/db/schema';
import { supportOverview } from '../../server/expenses/lists';
import { reportOfTraining, submitExpenseReport } from '../../server/expenses/reports';
import { approveExpenseReport, rejectExpenseReport } from '../../server/expenses/review';
import type { ReportContent } from '../../server/expenses/support';
import { type Mailer, deliverDueEmails } from '../../server/jobs/outbox-worker';
import { cancelPaymentBatch, createPaymentBatch, markPaymentBatchPaid, maxExecutionDays, remittanceInfo } from '../../server/payments/batches';
import { paymentCandidates } from '../../server/payments/candidates';
import { getPaymentBatch } from '../../server/payments/lists';
import { type CreditTransfer, type CreditTransferFile, isoAmount, renderPain001 } from '../../server/payments/pain001';
import { type PaymentSpecification, paymentSpecification, renderSpecificationCsv } from '../../server/payments/specification';
import type { RenderedFile } from '../../server/payments/specification-file';
import { recordAttendance } from '../../server/trainings/attendance';
import { addParticipants, listParticipants } from '../../server/trainings/participants';
import { savePlan, submitPlan } from '../../server/trainings/plans';
import { advanceTrainingStatuses } from '../../server/trainings/status';
import { actorByEmail, demoOrgB, organisationIdByName, unitByName } from '../support/demo';
import { emailsTo } from '../support/outbox';
import { pdfText } from '../support/pdf-text';
import { grant2027Hours, samplePlan, trainingsTestDatabase } from '../support/trainings';

const xsd = path.resolve('tests/fixtures/iso20022/pain.001.001.03.xsd');

let handle: DatabaseHandle;
const clock = new AdjustableClock();
const links = { publicUrl: 'http://sivis.test' };
const at = (iso: string) => clock.set(new Date(iso), { frozen: true });
const as = async (email: string) => ({ db: handle.db, clock, actor: await actorByEmail(handle.db, email) });
const staff = () => as('asiantuntija@sivis.example');

/** Where a training is planned: the organisation, the unit and the trainer who plans and reports it. */
interface Place {
  organisationId: string;
  unitId: string;
  trainer: string;
  name: string;
  admin: string;
}
/** Organisation A: Kansanliikkeiden Liitto ry (Revontulten yhdistys). */
let orgA: Place;
/** Organisation B: Kulttuuriyhdistysten Keskusliitto ry (Rannikon kuoroyhdistys). */
let orgB: Place;
/** Organisation C: Lähiluonnon Ystävät ry (Kallioniemen luontoyhdistys). */
let orgC: Place;

// Valid Finnish accounts (checksums computed): A and B with a BIC, C with an IBAN only.
const accountA = { iban: 'FI2112345600000785', bic: 'NDEAFIHH' };
const accountB = { iban: 'FI4950009420028730', bic: 'OKOYFIHH' };
const accountC = { iban: 'FI8940060010049583', bic: '' };
const centreAccount = { iban: 'FI4880000710343510', bic: 'DABAFIHH' };

const setAccount = (place: Place, account: { iban: string; bic: string }) => handle.db.update(organisations).set(account).where(eq(organisations.id, place.organisationId));

const person = (name: string, birthYear: number) => ({ name, email: '', birthYear, municipality: 'Oulu', gender: null, firstTimeThisYear: false });
const plannedSessions = [
  { date: '2027-03-02', start: '18:00' },
  { date: '2027-03-09', start: '18:00' },
];
// The sample plan's sessions as held: 90 + (105 − 15) = 180 minutes = 4,00 h.
const heldSessions = [
  { date: '2027-03-02', start: '18:00', end: '19:30', breakMinutes: 0 },
  { date: '2027-03-09', start: '18:00', end: '19:45', breakMinutes: 15 },
];
/**
 * A report of the sample's sessions with one cost item: the support is the lowest of
 * 35,00 € × 4,00 h = 140,00 €, 55 % of the costs (half a cent up), and the costs less other funding.
 */
const report = (costsCents: number, changes: Partial<ReportContent> = {}): ReportContent => ({
  sessions: heldSessions,
  costs: [{ category: 'trainerFees', description: 'Kouluttajan palkkio', amountCents: costsCents }],
  participantFeesCents: 0,
  otherFundingCents: 0,
  otherFundingSource: '',
  marketingDeclaration: true,
  notes: '',
  ...changes,
});

/** A 2027 training of the sample's sessions, planned on 15 January, seven aged 15+ at both sessions, ended on 10 March. */
async function endedTraining(name: string, place: Place) {
  const trainer = await as(place.trainer);
  at('2027-01-15T09:00:00Z');
  const saved = await savePlan(trainer, place.organisationId, null, samplePlan(place.unitId, { name }));
  if (!saved.ok) throw new Error(saved.error);
  const submitted = await submitPlan(trainer, place.organisationId, saved.id);
  if (!submitted.ok) throw new Error(submitted.error);
  const people = Array.from({ length: 7 }, (_, i) => person(`${name}: osallistuja ${i + 1}`, 1980 + i));
  expect(await addParticipants(trainer, saved.id, people)).toEqual({ ok: true, added: people.length });
  at('2027-03-09T19:00:00Z');
  const present = (await listParticipants(handle.db, saved.id)).map((p) => p.id);
  for (const session of plannedSessions) expect(await recordAttendance(trainer, saved.id, session, present)).toEqual({ ok: true });
  at('2027-03-10T06:00:00Z');
  await advanceTrainingStatuses({ db: handle.db, clock });
  return saved.id;
}

/** Ended and reported on 20 March 2027: waiting for review. */
async function submittedReport(name: string, place: Place, content: ReportContent) {
  const id = await endedTraining(name, place);
  at('2027-03-20T10:00:00Z');
  expect(await submitExpenseReport(await as(place.trainer), id, content)).toMatchObject({ ok: true });
  return id;
}

/** Reported and approved by staff on 25 March 2027; answers the training, the report and its support. */
async function approvedReport(name: string, place: Place, content: ReportContent) {
  const trainingId = await submittedReport(name, place, content);
  at('2027-03-25T10:00:00Z');
  expect(await approveExpenseReport(await staff(), trainingId, links)).toEqual({ ok: true });
  const row = (await reportOfTraining(handle.db, trainingId))!;
  expect(row.status).toBe('approved');
  return { trainingId, reportId: row.id, supportCents: row.supportCents, name };
}

/** Staff create a batch on the morning of a (Helsinki) day. */
async function createBatchOn(day: string, executionDate: string) {
  at(`${day}T07:00:00Z`);
  return createPaymentBatch(await staff(), { executionDate });
}
async function created(day: string, executionDate: string) {
  const result = await createBatchOn(day, executionDate);
  if (!result.ok) throw new Error(`No batch: ${result.error}`);
  return result;
}
const batchOf = async (batchId: string) => (await getPaymentBatch(await staff(), batchId))!;
const paymentOf = async (batchId: string, place: Place) => (await batchOf(batchId)).payments.find((p) => p.organisationId === place.organisationId);
const batchCount = async () => (await handle.db.select({ n: count() }).from(paymentBatches))[0]!.n;
const linesOf = (batchId: string) =>
  handle.db
    .select({ reportId: paymentReports.reportId, amountCents: paymentReports.amountCents, active: paymentReports.active, organisationId: payments.organisationId })
    .from(paymentReports)
    .innerJoin(payments, eq(payments.id, paymentReports.paymentId))
    .where(eq(payments.batchId, batchId));

/** The batch's file for the bank, made as the download route makes it. */
async function batchFile(batchId: string) {
  const batch = await batchOf(batchId);
  return renderPain001({
    messageId: `TUKI-${batch.reference}`,
    createdAt: batch.createdAt,
    executionDate: batch.executionDate,
    debtor: { name: batch.debtorName, iban: batch.debtorIban, bic: batch.debtorBic },
    transfers: batch.payments,
  });
}

/** What xmllint says is wrong with the XML against the official pain.001.001.03 schema; '' when it validates. */
function schemaErrors(xml: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pain001-'));
  const file = path.join(dir, 'payments.xml');
  try {
    fs.writeFileSync(file, xml, 'utf8');
    execFileSync('xmllint', ['--noout', '--schema', xsd, file], { stdio: 'pipe' });
    return '';
  } catch (error) {
    const e = error as { stderr?: Buffer; message: string };
    return e.stderr?.toString() || e.message;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** "123.45" → 12345, refusing anything but digits, a point and two decimals. */
function cents(amount: string): number {
  expect(amount).toMatch(/^\d+\.\d{2}$/);
  const [euros, fraction] = amount.split('.');
  return Number(euros) * 100 + Number(fraction);
}
const all = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<${tag}(?: [^>]*)?>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]!);
const transactionsOf = (xml: string) => [...xml.matchAll(/<CdtTrfTxInf>(.*?)<\/CdtTrfTxInf>/gs)].map((m) => m[1]!);
const unescapeXml = (text: string) => text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&');

/** The file's sums as the bank reads them, in cents. */
function fileFigures(xml: string) {
  return {
    ctrlSums: all(xml, 'CtrlSum').map(cents),
    nbOfTxs: all(xml, 'NbOfTxs').map(Number),
    amounts: all(xml, 'InstdAmt').map(cents),
  };
}

/** The first batch (A, B and C), created on 15 April 2027 and marked paid in the locking tests, and the reports it pays. */
let firstBatch: string;
let firstReports: Awaited<ReturnType<typeof approvedReport>>[];

const overview = async (place: Place) => (await supportOverview(await as(place.admin), place.organisationId, 2027)).totals;
const overviewRow = async (place: Place, trainingId: string) => (await supportOverview(await as(place.admin), place.organisationId, 2027)).rows.find((r) => r.trainingId === trainingId);

beforeAll(async () => {
  const world = await trainingsTestDatabase(50_000);
  handle = world.handle;
  orgA = { organisationId: world.orgA, unitId: world.aurora, trainer: 'kouluttaja1@kll.example', name: 'Kansanliikkeiden Liitto ry', admin: 'paakayttaja@kll.example' };
  const b = await organisationIdByName(handle.db, demoOrgB);
  await grant2027Hours(handle.db, b, 5_000);
  orgB = { organisationId: b, unitId: (await unitByName(handle.db, 'Rannikon kuoroyhdistys')).id, trainer: 'kouluttaja1@kyk.example', name: demoOrgB, admin: 'paakayttaja@kyk.example' };
  const c = await organisationIdByName(handle.db, 'Lähiluonnon Ystävät ry');
  await grant2027Hours(handle.db, c, 5_000);
  orgC = { organisationId: c, unitId: (await unitByName(handle.db, 'Kallioniemen luontoyhdistys')).id, trainer: 'kouluttaja1@lly.example', name: 'Lähiluonnon Ystävät ry', admin: 'paakayttaja@lly.example' };
  // No report is picked for audit (the default 10 % would pick at random).
  await saveSupportRules(await as('admin@sivis.example'), { ...defaultSupportRules(2027), auditShareBasisPoints: 0 });
  await setAccount(orgA, accountA);
  await setAccount(orgB, accountB);
  await setAccount(orgC, accountC);
  // A former admin of organisation A, deactivated: no payment emails.
  const [former] = await handle.db.insert(users).values({ email: 'entinen.paakayttaja@kll.example', name: 'Entinen Pääkäyttäjä', status: 'deactivated' }).returning({ id: users.id });
  await handle.db.insert(roleAssignments).values({ userId: former!.id, role: 'org_admin', organisationId: orgA.organisationId });
});
afterAll(() => handle.close());

describe('the pain.001.001.03 file', () => {
  const debtor = { name: 'Opintokeskus Sivis', iban: centreAccount.iban, bic: centreAccount.bic };
  const transfer = (amountCents: number, i: number, changes: Partial<CreditTransfer> = {}): CreditTransfer => ({
    creditorName: `Yhdistys ${i + 1} ry`,
    iban: accountA.iban,
    bic: accountA.bic,
    amountCents,
    endToEndId: `TUKI-2027-001-${i + 1}`,
    remittanceInfo: 'Koulutustuki, Opintokeskus Sivis, maksuaineisto 2027-001',
    ...changes,
  });
  const file = (transfers: CreditTransfer[], changes: Partial<CreditTransferFile> = {}): CreditTransferFile => ({
    messageId: 'TUKI-2027-001',
    createdAt: new Date('2027-04-15T07:00:00Z'),
    executionDate: '2027-04-20',
    debtor,
    transfers,
    ...changes,
  });

  it('writes amounts exactly from integer cents', () => {
    expect([isoAmount(0), isoAmount(5), isoAmount(10), isoAmount(100), isoAmount(13_200), isoAmount(123_456_789)]).toEqual(['0.00', '0.05', '0.10', '1.00', '132.00', '1234567.89']);
  });

  it('has control sums equal to the integer-cent sum of the amounts, however many there are', () => {
    // 0,10 € + 0,20 € is 0.30000000000000004 in floating point.
    const small = renderPain001(file([transfer(10, 0), transfer(20, 1)]));
    expect(fileFigures(small)).toEqual({ ctrlSums: [30, 30], nbOfTxs: [2, 2], amounts: [10, 20] });
    // A thousand amounts whose floating-point sum drifts (a thousand times 0,10 € is 99.9999999999986),
    // and larger ones with odd cents.
    const amounts = [...Array.from({ length: 1000 }, () => 10), ...Array.from({ length: 300 }, (_, i) => ((i * 7_919) % 1_000_000) + 1), 99_999_999, 1, 3, 7];
    const total = amounts.reduce((sum, a) => sum + a, 0);
    expect(amounts.reduce((sum, a) => sum + a / 100, 0)).not.toBe(total / 100);
    const many = renderPain001(file(amounts.map((a, i) => transfer(a, i))));
    const figures = fileFigures(many);
    expect(figures.ctrlSums).toEqual([total, total]);
    expect(figures.nbOfTxs).toEqual([amounts.length, amounts.length]);
    expect(figures.amounts).toEqual(amounts);
    expect(schemaErrors(many)).toBe('');
  });

  it('validates against the official schema, with the centre as debtor and one transaction per payment', () => {
    const xml = renderPain001(file([transfer(13_200, 0), transfer(5_500, 1, { iban: accountB.iban, bic: accountB.bic }), transfer(30, 2, { iban: accountC.iban, bic: '' })]));
    expect(schemaErrors(xml)).toBe('');
    expect(xml).toContain('xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"');
    expect(all(xml, 'MsgId')).toEqual(['TUKI-2027-001']);
    expect(all(xml, 'PmtMtd')).toEqual(['TRF']);
    expect(all(xml, 'ReqdExctnDt')).toEqual(['2027-04-20']);
    const pmtInf = /<PmtInf>(.*?)<CdtTrfTxInf>/s.exec(xml)![1]!;
    expect(pmtInf).toContain('<Dbtr><Nm>Opintokeskus Sivis</Nm></Dbtr>');
    expect(pmtInf).toContain(`<DbtrAcct><Id><IBAN>${centreAccount.iban}</IBAN></Id></DbtrAcct>`);
    expect(pmtInf).toContain(`<DbtrAgt><FinInstnId><BIC>${centreAccount.bic}</BIC></FinInstnId></DbtrAgt>`);
    const txs = transactionsOf(xml);
    expect(txs).toHaveLength(3);
    expect(txs.map((t) => all(t, 'EndToEndId')[0])).toEqual(['TUKI-2027-001-1', 'TUKI-2027-001-2', 'TUKI-2027-001-3']);
    expect(txs.map((t) => all(t, 'Ustrd')[0])).toEqual(Array(3).fill('Koulutustuki, Opintokeskus Sivis, maksuaineisto 2027-001'));
    expect(txs.map((t) => all(t, 'IBAN')[0])).toEqual([accountA.iban, accountB.iban, accountC.iban]);
    expect(xml).toMatch(/<InstdAmt Ccy="EUR">132\.00<\/InstdAmt>/);
  });

  it('leaves out the creditor agent of a creditor without a BIC, and writes the BIC of one that has it', () => {
    const xml = renderPain001(file([transfer(100, 0, { bic: '' }), transfer(200, 1, { bic: 'okoyfihh' })]));
    expect(schemaErrors(xml)).toBe('');
    const [withoutBic, withBic] = transactionsOf(xml);
    expect(withoutBic).not.toContain('CdtrAgt');
    expect(withoutBic).not.toContain('NOTPROVIDED');
    expect(withBic).toContain('<CdtrAgt><FinInstnId><BIC>OKOYFIHH</BIC></FinInstnId></CdtrAgt>');
  });

  it('escapes names with ÅÄÖ and &, normalises accounts, and cuts names to 70 characters', () => {
    const tricky = 'Åland & Öljy "Äijät" <ry>';
    const long = `Pohjois-Pohjanmaan ${'Ä'.repeat(80)} ry`;
    const xml = renderPain001(
      file([transfer(100, 0, { creditorName: tricky, iban: 'fi21 1234 5600 0007 85', bic: 'ndeafihh' }), transfer(200, 1, { creditorName: long })], {
        debtor: { name: 'Sivistys & Opinto ry', iban: 'fi48 8000 0710 3435 10', bic: 'dabafihh' },
      }),
    );
    expect(schemaErrors(xml)).toBe('');
    expect(xml).toContain('<Nm>Åland &amp; Öljy &quot;Äijät&quot; &lt;ry&gt;</Nm>');
    expect(xml).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
    const names = all(xml, 'Nm').map(unescapeXml);
    expect(names).toEqual(['Sivistys & Opinto ry', 'Sivistys & Opinto ry', tricky, long.slice(0, 70)]);
    expect(all(xml, 'IBAN')).toEqual([centreAccount.iban, accountA.iban, accountA.iban]);
    expect(all(xml, 'BIC')).toEqual(['DABAFIHH', 'NDEAFIHH', 'NDEAFIHH']);
  });

  it('still writes a valid file when a name holds control characters, decomposed accents or an emoji at the cut', () => {
    const bell = 'Kellot\u0007 ja kilinät ry';
    const emojiAtCut = `${'K'.repeat(69)}🎻 ry`;
    const decomposed = 'Sa\u0308a\u0308tio\u0308 ry';
    const xml = renderPain001(file([transfer(100, 0, { creditorName: bell }), transfer(200, 1, { creditorName: emojiAtCut }), transfer(300, 2, { creditorName: decomposed })]));
    expect(schemaErrors(xml)).toBe('');
    expect(all(xml, 'Nm').map(unescapeXml).slice(2)).toEqual(['Kellot ja kilinät ry', 'K'.repeat(69), 'Säätiö ry']);
  });

  it('writes the creation time as the Helsinki wall-clock time of the instant', () => {
    const createdTime = (instant: string) => all(renderPain001(file([transfer(100, 0)], { createdAt: new Date(instant) })), 'CreDtTm');
    // Winter (UTC+2), summer (UTC+3) across midnight, and either side of the change to summer time (01:00 UTC on 28 March 2027).
    expect(createdTime('2027-01-15T09:00:00Z')).toEqual(['2027-01-15T11:00:00']);
    expect(createdTime('2027-07-31T21:30:05Z')).toEqual(['2027-08-01T00:30:05']);
    expect(createdTime('2027-03-28T00:59:59Z')).toEqual(['2027-03-28T02:59:59']);
    expect(createdTime('2027-03-28T01:00:00Z')).toEqual(['2027-03-28T04:00:00']);
    expect(createdTime('2027-12-31T22:00:00Z')).toEqual(['2028-01-01T00:00:00']);
  });
});

describe('the remittance text', () => {
  it('names the batch in at most 140 characters, however long the centre’s name', () => {
    expect(remittanceInfo('Opintokeskus Sivis', '2027-001')).toBe('Koulutustuki, Opintokeskus Sivis, maksuaineisto 2027-001');
    for (const length of [60, 100, 139, 140, 141, 300]) {
      const text = remittanceInfo('S'.repeat(length), '2027-123');
      expect(text.length).toBeLessThanOrEqual(140);
      expect(text).toContain('2027-123');
      expect(text.endsWith('maksuaineisto 2027-123')).toBe(true);
    }
    // Cut exactly to 140 when too long.
    expect(remittanceInfo('S'.repeat(300), '2027-123')).toHaveLength(140);
  });
});

describe('creating a payment batch', () => {
  it('needs the centre’s name, IBAN and BIC, and something to pay', async () => {
    const admin = await as('admin@sivis.example');
    const settings = (await getCentreSettings(admin))!;
    expect(settings.name).toBe('Opintokeskus Sivis');
    const save = (changes: { iban?: string; bic?: string; name?: string }) =>
      updateCentreSettings(admin, { name: settings.name, businessId: settings.businessId, address: settings.address, iban: '', bic: '', ...changes });
    // Without the centre's account (the demo seed gives it one: taken away here).
    await save({});
    expect(await createBatchOn('2027-04-01', '2027-04-05')).toEqual({ ok: false, error: 'payments.errors.centreAccount' });
    // An IBAN without a BIC is not enough for the debtor, nor is a BIC of another country.
    await save({ iban: centreAccount.iban });
    expect(await createBatchOn('2027-04-01', '2027-04-05')).toEqual({ ok: false, error: 'payments.errors.centreAccount' });
    await save({ iban: centreAccount.iban, bic: 'DEUTDEFF' });
    expect(await createBatchOn('2027-04-01', '2027-04-05')).toEqual({ ok: false, error: 'payments.errors.centreAccount' });
    // Nor one without a name.
    await save({ iban: centreAccount.iban, bic: centreAccount.bic, name: '' });
    expect(await createBatchOn('2027-04-01', '2027-04-05')).toEqual({ ok: false, error: 'payments.errors.centreAccount' });
    // An IBAN whose checksum fails (written past the form's check).
    await save({ iban: centreAccount.iban, bic: centreAccount.bic });
    await handle.db.update(centreSettings).set({ iban: 'FI4880000710343511' });
    expect(await createBatchOn('2027-04-01', '2027-04-05')).toEqual({ ok: false, error: 'payments.errors.centreAccount' });
    await save({ iban: 'FI48 8000 0710 3435 10', bic: 'dabafihh' });
    expect(await getCentreSettings(admin)).toMatchObject({ iban: centreAccount.iban, bic: centreAccount.bic });

    // With the account: a report waiting for review and a rejected one are nothing to pay.
    await submittedReport('Odottaa tarkastusta', orgC, report(24_000));
    const rejected = await submittedReport('Hylätty kurssi', orgC, report(24_000));
    at('2027-03-25T10:00:00Z');
    expect(await rejectExpenseReport(await staff(), rejected, 'Ei tukikelpoinen', links)).toEqual({ ok: true });
    expect(await paymentCandidates({ db: handle.db, clock })).toEqual([]);
    expect(await createBatchOn('2027-04-01', '2027-04-05')).toEqual({ ok: false, error: 'payments.errors.nothingToPay' });
    expect(await batchCount()).toBe(0);
    expect(await handle.db.select().from(auditLog).where(eq(auditLog.action, 'paymentBatch.created'))).toEqual([]);
  });

  it('pays each organisation the summed support of its approved reports, the centre as debtor', async () => {
    // A: 55 % × 240,00 € = 132,00 € and 55 % × 100,00 € = 55,00 €, and one with no support (other funding above the costs).
    const a1 = await approvedReport('Kevään kuorokurssi', orgA, report(24_000));
    const a2 = await approvedReport('Äänenavauksen työpaja', orgA, report(10_000));
    const a0 = await approvedReport('Rahoitettu kurssi', orgA, report(24_000, { otherFundingCents: 30_000, otherFundingSource: 'Kunta' }));
    expect(a0.supportCents).toBe(0);
    // B: 55 % × 200,00 € = 110,00 €.
    const b1 = await approvedReport('Rannikon laulupäivä', orgB, report(20_000));
    // C: 55 % × 0,18 € = 0,099 € → 0,10 €, and 55 % × 0,36 € = 0,198 € → 0,20 €.
    const c1 = await approvedReport('Sammalten tunnistus', orgC, report(18));
    const c2 = await approvedReport('Jäkälien tunnistus', orgC, report(36));
    expect([a1, a2, b1, c1, c2].map((r) => r.supportCents)).toEqual([13_200, 5_500, 11_000, 10, 20]);
    firstReports = [a1, a2, b1, c1, c2];

    expect(await paymentCandidates({ db: handle.db, clock })).toEqual([
      { organisationId: orgA.organisationId, name: orgA.name, ...accountA, reportCount: 2, amountCents: 18_700, problem: null },
      { organisationId: orgB.organisationId, name: orgB.name, ...accountB, reportCount: 1, amountCents: 11_000, problem: null },
      { organisationId: orgC.organisationId, name: orgC.name, ...accountC, reportCount: 2, amountCents: 30, problem: null },
    ]);

    const result = await created('2027-04-15', '2027-04-20');
    expect(result).toEqual({ ok: true, batchId: expect.any(String), reference: '2027-001', skipped: [] });
    firstBatch = result.batchId;
    const batch = await batchOf(firstBatch);
    expect(batch).toMatchObject({
      reference: '2027-001',
      status: 'created',
      executionDate: '2027-04-20',
      debtorName: 'Opintokeskus Sivis',
      debtorIban: centreAccount.iban,
      debtorBic: centreAccount.bic,
      paymentCount: 3,
      totalCents: 18_700 + 11_000 + 30,
      paidOn: null,
      createdByName: expect.any(String),
    });
    expect(batch.createdAt).toEqual(new Date('2027-04-15T07:00:00Z'));
    expect(batch.payments.map((p) => [p.creditorName, p.iban, p.bic, p.amountCents, p.reportCount])).toEqual([
      [orgA.name, accountA.iban, accountA.bic, 18_700, 2],
      [orgB.name, accountB.iban, accountB.bic, 11_000, 1],
      [orgC.name, accountC.iban, '', 30, 2],
    ]);
    expect(batch.payments.reduce((sum, p) => sum + p.amountCents, 0)).toBe(batch.totalCents);
    for (const p of batch.payments) {
      expect(p.remittanceInfo.length).toBeLessThanOrEqual(140);
      expect(p.remittanceInfo).toContain('2027-001');
      expect(p.endToEndId.length).toBeLessThanOrEqual(35);
    }
    expect(new Set(batch.payments.map((p) => p.endToEndId)).size).toBe(3);
    // The reports it pays, each with its support; not the one without support.
    const lines = await linesOf(firstBatch);
    expect(lines.map((l) => [l.reportId, l.amountCents, l.active]).sort()).toEqual(firstReports.map((r) => [r.reportId, r.supportCents, true]).sort());
    expect(lines.map((l) => l.reportId)).not.toContain(a0.reportId);
    // Audited.
    const audits = await handle.db.select().from(auditLog).where(and(eq(auditLog.action, 'paymentBatch.created'), eq(auditLog.targetId, firstBatch)));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.details).toMatchObject({ reference: '2027-001', executionDate: '2027-04-20', payments: 3, reports: 5, totalCents: 29_730, skipped: [] });
    expect(audits[0]!.actorUserId).toBe((await staff()).actor.userId);

    // Its file for the bank validates and adds up.
    const xml = await batchFile(firstBatch);
    expect(schemaErrors(xml)).toBe('');
    expect(fileFigures(xml)).toEqual({ ctrlSums: [29_730, 29_730], nbOfTxs: [3, 3], amounts: [18_700, 11_000, 30] });
    expect(transactionsOf(xml)[2]).not.toContain('CdtrAgt');

    // A second batch right after has nothing to take.
    expect(await paymentCandidates({ db: handle.db, clock })).toEqual([]);
    expect(await createBatchOn('2027-04-15', '2027-04-20')).toEqual({ ok: false, error: 'payments.errors.nothingToPay' });
    expect(await batchCount()).toBe(1);
  });

  it('leaves out only an organisation whose account cannot take the transfer, and names it', async () => {
    const a = await approvedReport('Tunturin vaellusopas', orgA, report(24_000));
    const b = await approvedReport('Kuoronjohdon alkeet', orgB, report(10_000));
    const c = await approvedReport('Linnunpönttöjen rakentaminen', orgC, report(20_000));
    // B has no IBAN; C's checksum fails.
    await setAccount(orgB, { iban: '', bic: '' });
    await setAccount(orgC, { iban: 'FI8940060010049584', bic: '' });
    expect((await paymentCandidates({ db: handle.db, clock })).map((p) => [p.name, p.problem])).toEqual([
      [orgA.name, null],
      [orgB.name, 'missingIban'],
      [orgC.name, 'invalidIban'],
    ]);
    const result = await created('2027-05-03', '2027-05-05');
    expect(result.reference).toBe('2027-002');
    expect(result.skipped).toEqual([
      { organisationId: orgB.organisationId, name: orgB.name, problem: 'missingIban' },
      { organisationId: orgC.organisationId, name: orgC.name, problem: 'invalidIban' },
    ]);
    const batch = await batchOf(result.batchId);
    expect(batch.payments.map((p) => [p.organisationId, p.amountCents])).toEqual([[orgA.organisationId, a.supportCents]]);
    expect(batch).toMatchObject({ paymentCount: 1, totalCents: a.supportCents });
    expect(schemaErrors(await batchFile(result.batchId))).toBe('');
    const [audit] = await handle.db.select().from(auditLog).where(and(eq(auditLog.action, 'paymentBatch.created'), eq(auditLog.targetId, result.batchId)));
    expect(audit!.details).toMatchObject({
      skipped: [
        { organisationId: orgB.organisationId, problem: 'missingIban' },
        { organisationId: orgC.organisationId, problem: 'invalidIban' },
      ],
    });

    // Only blocked organisations are left: nothing to pay, and no batch.
    expect(await createBatchOn('2027-05-03', '2027-05-05')).toEqual({ ok: false, error: 'payments.errors.nothingToPay' });
    // A valid IBAN with a malformed BIC, and a valid IBAN of a country outside SEPA.
    await setAccount(orgB, { iban: accountB.iban, bic: 'OKOYFIH' });
    await setAccount(orgC, { iban: 'TR330006100519786457841326', bic: '' });
    expect((await paymentCandidates({ db: handle.db, clock })).map((p) => [p.name, p.problem])).toEqual([
      [orgB.name, 'invalidBic'],
      [orgC.name, 'notSepa'],
    ]);
    expect(await createBatchOn('2027-05-03', '2027-05-05')).toEqual({ ok: false, error: 'payments.errors.nothingToPay' });
    expect(await batchCount()).toBe(2);

    // Corrected (typed with spaces and in lower case): their reports go into the next batch.
    await setAccount(orgB, { iban: 'fi49 5000 9420 0287 30', bic: 'okoyfihh' });
    await setAccount(orgC, accountC);
    const next = await created('2027-05-04', '2027-05-06');
    expect(next).toMatchObject({ reference: '2027-003', skipped: [] });
    expect((await batchOf(next.batchId)).payments.map((p) => [p.organisationId, p.iban, p.bic, p.amountCents])).toEqual([
      [orgB.organisationId, accountB.iban, accountB.bic, b.supportCents],
      [orgC.organisationId, accountC.iban, '', c.supportCents],
    ]);
    expect(schemaErrors(await batchFile(next.batchId))).toBe('');
    await setAccount(orgB, accountB);
  });

  it('does not let one organisation’s BIC of another country than its IBAN break the whole file', async () => {
    // A German BIC with a Finnish IBAN: the bank (and the file library) refuse the pair.
    await approvedReport('Kuorosovitusten ilta', orgA, report(24_000));
    const b = await approvedReport('Laulupiirin kevät', orgB, report(24_000));
    await setAccount(orgB, { iban: accountB.iban, bic: 'DEUTDEFF' });
    const result = await created('2027-05-10', '2027-05-12');
    expect(result.skipped).toEqual([{ organisationId: orgB.organisationId, name: orgB.name, problem: 'invalidBic' }]);
    const xml = await batchFile(result.batchId);
    expect(schemaErrors(xml)).toBe('');
    // Corrected, B is paid in the next batch.
    await setAccount(orgB, accountB);
    const next = await created('2027-05-10', '2027-05-12');
    expect((await batchOf(next.batchId)).payments.map((p) => [p.organisationId, p.amountCents])).toEqual([[orgB.organisationId, b.supportCents]]);
    expect(schemaErrors(await batchFile(next.batchId))).toBe('');
  });

  it('pays a long-named centre with a remittance text of at most 140 characters that names the batch', async () => {
    const admin = await as('admin@sivis.example');
    const settings = (await getCentreSettings(admin))!;
    const longName = `Opintokeskus ${'Sivistysliitto '.repeat(12)}ry`;
    await updateCentreSettings(admin, { name: longName, businessId: settings.businessId, address: settings.address, iban: settings.iban, bic: settings.bic });
    try {
      await approvedReport('Pitkän nimen kurssi', orgA, report(24_000));
      const result = await created('2027-05-11', '2027-05-12');
      const batch = await batchOf(result.batchId);
      expect(batch.debtorName).toBe(longName);
      const [payment] = batch.payments;
      expect(payment!.remittanceInfo.length).toBeLessThanOrEqual(140);
      expect(payment!.remittanceInfo).toContain(result.reference);
      const xml = await batchFile(result.batchId);
      expect(schemaErrors(xml)).toBe('');
      expect(all(xml, 'Ustrd')).toEqual([payment!.remittanceInfo]);
    } finally {
      await updateCentreSettings(admin, { name: settings.name, businessId: settings.businessId, address: settings.address, iban: settings.iban, bic: settings.bic });
    }
  });

  it('is paid from today up to a year ahead (Helsinki days), and the numbers of cancelled batches are not reused', async () => {
    const x = await approvedReport('Aikataulukurssi', orgA, report(24_000));
    const before = await batchCount();
    // 00:30 on 4 May 2027 in Helsinki (21:30 UTC the day before): the 3rd is past.
    at('2027-05-03T21:30:00Z');
    expect(await createPaymentBatch(await staff(), { executionDate: '2027-05-03' })).toEqual({ ok: false, error: 'payments.errors.executionDatePast' });
    // A year ahead is 3 May 2028 (2028 has 29 February); the 4th is too far.
    expect(maxExecutionDays).toBe(365);
    expect(await createPaymentBatch(await staff(), { executionDate: '2028-05-04' })).toEqual({ ok: false, error: 'payments.errors.executionDateFar' });
    expect(await batchCount()).toBe(before);
    const far = await createPaymentBatch(await staff(), { executionDate: '2028-05-03' });
    expect(far).toMatchObject({ ok: true });
    if (!far.ok) return;
    expect(await cancelPaymentBatch(await staff(), far.batchId, 'Väärä maksupäivä')).toEqual({ ok: true });
    const today = await createPaymentBatch(await staff(), { executionDate: '2027-05-04' });
    expect(today).toMatchObject({ ok: true });
    if (!today.ok) return;
    const number = (reference: string) => Number(reference.slice(5));
    expect(number(today.reference)).toBe(number(far.reference) + 1);
    expect(far.reference.slice(0, 5)).toBe('2027-');
    expect((await paymentOf(today.batchId, orgA))!.amountCents).toBe(x.supportCents);
    expect(schemaErrors(await batchFile(today.batchId))).toBe('');
  });
});

describe('cancelling and marking paid', () => {
  it('cancelling frees the reports for the next batch; the cancelled batch keeps its payments as history', async () => {
    const x = await approvedReport('Peruttavan aineiston kurssi', orgC, report(24_000));
    const first = await created('2027-06-01', '2027-06-03');
    expect((await batchOf(first.batchId)).payments.map((p) => [p.organisationId, p.amountCents])).toEqual([[orgC.organisationId, x.supportCents]]);
    at('2027-06-02T08:00:00Z');
    expect(await cancelPaymentBatch(await staff(), first.batchId, 'Pankki hylkäsi aineiston')).toEqual({ ok: true });
    const cancelled = await batchOf(first.batchId);
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Pankki hylkäsi aineiston', paidOn: null, cancelledByName: expect.any(String) });
    expect(cancelled.cancelledAt).toEqual(new Date('2027-06-02T08:00:00Z'));
    expect(cancelled.payments.map((p) => [p.organisationId, p.amountCents])).toEqual([[orgC.organisationId, x.supportCents]]);
    expect((await linesOf(first.batchId)).map((l) => [l.reportId, l.active])).toEqual([[x.reportId, false]]);
    const [audit] = await handle.db.select().from(auditLog).where(and(eq(auditLog.action, 'paymentBatch.cancelled'), eq(auditLog.targetId, first.batchId)));
    expect(audit!.details).toEqual({ reference: first.reference, reason: 'Pankki hylkäsi aineiston' });
    // A cancelled batch is final.
    expect(await cancelPaymentBatch(await staff(), first.batchId, 'Uudelleen')).toEqual({ ok: false, error: 'payments.errors.notOpen' });
    expect(await markPaymentBatchPaid(await staff(), first.batchId, '2027-06-02', links)).toEqual({ ok: false, error: 'payments.errors.notOpen' });
    expect(await cancelPaymentBatch(await staff(), randomUUID(), 'Ei ole')).toEqual({ ok: false, error: 'notFound' });
    expect(await markPaymentBatchPaid(await staff(), randomUUID(), '2027-06-02', links)).toEqual({ ok: false, error: 'notFound' });
    // The report waits again, and the next batch takes it.
    expect((await paymentCandidates({ db: handle.db, clock })).map((p) => [p.organisationId, p.amountCents])).toEqual([[orgC.organisationId, x.supportCents]]);
    const second = await created('2027-06-02', '2027-06-04');
    expect((await batchOf(second.batchId)).payments.map((p) => [p.organisationId, p.amountCents])).toEqual([[orgC.organisationId, x.supportCents]]);
    expect((await linesOf(second.batchId)).map((l) => [l.reportId, l.active])).toEqual([[x.reportId, true]]);
    // The history is as it was.
    expect((await batchOf(first.batchId)).payments.map((p) => p.amountCents)).toEqual([x.supportCents]);
    expect((await linesOf(first.batchId)).map((l) => l.active)).toEqual([false]);
  });

  it('marking paid locks the batch and its reports for good, and emails each organisation’s active admins the specification', async () => {
    const ctx = await staff();
    // The first batch (A, B and C), created on 15 April 2027.
    at('2027-04-16T10:00:00Z');
    expect(await markPaymentBatchPaid(await staff(), firstBatch, '2027-04-17', links)).toEqual({ ok: false, error: 'payments.errors.paidOnFuture' });
    expect(await markPaymentBatchPaid(await staff(), firstBatch, '2027-04-14', links)).toEqual({ ok: false, error: 'payments.errors.paidOnBeforeCreated' });
    expect((await batchOf(firstBatch)).status).toBe('created');
    const paidEmails = async () => (await handle.db.select().from(emailOutbox)).filter((e) => e.subject.startsWith('Tuki maksettu'));
    expect(await paidEmails()).toEqual([]);
    // Paid on the day it was created.
    expect(await markPaymentBatchPaid(ctx, firstBatch, '2027-04-15', links)).toEqual({ ok: true });
    const paid = await batchOf(firstBatch);
    expect(paid).toMatchObject({ status: 'paid', paidOn: '2027-04-15', markedPaidByName: expect.any(String) });
    expect(paid.markedPaidAt).toEqual(new Date('2027-04-16T10:00:00Z'));
    const [audit] = await handle.db.select().from(auditLog).where(and(eq(auditLog.action, 'paymentBatch.paid'), eq(auditLog.targetId, firstBatch)));
    expect(audit!.details).toMatchObject({ reference: '2027-001', paidOn: '2027-04-15', payments: 3, totalCents: 29_730 });
    // Locked: neither cancelled nor paid again, and its reports never go into another batch.
    expect(await cancelPaymentBatch(ctx, firstBatch, 'Myöhässä')).toEqual({ ok: false, error: 'payments.errors.notOpen' });
    at('2027-04-20T10:00:00Z');
    expect(await markPaymentBatchPaid(ctx, firstBatch, '2027-04-20', links)).toEqual({ ok: false, error: 'payments.errors.notOpen' });
    expect((await batchOf(firstBatch)).paidOn).toBe('2027-04-15');
    const paidReports = firstReports.map((r) => r.reportId);
    expect((await linesOf(firstBatch)).every((l) => l.active)).toBe(true);
    const inOtherBatches = await handle.db
      .select({ reportId: paymentReports.reportId })
      .from(paymentReports)
      .innerJoin(payments, eq(payments.id, paymentReports.paymentId))
      .where(and(inArray(paymentReports.reportId, paidReports), eq(paymentReports.active, true)));
    expect(inOtherBatches).toHaveLength(paidReports.length);

    // One email per active admin of each paid organisation (not the deactivated one), with the PDF and CSV by reference.
    const emails = await paidEmails();
    expect(emails.map((e) => e.toAddress).sort()).toEqual([orgA.admin, orgB.admin, orgC.admin].sort());
    expect(await emailsTo(handle.db, 'entinen.paakayttaja@kll.example')).toEqual([]);
    for (const place of [orgA, orgB, orgC]) {
      const payment = paid.payments.find((p) => p.organisationId === place.organisationId)!;
      const [email] = (await emailsTo(handle.db, place.admin)).filter((e) => e.subject.startsWith('Tuki maksettu'));
      expect(email!.attachments).toEqual([
        { kind: 'paymentSpecification', organisationId: place.organisationId, paymentId: payment.id, format: 'pdf', language: 'fi' },
        { kind: 'paymentSpecification', organisationId: place.organisationId, paymentId: payment.id, format: 'csv', language: 'fi' },
      ]);
      expect(email!.bodyText).toContain('2027-001');
      // The link opens the support page on the year the payment pays.
      expect(email!.bodyText).toContain(`${links.publicUrl}/organisations/${place.organisationId}/support?year=2027`);
    }
    const [toA] = (await emailsTo(handle.db, orgA.admin)).filter((e) => e.subject.startsWith('Tuki maksettu'));
    expect(toA!.subject).toMatch(/^Tuki maksettu: 187,00\s€$/);

    // The worker renders the attachments when it sends.
    const sent: { to: string; subject: string; attachments: RenderedFile[] }[] = [];
    const mailer: Mailer = {
      async send(message) {
        sent.push(message);
      },
    };
    while ((await deliverDueEmails({ db: handle.db, clock }, mailer)) > 0);
    for (const email of await paidEmails()) expect(email).toMatchObject({ status: 'sent', lastError: null });
    const toAdminA = sent.find((m) => m.to === orgA.admin && m.subject.startsWith('Tuki maksettu'))!;
    expect(toAdminA.attachments.map((f) => [f.filename, f.contentType])).toEqual([
      ['tuen-erittely-2027-001.pdf', 'application/pdf'],
      ['tuen-erittely-2027-001.csv', 'text/csv; charset=utf-8'],
    ]);
    const [pdfFile, csvFile] = toAdminA.attachments;
    expect(Buffer.from(pdfFile!.content).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const shown = await pdfText(pdfFile!.content);
    expect(shown).toContain('Kevään kuorokurssi');
    expect(shown).toContain('Äänenavauksen työpaja');
    expect(shown).toContain('2027-001');
    const csv = new TextDecoder().decode(csvFile!.content);
    expect(csv).toContain('Kevään kuorokurssi');
    expect(csv).toContain('Äänenavauksen työpaja');
    expect(csv).toContain('132,00');
    expect(csv).toContain('55,00');
    expect(csv).toContain('187,00');
    expect(csv).not.toContain('Rannikon laulupäivä');
    const toAdminC = sent.find((m) => m.to === orgC.admin && m.subject.startsWith('Tuki maksettu'))!;
    const csvC = new TextDecoder().decode(toAdminC.attachments[1]!.content);
    expect(csvC).toContain('Sammalten tunnistus');
    expect(csvC).toContain('0,10');
    expect(csvC).toContain('0,20');
    expect(csvC).toContain('0,30');
  });

  it('keeps a paid report out of every later batch, even one written directly', async () => {
    // Everything approved so far is in a batch; the paid ones are taken by none of the later ones.
    at('2027-06-10T08:00:00Z');
    expect(await createPaymentBatch(await staff(), { executionDate: '2027-06-12' })).toEqual({ ok: false, error: 'payments.errors.nothingToPay' });
    // Not even written directly: a report is in at most one active payment.
    const [paidLine] = await linesOf(firstBatch);
    const [other] = await handle.db.select({ id: payments.id }).from(payments).innerJoin(paymentBatches, eq(paymentBatches.id, payments.batchId)).where(eq(paymentBatches.status, 'created')).limit(1);
    const [training] = await handle.db.select({ trainingId: paymentReports.trainingId }).from(paymentReports).where(eq(paymentReports.reportId, paidLine!.reportId));
    await expect(handle.db.insert(paymentReports).values({ paymentId: other!.id, reportId: paidLine!.reportId, trainingId: training!.trainingId, amountCents: paidLine!.amountCents })).rejects.toThrow();
  });
});

describe('the specification', () => {
  it('is read only through its own organisation', async () => {
    const ctx = { db: handle.db, clock };
    const paymentA = (await paymentOf(firstBatch, orgA))!;
    expect(await paymentSpecification(ctx, orgB.organisationId, paymentA.id)).toBeNull();
    expect(await paymentSpecification(ctx, orgA.organisationId, randomUUID())).toBeNull();
    const spec = (await paymentSpecification(ctx, orgA.organisationId, paymentA.id))!;
    expect(spec.batch).toMatchObject({ reference: '2027-001', status: 'paid', paidOn: '2027-04-15', debtorName: 'Opintokeskus Sivis' });
    expect(spec.lines.map((l) => [l.name, l.amountCents]).sort()).toEqual([
      ['Kevään kuorokurssi', 13_200],
      ['Äänenavauksen työpaja', 5_500],
    ]);
    expect(spec.lines.reduce((sum, l) => sum + l.amountCents, 0)).toBe(spec.payment.amountCents);
  });

  it('comes as CSV: a header, a row per training, a total row, semicolons and a decimal comma in Finnish', async () => {
    const paymentA = (await paymentOf(firstBatch, orgA))!;
    const spec = (await paymentSpecification({ db: handle.db, clock }, orgA.organisationId, paymentA.id))!;
    const csv = renderSpecificationCsv(spec, 'fi');
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = csv.slice(1, -2).split('\r\n').map((line) => line.split(';'));
    expect(rows).toHaveLength(1 + 2 + 1);
    expect(rows.every((cells) => cells.length === 6)).toBe(true);
    const [header, ...rest] = rows;
    expect(header![0]).toBe('Maksuaineisto');
    expect(header![5]).toBe('Tuki');
    const body = rest.slice(0, -1);
    expect(body.map((cells) => [cells[0], cells[1], cells[2], cells[5]]).sort()).toEqual([
      ['2027-001', 'Kevään kuorokurssi', 'Revontulten yhdistys', '132,00'],
      ['2027-001', 'Äänenavauksen työpaja', 'Revontulten yhdistys', '55,00'],
    ]);
    expect(body.every((cells) => cells[4] === '4,00')).toBe(true);
    expect(rest.at(-1)).toEqual(['2027-001', 'Yhteensä', '', '', '', '187,00']);
  });

  it('neutralises spreadsheet formulas and quotes what would split a cell', () => {
    const spec: PaymentSpecification = {
      payment: {
        id: randomUUID(),
        batchId: randomUUID(),
        organisationId: randomUUID(),
        creditorName: 'Testiyhdistys ry',
        iban: accountA.iban,
        bic: accountA.bic,
        amountCents: 123_456 + 5 + 99,
        reportCount: 3,
        endToEndId: 'TUKI-2027-009-1',
        remittanceInfo: 'Koulutustuki, Opintokeskus Sivis, maksuaineisto 2027-009',
      },
      batch: { reference: '2027-009', status: 'paid', executionDate: '2027-09-01', paidOn: '2027-09-02', debtorName: 'Opintokeskus Sivis' },
      lines: [
        { trainingId: randomUUID(), name: '=HYPERLINK("http://example.invalid","Avaa")', unitName: '+Yhdistys', year: 2027, startsOn: '2027-03-02', endsOn: '2027-03-09', realisedHundredths: 400, amountCents: 123_456 },
        { trainingId: randomUUID(), name: '@SUM(A1:A2)', unitName: '-1+2', year: 2027, startsOn: null, endsOn: null, realisedHundredths: 100, amountCents: 5 },
        { trainingId: randomUUID(), name: 'Laulu; soitto ja "tanssi"', unitName: 'Kuoro', year: 2027, startsOn: '2027-03-02', endsOn: '2027-03-02', realisedHundredths: 250, amountCents: 99 },
      ],
    };
    const csv = renderSpecificationCsv(spec, 'fi');
    const lines = csv.slice(1, -2).split('\r\n');
    expect(lines).toHaveLength(5);
    // No cell starts with a formula character.
    const cellStarts = lines.flatMap((line) => line.split(';')).map((cell) => cell.replace(/^"/, ''));
    expect(cellStarts.filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
    expect(lines[1]).toBe(`2027-009;"'=HYPERLINK(""http://example.invalid"",""Avaa"")";'+Yhdistys;${lines[1]!.split(';')[3]};4,00;1234,56`);
    expect(lines[2]).toBe("2027-009;'@SUM(A1:A2);'-1+2;;1,00;0,05");
    expect(lines[3]!.startsWith('2027-009;"Laulu; soitto ja ""tanssi""";Kuoro;')).toBe(true);
    expect(lines[3]!.endsWith(';2,50;0,99')).toBe(true);
    expect(lines[4]).toBe('2027-009;Yhteensä;;;;1235,60');
    // In English, a decimal point.
    const english = renderSpecificationCsv(spec, 'en').slice(1, -2).split('\r\n');
    expect(english[2]!.endsWith(';0.05')).toBe(true);
    expect(english[4]!.endsWith(';1235.60')).toBe(true);
  });
});

describe('the support overview', () => {
  it('follows a report from approved to in a batch, back when the batch is cancelled, and to paid', async () => {
    // Nothing of C waits for a batch: its earlier reports are paid or in open batches.
    expect((await paymentCandidates({ db: handle.db, clock })).filter((p) => p.organisationId === orgC.organisationId)).toEqual([]);
    const base = await overview(orgC);
    // C so far: 0,30 € paid (the first batch), 110,00 € (2027-003) and 132,00 € (the re-created batch) in open batches,
    // one report of 132,00 € waiting for review, one rejected.
    expect(base).toMatchObject({ reportedCents: 13_200, reported: 1, paidCents: 30, paid: 2, inBatchCents: 11_000 + 13_200, inBatch: 2, approvedCents: 30 + 11_000 + 13_200, approved: 4 });

    const y = await approvedReport('Yöperhosten tarkkailu', orgC, report(20_000));
    expect(await overview(orgC)).toMatchObject({ ...base, approvedCents: base.approvedCents + y.supportCents, approved: base.approved + 1 });
    expect(await overviewRow(orgC, y.trainingId)).toMatchObject({ reportStatus: 'approved', supportCents: y.supportCents, batchReference: null, batchStatus: null, paidOn: null });

    const first = await created('2027-07-01', '2027-07-05');
    expect((await paymentOf(first.batchId, orgC))!.amountCents).toBe(y.supportCents);
    const inBatch = { ...base, approvedCents: base.approvedCents + y.supportCents, approved: base.approved + 1, inBatchCents: base.inBatchCents + y.supportCents, inBatch: base.inBatch + 1 };
    expect(await overview(orgC)).toMatchObject(inBatch);
    expect(await overviewRow(orgC, y.trainingId)).toMatchObject({ batchReference: first.reference, batchStatus: 'created', paidOn: null });

    at('2027-07-02T08:00:00Z');
    expect(await cancelPaymentBatch(await staff(), first.batchId, 'Väärä päivä')).toEqual({ ok: true });
    expect(await overview(orgC)).toMatchObject({ ...inBatch, inBatchCents: base.inBatchCents, inBatch: base.inBatch });
    expect(await overviewRow(orgC, y.trainingId)).toMatchObject({ batchReference: null, batchStatus: null });

    const second = await created('2027-07-02', '2027-07-05');
    expect(await overview(orgC)).toMatchObject(inBatch);
    at('2027-07-05T12:00:00Z');
    expect(await markPaymentBatchPaid(await staff(), second.batchId, '2027-07-05', links)).toEqual({ ok: true });
    const after = await overview(orgC);
    expect(after).toMatchObject({ ...inBatch, inBatchCents: base.inBatchCents, inBatch: base.inBatch, paidCents: base.paidCents + y.supportCents, paid: base.paid + 1 });
    expect(await overviewRow(orgC, y.trainingId)).toMatchObject({ batchReference: second.reference, batchStatus: 'paid', paidOn: '2027-07-05' });
    // The totals are the rows' sums.
    const { rows } = await supportOverview(await as(orgC.admin), orgC.organisationId, 2027);
    const sum = (status: string) => rows.filter((r) => r.reportStatus === 'approved' && r.batchStatus === status).reduce((s, r) => s + (r.supportCents ?? 0), 0);
    expect([sum('paid'), sum('created')]).toEqual([after.paidCents, after.inBatchCents]);
    // Another organisation's admin sees none of it.
    expect((await supportOverview(await as(orgA.admin), orgC.organisationId, 2027)).rows).toEqual([]);
  });
});

describe('batch numbers', () => {
  it('start again from 001 in a new year', async () => {
    // An open 2027 batch cancelled in January 2028: its reports go into the first batch of 2028.
    const [open] = await handle.db.select().from(paymentBatches).where(eq(paymentBatches.reference, '2027-003'));
    expect(open!.status).toBe('created');
    at('2028-01-10T08:00:00Z');
    expect(await cancelPaymentBatch(await staff(), open!.id, 'Uusi aineisto')).toEqual({ ok: true });
    const result = await created('2028-01-10', '2028-01-12');
    expect(result.reference).toBe('2028-001');
    expect((await batchOf(result.batchId)).totalCents).toBe(open!.totalCents);
  });
});
