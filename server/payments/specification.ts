import { and, asc, eq } from 'drizzle-orm';
import { type Language, translator } from '../../app/i18n';
import { formatDateRange, formatIsoDate } from '../calendar/format';
import type { DomainContext } from '../context';
import { expenseReports, paymentBatches, paymentReports, payments, trainings, units } from '../db/schema';
import { displayIban } from '../organisations/bank-account';
import { formatHundredths } from '../hours/format';
import { formatEuros } from '../expenses/format';
import { isoAmount } from './pain001';

/** One payment as its organisation's specification lists it: the batch, the account, and the trainings it pays. */
export async function paymentSpecification(ctx: DomainContext, organisationId: string, paymentId: string) {
  const [head] = await ctx.db
    .select({ payment: payments, batch: { reference: paymentBatches.reference, status: paymentBatches.status, executionDate: paymentBatches.executionDate, paidOn: paymentBatches.paidOn, debtorName: paymentBatches.debtorName } })
    .from(payments)
    .innerJoin(paymentBatches, eq(paymentBatches.id, payments.batchId))
    .where(and(eq(payments.id, paymentId), eq(payments.organisationId, organisationId)));
  if (!head) return null;
  const lines = await ctx.db
    .select({
      trainingId: trainings.id,
      name: trainings.name,
      unitName: units.name,
      year: expenseReports.year,
      startsOn: trainings.startsOn,
      endsOn: trainings.endsOn,
      realisedHundredths: expenseReports.realisedHundredths,
      amountCents: paymentReports.amountCents,
    })
    .from(paymentReports)
    .innerJoin(expenseReports, eq(expenseReports.id, paymentReports.reportId))
    .innerJoin(trainings, eq(trainings.id, paymentReports.trainingId))
    .innerJoin(units, eq(units.id, trainings.unitId))
    .where(eq(paymentReports.paymentId, paymentId))
    .orderBy(asc(expenseReports.year), asc(trainings.endsOn), asc(trainings.name), asc(trainings.id));
  return { ...head, lines };
}

export type PaymentSpecification = NonNullable<Awaited<ReturnType<typeof paymentSpecification>>>;

/** The specification's rows as text in the reader's language: shared by the PDF and the CSV. */
export function specificationRows(spec: PaymentSpecification, language: Language) {
  return spec.lines.map((line) => ({
    name: line.name,
    unitName: line.unitName,
    dates: line.startsOn && line.endsOn ? formatDateRange(language, line.startsOn, line.endsOn) : '',
    hours: formatHundredths(language, line.realisedHundredths),
    amount: formatEuros(language, line.amountCents),
  }));
}

/** The facts above the rows: whose payment, to which account, in which batch, when. */
export function specificationFacts(spec: PaymentSpecification, language: Language): [string, string][] {
  const t = translator(language);
  const { payment, batch } = spec;
  return [
    [t('payments.specification.organisation'), payment.creditorName],
    [t('payments.specification.account'), payment.bic ? `${displayIban(payment.iban)} (${payment.bic})` : displayIban(payment.iban)],
    [t('payments.specification.batch'), batch.reference],
    [t('payments.specification.remittance'), payment.remittanceInfo],
    [batch.paidOn ? t('payments.specification.paidOn') : t('payments.specification.executionDate'), formatIsoDate(language, batch.paidOn ?? batch.executionDate)],
    [t('payments.status'), t(`payments.statuses.${batch.status}`)],
    [t('payments.specification.payer'), batch.debtorName],
    [t('payments.specification.total'), formatEuros(language, payment.amountCents)],
  ];
}

const csvCell = (value: string) => {
  // A leading =, +, - or @ would be a formula in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/**
 * The specification as CSV for spreadsheets: semicolon-separated (as Finnish spreadsheets read
 * it), amounts in euros with a decimal comma in Finnish and Swedish, a BOM so accents survive.
 */
export function renderSpecificationCsv(spec: PaymentSpecification, language: Language): string {
  const t = translator(language);
  const header = [t('payments.specification.batch'), t('trainings.name'), t('trainings.unit'), t('payments.specification.dates'), t('payments.specification.hours'), t('payments.specification.amount')];
  const amount = (cents: number) => (language === 'en' ? isoAmount(cents) : isoAmount(cents).replace('.', ','));
  const rows = specificationRows(spec, language);
  const body = spec.lines.map((line, i) => [spec.batch.reference, rows[i]!.name, rows[i]!.unitName, rows[i]!.dates, rows[i]!.hours, amount(line.amountCents)]);
  const total = [spec.batch.reference, t('payments.specification.total'), '', '', '', amount(spec.payment.amountCents)];
  return `\ufeff${[header, ...body, total].map((cells) => cells.map(csvCell).join(';')).join('\r\n')}\r\n`;
}
