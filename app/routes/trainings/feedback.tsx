import { Link } from 'react-router';
import type { Route } from './+types/feedback';
import { GradeDistribution } from '../../components/trainings/GradeDistribution';
import { requirePlan } from '../../http/training.server';
import { useI18n } from '../../i18n/react';
import { formatDateTime } from '../../i18n';
import { trainingFeedbackSummary } from '../../../server/trainings/feedback';

/** A training's feedback summary for those who follow it: average, distribution and comments. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { ctx, organisationId, plan } = await requirePlan(request, context, 'feedback.read', params);
  return { organisationId, training: { id: plan.id, name: plan.name, feedbackRequestedAt: plan.feedbackRequestedAt }, summary: await trainingFeedbackSummary(ctx.db, plan.id) };
}

export default function TrainingFeedback({ loaderData }: Route.ComponentProps) {
  const { t, language, number } = useI18n();
  const { training, summary, organisationId } = loaderData;
  return (
    <>
      <title>{`${t('feedback.summaryTitle')}: ${training.name} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to={`/organisations/${organisationId}/trainings/${training.id}`}>{t('participants.backToPlan')}</Link>
      </p>
      <h1>{t('feedback.summaryFor', { name: training.name })}</h1>
      <p className="mb-4 max-w-3xl">
        {training.feedbackRequestedAt
          ? t('feedback.sentOn', { date: formatDateTime(language, new Date(training.feedbackRequestedAt)), sent: number(summary.sent), answers: number(summary.answers) })
          : t('feedback.notSentYet')}
      </p>
      <GradeDistribution figures={summary} caption={t('feedback.distribution')} />
      <h2 className="mt-6">{t('feedback.comments')}</h2>
      {summary.comments.length === 0 ? (
        <p>{t('feedback.noComments')}</p>
      ) : (
        <ul className="grid max-w-3xl gap-3">
          {summary.comments.map((c) => (
            <li key={c.id} className="rounded border border-slate-300 bg-white p-3">
              {c.good && (
                <p className="whitespace-pre-line">
                  <span className="font-semibold">{t('feedback.good')}: </span>
                  {c.good}
                </p>
              )}
              {c.improve && (
                <p className="whitespace-pre-line">
                  <span className="font-semibold">{t('feedback.improve')}: </span>
                  {c.improve}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
