import type { ModelStatus } from '../../../server/models/workflow';
import { useI18n } from '../../i18n/react';
import { StatusTag } from '../StatusTag';

const tones = { draft: 'neutral', submitted: 'warn', inReview: 'warn', returned: 'warn', approved: 'ok', rejected: 'error' } as const;

/** A model version's status in words (and colour). */
export function ModelStatusTag({ status }: { status: ModelStatus }) {
  const { t } = useI18n();
  return <StatusTag tone={tones[status]}>{t(`models.statuses.${status}`)}</StatusTag>;
}
