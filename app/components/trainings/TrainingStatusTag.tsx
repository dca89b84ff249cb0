import type { TrainingStatus } from '../../../server/trainings/kinds';
import { useI18n } from '../../i18n/react';
import { StatusTag } from '../StatusTag';

const tones: Record<TrainingStatus, 'ok' | 'warn' | 'error' | 'neutral'> = {
  draft: 'neutral',
  submitted: 'ok',
  ongoing: 'ok',
  ended: 'warn',
  reported: 'ok',
  approved: 'ok',
  cancelled: 'error',
};

/** A training's status in words (and colour). */
export function TrainingStatusTag({ status }: { status: TrainingStatus }) {
  const { t } = useI18n();
  return <StatusTag tone={tones[status]}>{t(`trainings.statuses.${status}`)}</StatusTag>;
}
