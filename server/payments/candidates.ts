import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DomainContext } from '../context';
import { expenseReports, organisations } from '../db/schema';
import { type AccountProblem, accountProblem } from './account';

/** Approved reports with support that no payment holds yet: what the next batch pays (expense_reports_unpaid_idx). */
export const unpaidApproved = and(eq(expenseReports.status, 'approved'), gt(expenseReports.supportCents, 0), isNull(expenseReports.paymentId));

export interface PaymentCandidate {
  organisationId: string;
  name: string;
  iban: string;
  bic: string;
  reportCount: number;
  amountCents: number;
  /** Why this organisation's payment cannot be made (its own only: the others are paid). */
  problem: AccountProblem | null;
}

/** Per organisation, the approved support not yet in a batch, and whether its account can receive it. */
export async function paymentCandidates(ctx: DomainContext): Promise<PaymentCandidate[]> {
  const rows = await ctx.db
    .select({
      organisationId: organisations.id,
      name: organisations.name,
      iban: organisations.iban,
      bic: organisations.bic,
      reportCount: sql<number>`count(*)`.mapWith(Number),
      amountCents: sql<number>`sum(${expenseReports.supportCents})`.mapWith(Number),
    })
    .from(expenseReports)
    .innerJoin(organisations, eq(organisations.id, expenseReports.organisationId))
    .where(unpaidApproved)
    .groupBy(organisations.id)
    .orderBy(asc(organisations.name), asc(organisations.id));
  return rows.map((row) => ({ ...row, problem: accountProblem(row) }));
}
