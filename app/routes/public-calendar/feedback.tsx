import { data } from 'react-router';
import type { Route } from './+types/feedback';
import { Notice } from '../../components/Notice';
import { ChoiceGroup, SubmitButton, TextArea, ValidatedForm } from '../../components/forms';
import { feedbackSchema } from '../../forms/attendance';
import { readForm } from '../../http/form.server';
import { useI18n } from '../../i18n/react';
import { linkSecretPattern } from '../../../server/access/tokens';
import { formatDateRange } from '../../../server/calendar/format';
import { answerFeedback, feedbackLink } from '../../../server/trainings/feedback';

async function linkOf(context: Route.LoaderArgs['context'], token: string | undefined) {
  const link = token && linkSecretPattern.test(token) ? await feedbackLink({ db: context.app.db, clock: context.app.clock }, token) : null;
  if (!link) throw data(null, { status: 404 });
  return link;
}

/** The anonymous feedback form behind a participant's emailed link: no sign-in, one answer per link. */
export async function loader({ context, params }: Route.LoaderArgs) {
  const { expiresAt: _expires, used: _used, ...link } = await linkOf(context, params.token);
  return { link };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  await linkOf(context, params.token);
  const form = await readForm(request, feedbackSchema);
  if (!form.ok) return data({ ok: false as const, errors: form.errors, values: form.values }, { status: 400 });
  const result = await answerFeedback({ db: context.app.db, clock: context.app.clock }, params.token!, { grade: Number(form.data.grade), good: form.data.good, improve: form.data.improve });
  if (result.ok) return { ok: true as const };
  if (result.error === 'notFound') throw data(null, { status: 404 });
  return data({ ok: false as const, errors: { _form: { key: result.error } }, values: form.values }, { status: 409 });
}

export default function FeedbackForm({ loaderData, actionData }: Route.ComponentProps) {
  const { t, language } = useI18n();
  const { link } = loaderData;
  const labels = { grade: t('feedback.grade'), good: t('feedback.good'), improve: t('feedback.improve') };
  const dates = link.startsOn && link.endsOn ? formatDateRange(language, link.startsOn, link.endsOn) : '';
  return (
    <>
      <title>{`${t('feedback.title')} – ${link.trainingName}`}</title>
      <h1>{t('feedback.title')}</h1>
      <p className="mb-4 max-w-3xl">{t('feedback.about', { training: link.trainingName, organisation: link.organisationName, dates })}</p>
      {actionData?.ok ? (
        <Notice tone="ok">{t('feedback.thanks')}</Notice>
      ) : link.state === 'used' ? (
        <Notice tone="warn">{t('feedback.errors.used')}</Notice>
      ) : link.state === 'expired' ? (
        <Notice tone="warn">{t('feedback.errors.expired')}</Notice>
      ) : (
        <>
          <p className="mb-6 max-w-3xl">{t('feedback.anonymous')}</p>
          <ValidatedForm method="post" schema={feedbackSchema} serverState={actionData && !actionData.ok ? actionData : undefined} labels={labels}>
            <ChoiceGroup
              name="grade"
              legend={labels.grade}
              hint={t('feedback.gradeHint')}
              type="radio"
              options={(['5', '4', '3', '2', '1'] as const).map((grade) => ({ value: grade, label: t(`feedback.grades.${grade}`) }))}
            />
            <TextArea name="good" label={labels.good} hint={t('feedback.commentHint')} rows={4} />
            <TextArea name="improve" label={labels.improve} hint={t('feedback.commentHint')} rows={4} />
            <SubmitButton>{t('feedback.send')}</SubmitButton>
          </ValidatedForm>
        </>
      )}
    </>
  );
}
