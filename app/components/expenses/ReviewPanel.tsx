import { Form } from 'react-router';
import type { ExpenseReportStatus } from '../../../server/expenses/kinds';
import type { Finding } from '../../../server/trainings/eligibility';
import type { FieldErrors } from '../../forms/validation';
import { useI18n } from '../../i18n/react';
import { DangerButton, FormState, SubmitButton, TextArea } from '../forms';
import { PlanFindings } from '../trainings/PlanFindings';

interface Refusal {
  intent: string | null;
  errors: FieldErrors;
  values: Record<string, string>;
}

/** A staff decision's form: its button and, where it takes one, a comment kept after a refusal. */
function DecisionForm({ intent, comment, refused, children }: { intent: string; comment?: { label: string; hint: string }; refused: Refusal | undefined; children: React.ReactNode }) {
  const mine = refused?.intent === intent ? refused : undefined;
  return (
    <Form method="post" className="mb-4 max-w-3xl">
      <input type="hidden" name="intent" value={intent} />
      {comment && (
        <FormState errors={mine?.errors ?? {}} values={mine?.values ?? {}} idPrefix={`${intent}-`}>
          <TextArea name="comment" label={comment.label} hint={comment.hint} rows={3} />
        </FormState>
      )}
      {children}
    </Form>
  );
}

/**
 * Centre staff's side of the report: the support rules on the realised figures, the audit's
 * receipts, and the decisions (approve, return with comments, reject with a reason); after the
 * January deadline, permission for a late report.
 */
export function ReviewPanel({
  status,
  audit,
  receiptsChecked,
  receiptCount,
  findings,
  closed,
  refused,
}: {
  status: ExpenseReportStatus | null;
  audit: boolean;
  receiptsChecked: boolean;
  receiptCount: number;
  findings: Finding[];
  closed: boolean;
  refused: Refusal | undefined;
}) {
  const { t } = useI18n();
  if (status !== 'submitted' && !closed) return null;
  return (
    <section aria-labelledby="review-title" className="mb-8 max-w-3xl rounded border-2 border-brand-600 bg-white p-4">
      <h2 id="review-title" className="mt-0">
        {t('expenses.review.title')}
      </h2>
      {status === 'submitted' ? (
        <>
          <h3 className="mb-2 font-semibold">{t('expenses.review.rules')}</h3>
          <PlanFindings findings={findings} />
          {audit && (
            <div className="mb-4">
              <h3 className="mb-2 font-semibold">{t('expenses.review.audit')}</h3>
              <p className="mb-2">{receiptCount === 0 ? t('expenses.review.noReceipts') : receiptsChecked ? t('expenses.review.receiptsChecked') : t('expenses.review.receiptsToCheck', { count: receiptCount })}</p>
              {receiptCount > 0 && !receiptsChecked && (
                <DecisionForm intent="checkReceipts" refused={refused}>
                  <SubmitButton>{t('expenses.review.checkReceipts')}</SubmitButton>
                </DecisionForm>
              )}
            </div>
          )}
          <DecisionForm intent="approve" refused={refused}>
            <p className="mb-2">{t('expenses.review.approveHint')}</p>
            <SubmitButton>{t('expenses.review.approve')}</SubmitButton>
          </DecisionForm>
          <DecisionForm intent="return" comment={{ label: t('expenses.review.returnComment'), hint: t('expenses.review.returnHint') }} refused={refused}>
            <SubmitButton>{t('expenses.review.return')}</SubmitButton>
          </DecisionForm>
          <DecisionForm intent="reject" comment={{ label: t('expenses.review.rejectReason'), hint: t('expenses.review.rejectHint') }} refused={refused}>
            <DangerButton>{t('expenses.review.reject')}</DangerButton>
          </DecisionForm>
        </>
      ) : (
        <DecisionForm intent="permitLate" comment={{ label: t('expenses.review.permitReason'), hint: t('expenses.review.permitHint') }} refused={refused}>
          <SubmitButton>{t('expenses.review.permitLate')}</SubmitButton>
        </DecisionForm>
      )}
    </section>
  );
}
