import type { ExpenseReportStatus } from '../../../server/expenses/kinds';
import { useI18n } from '../../i18n/react';
import { StatusTag } from '../StatusTag';

type Shown = ExpenseReportStatus | 'none' | 'late' | 'audit';
const tones: Record<Shown, 'ok' | 'warn' | 'error' | 'neutral'> = {
  none: 'neutral',
  draft: 'neutral',
  submitted: 'ok',
  returned: 'warn',
  approved: 'ok',
  rejected: 'error',
  late: 'warn',
  audit: 'warn',
};

/** A report's status in words (and colour); null: no report yet. Also the late and audit marks. */
export function ReportStatusTag({ status }: { status: Shown | null }) {
  const { t } = useI18n();
  const shown = status ?? 'none';
  return <StatusTag tone={tones[shown]}>{t(`expenses.statuses.${shown}`)}</StatusTag>;
}
