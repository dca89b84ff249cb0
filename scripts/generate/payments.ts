import { composeIBAN } from 'ibantools';
import { and, asc, eq, gt, inArray, isNotNull, sql } from 'drizzle-orm';
import { type IsoDate, addDays, helsinkiDate, helsinkiInstant, utcMidnight } from '../../server/calendar/dates';
import { centreSettings, expenseReports, organisations, paymentBatches, paymentReports, payments } from '../../server/db/schema';
import { normaliseIban } from '../../server/organisations/bank-account';
import { accountProblem } from '../../server/payments/account';
import { remittanceInfo } from '../../server/payments/batches';
import { type DataGenerator, type GenerateContext, activeCentreStaffIds } from './context';
import { organisationCounts } from './organisations';

/**
 * The months staff make a batch in: monthly in the spring, when the reports of the year before
 * have been approved, and twice in the autumn. The completed year ends with one more batch in
 * December, made but not yet marked paid.
 */
const batchMonths = [2, 3, 4, 5, 6, 9, 11];
/** Organisations that report support but have not given an account (their support waits, unpaid). */
const withoutAccountShare = 0.05;
/** The debtor as the demo seed sets the centre (server/seed/demo.ts), for a database whose centre has no usable account. */
const seedCentre = { name: 'Opintokeskus Sivis', iban: 'FI2112345600000785', bic: 'DEMOFIHH' };
const cancelReasons = ['Väärä eräpäivä, tehdään uusi erä.', 'Eräpäivä osui pankin aukiolon ulkopuolelle; uusi erä oikealla päivällä.', 'Aineisto tehtiin ennen kuun viimeisiä hyväksyntöjä, tehdään uusi.'];

/**
 * Finnish banks by the first digits of their account numbers, with their BICs and rough shares
 * of the organisations' accounts (the account numbers themselves are made up).
 */
const banks = [
  { prefixes: ['5'], bic: 'OKOYFIHH', weight: 35 },
  { prefixes: ['1', '2'], bic: 'NDEAFIHH', weight: 25 },
  { prefixes: ['8'], bic: 'DABAFIHH', weight: 10 },
  { prefixes: ['39'], bic: 'SBANFIHH', weight: 8 },
  { prefixes: ['405', '497'], bic: 'HELSFIHH', weight: 6 },
  { prefixes: ['715'], bic: 'ITELFIHH', weight: 6 },
  { prefixes: ['470', '471', '472'], bic: 'POPFFI22', weight: 5 },
  { prefixes: ['31'], bic: 'HANDFIHH', weight: 3 },
  { prefixes: ['6'], bic: 'AABAFI22', weight: 2 },
];

const pad = (n: number) => String(n).padStart(2, '0');
const minute = 60_000;
const hour = 60 * minute;

/** A Finnish account as an organisation enters it: a bank's number with its check digit (Luhn, weights 2 1 2 …), as a compact IBAN. */
function finnishAccount(ctx: GenerateContext): { iban: string; bic: string } {
  let roll = ctx.random.int(1, banks.reduce((sum, b) => sum + b.weight, 0));
  const bank = banks.find((b) => (roll -= b.weight) <= 0)!;
  let digits = ctx.random.pick(bank.prefixes);
  while (digits.length < 13) digits += String(ctx.random.int(0, 9));
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const product = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  const iban = composeIBAN({ countryCode: 'FI', bban: `${digits}${(10 - (sum % 10)) % 10}` });
  if (!iban || !normaliseIban(iban)) throw new Error(`Made an invalid IBAN from ${digits}.`);
  return { iban, bic: bank.bic };
}

/** The date itself on a weekday, else the Monday after. */
function weekday(date: IsoDate): IsoDate {
  const day = utcMidnight(date).getUTCDay();
  return day === 6 ? addDays(date, 2) : day === 0 ? addDays(date, 1) : date;
}

/** A moment of office hours on a Helsinki day. */
function officeTime(ctx: GenerateContext, date: IsoDate, fromHour = 9, toHour = 16): Date {
  const m = ctx.random.int(fromHour * 60, toHour * 60 - 1);
  return helsinkiInstant(date, `${pad(Math.floor(m / 60))}:${pad(m % 60)}`);
}

const between = (ctx: GenerateContext, from: number, to: number) => new Date(from + Math.floor(ctx.random.next() * Math.max(0, to - from)));

type Report = { id: string; trainingId: string; organisationId: string; supportCents: number; decidedAt: Date };
type Organisation = { id: string; name: string; iban: string; bic: string };

/**
 * Payment batches of the approved support, as staff would have made them (createPaymentBatch):
 * first the organisations that report support are given bank accounts (Finnish ones, with their
 * banks' BICs), except about 5 % (at least one of several) that never gave one. Then from the first approvals on, a batch in
 * the months of batchMonths pays every organisation with an account the reports approved since the
 * previous one (one payment each, its reports summed, the centre's account as debtor); it is
 * exported, paid by the bank on its execution date and marked paid a few days later. One batch of
 * the year before the completed one is cancelled soon after it was made (its rows kept, inactive)
 * and made again. The completed year's December batch is made and exported but not yet paid, and
 * what was approved after it waits for the next batch.
 */
export const paymentsGenerator: DataGenerator = {
  name: 'payment batches',
  rowCount(scale) {
    // The rows ctx.insert counts: of the about 140 approved reports an organisation a payment row for
    // the 95 % with an account (and the cancelled batch's), some 20 payments (a batch each) and
    // about 23 batches over the three years.
    return organisationCounts(scale).organisationCount * 150 + 23;
  },
  async run(ctx) {
    const completed = ctx.now.getUTCFullYear() - 1;
    const limit = ctx.now.getTime();
    const reports: Report[] = (
      await ctx.db
        .select({ id: expenseReports.id, trainingId: expenseReports.trainingId, organisationId: expenseReports.organisationId, supportCents: expenseReports.supportCents, decidedAt: expenseReports.decidedAt })
        .from(expenseReports)
        .where(and(eq(expenseReports.status, 'approved'), gt(expenseReports.supportCents, 0), isNotNull(expenseReports.decidedAt)))
        .orderBy(asc(expenseReports.decidedAt), asc(expenseReports.id))
    ).map((r) => ({ ...r, decidedAt: r.decidedAt! }));
    if (reports.length === 0) return;

    // Accounts: the organisations that report support and have none give one, but for a few.
    const reporting = new Set(reports.map((r) => r.organisationId));
    const members: Organisation[] = await ctx.db
      .select({ id: organisations.id, name: organisations.name, iban: organisations.iban, bic: organisations.bic })
      .from(organisations)
      .where(inArray(organisations.id, [...reporting]))
      .orderBy(asc(organisations.businessId));
    const withoutAccount = members.filter((o) => o.iban === '');
    for (let i = withoutAccount.length - 1; i > 0; i--) {
      const j = ctx.random.int(0, i);
      [withoutAccount[i], withoutAccount[j]] = [withoutAccount[j]!, withoutAccount[i]!];
    }
    // The share rounded, but at least one of several, so that a small data set has one too.
    const missing = Math.max(withoutAccount.length > 1 ? 1 : 0, Math.round(withoutAccount.length * withoutAccountShare));
    const given = withoutAccount.slice(missing);
    const accounts = given.map((o) => ({ id: o.id, ...finnishAccount(ctx) }));
    if (accounts.length) {
      await ctx.db.execute(
        sql`update ${organisations} o set iban = a.iban, bic = a.bic from json_to_recordset(${JSON.stringify(accounts)}::json) as a(id uuid, iban text, bic text) where o.id = a.id`,
      );
      for (const account of accounts) Object.assign(members.find((o) => o.id === account.id)!, account);
    }
    const payable = new Map(members.filter((o) => !accountProblem(o)).map((o) => [o.id, o]));

    const [centre] = await ctx.db.select().from(centreSettings);
    const debtor = centre?.name && centre.bic && !accountProblem(centre) ? { name: centre.name, iban: normaliseIban(centre.iban)!, bic: centre.bic.toUpperCase() } : seedCentre;
    const staff = await activeCentreStaffIds(ctx.db);
    const someone = () => (staff.length ? ctx.random.pick(staff) : null);

    // The days batches are made on, from the year of the first approval.
    const firstYear = reports[0]!.decidedAt.getUTCFullYear();
    const slots: { on: IsoDate; open: boolean }[] = [];
    for (let year = firstYear; year <= completed; year++) {
      for (const month of batchMonths) slots.push({ on: weekday(`${year}-${pad(month)}-${pad(ctx.random.int(8, 20))}`), open: false });
    }
    slots.push({ on: weekday(`${completed}-12-${pad(ctx.random.int(15, 19))}`), open: true });

    const batchRows: (typeof paymentBatches.$inferInsert)[] = [];
    const paymentRows: (typeof payments.$inferInsert)[] = [];
    const lineRows: (typeof paymentReports.$inferInsert)[] = [];
    const madeIn = new Map<number, number>();
    let waiting = reports;
    let cancelled = false;

    /** Makes a batch of what was approved before `at`, as createPaymentBatch does; null when there is nothing to pay. */
    const makeBatch = (at: Date, executionDate: IsoDate, active: boolean) => {
      const due = waiting.filter((r) => r.decidedAt < at && payable.has(r.organisationId));
      if (due.length === 0) return null;
      const year = Number(helsinkiDate(at).slice(0, 4));
      const number = (madeIn.get(year) ?? 0) + 1;
      madeIn.set(year, number);
      const reference = `${year}-${String(number).padStart(3, '0')}`;
      const remittance = remittanceInfo(debtor.name, reference);
      const byOrganisation = new Map<string, Report[]>();
      for (const r of [...due].sort((a, b) => (a.id < b.id ? -1 : 1))) byOrganisation.set(r.organisationId, [...(byOrganisation.get(r.organisationId) ?? []), r]);
      const order = [...byOrganisation.keys()].map((id) => payable.get(id)!).sort((a, b) => (a.name === b.name ? (a.id < b.id ? -1 : 1) : a.name < b.name ? -1 : 1));
      const batchId = ctx.random.uuid();
      let total = 0;
      order.forEach((organisation, i) => {
        const own = byOrganisation.get(organisation.id)!;
        const amount = own.reduce((sum, r) => sum + r.supportCents, 0);
        const paymentId = ctx.random.uuid();
        total += amount;
        paymentRows.push({
          id: paymentId,
          batchId,
          organisationId: organisation.id,
          creditorName: organisation.name,
          iban: normaliseIban(organisation.iban)!,
          bic: organisation.bic.trim().toUpperCase(),
          amountCents: amount,
          reportCount: own.length,
          endToEndId: `TUKI-${reference}-${i + 1}`,
          remittanceInfo: remittance,
        });
        for (const r of own) lineRows.push({ paymentId, reportId: r.id, trainingId: r.trainingId, amountCents: r.supportCents, active });
      });
      const taken = new Set(due.map((r) => r.id));
      return {
        row: {
          id: batchId,
          reference,
          executionDate,
          debtorName: debtor.name,
          debtorIban: debtor.iban,
          debtorBic: debtor.bic,
          paymentCount: order.length,
          totalCents: total,
          createdBy: someone(),
          createdAt: at,
        },
        taken,
      };
    };
    /** The bank's day: one to five days on, on a weekday. */
    const executionAfter = (on: IsoDate) => weekday(addDays(on, ctx.random.int(1, 5)));
    const exported = (from: Date, to: number) => ({ exportCount: ctx.random.chance(0.85) ? 1 : 2, lastExportedAt: between(ctx, from.getTime() + 5 * minute, Math.max(from.getTime() + 6 * minute, to)) });

    for (const slot of slots) {
      const createdAt = officeTime(ctx, slot.on);
      if (createdAt.getTime() >= limit) break;
      if (slot.open) {
        // Made and taken to the bank, to be paid after the turn of the year; not marked paid yet.
        const executionDate = weekday(addDays(helsinkiDate(ctx.now), ctx.random.int(3, 8)));
        const made = makeBatch(createdAt, executionDate, true);
        if (!made) continue;
        const exportedAt = between(ctx, createdAt.getTime() + 5 * minute, Math.min(createdAt.getTime() + 2 * hour, limit - minute));
        batchRows.push({ ...made.row, status: 'created', exportCount: 1, lastExportedAt: exportedAt, paidOn: null, markedPaidAt: null, markedPaidBy: null, cancelledAt: null, cancelledBy: null, cancelReason: '' });
        waiting = waiting.filter((r) => !made.taken.has(r.id));
        continue;
      }
      let at = createdAt;
      if (!cancelled && slot.on >= `${completed - 1}-03-01`) {
        // Cancelled the same day (its file perhaps downloaded), and made again shortly after.
        const wrong = makeBatch(createdAt, executionAfter(slot.on), false);
        if (wrong) {
          cancelled = true;
          const cancelledAt = between(ctx, createdAt.getTime() + 20 * minute, createdAt.getTime() + 3 * hour);
          const download = ctx.random.chance(0.5) ? { exportCount: 1, lastExportedAt: between(ctx, createdAt.getTime() + minute, cancelledAt.getTime()) } : { exportCount: 0, lastExportedAt: null };
          batchRows.push({ ...wrong.row, status: 'cancelled', ...download, paidOn: null, markedPaidAt: null, markedPaidBy: null, cancelledAt, cancelledBy: someone(), cancelReason: ctx.random.pick(cancelReasons) });
          at = between(ctx, cancelledAt.getTime() + 5 * minute, cancelledAt.getTime() + hour);
        }
      }
      const executionDate = executionAfter(helsinkiDate(at));
      const made = makeBatch(at, executionDate, true);
      if (!made) continue;
      // Paid by the bank on its day; staff see it on the statement and mark it within three working days.
      const markedPaidAt = new Date(Math.min(officeTime(ctx, weekday(addDays(executionDate, ctx.random.int(0, 3)))).getTime(), limit - minute));
      if (helsinkiDate(markedPaidAt) < executionDate) throw new Error(`Batch ${made.row.reference} would be marked paid before its execution date.`);
      batchRows.push({
        ...made.row,
        status: 'paid',
        ...exported(at, Math.min(helsinkiInstant(executionDate, '09:00').getTime(), markedPaidAt.getTime())),
        paidOn: executionDate,
        markedPaidAt,
        markedPaidBy: someone(),
        cancelledAt: null,
        cancelledBy: null,
        cancelReason: '',
      });
      waiting = waiting.filter((r) => !made.taken.has(r.id));
    }

    await ctx.insert(paymentBatches, batchRows);
    await ctx.insert(payments, paymentRows);
    await ctx.insert(paymentReports, lineRows);
    // Each report points at the payment that pays it (the next batch takes those that point at none).
    await ctx.db.execute(sql`update ${expenseReports} set payment_id = ${paymentReports.paymentId} from ${paymentReports} where ${paymentReports.reportId} = ${expenseReports.id} and ${paymentReports.active}`);
  },
};
