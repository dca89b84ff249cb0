import { Form, Link, data } from 'react-router';
import type { Route } from './+types/cancel';
import { Notice } from '../../components/Notice';
import { DangerButton } from '../../components/forms';
import { confirmSchema } from '../../forms/validation';
import { baseUrl } from '../../http/base-url.server';
import { readForm } from '../../http/form.server';
import { useI18n } from '../../i18n/react';
import { linkSecretPattern } from '../../../server/access/tokens';
import { formatDateRange } from '../../../server/calendar/format';
import { isUpcomingOrOngoing } from '../../../server/trainings/kinds';
import { cancelRegistration, registrationByToken } from '../../../server/trainings/registration';

/** The page a confirmation email's cancel link opens; cancelling takes a button press (never a GET). */
export async function loader({ context, params }: Route.LoaderArgs) {
  const token = params.token ?? '';
  const found = linkSecretPattern.test(token) ? await registrationByToken(context.app.db, token) : null;
  if (!found) throw data(null, { status: 404 });
  return { registration: found, cancellable: found.status !== 'cancelled' && isUpcomingOrOngoing(found.trainingStatus) };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const token = params.token ?? '';
  if (!linkSecretPattern.test(token)) throw data(null, { status: 404 });
  const form = await readForm(request, confirmSchema);
  if (!form.ok) return data({ ok: false as const, error: 'forms.invalidValue' as const }, { status: 400 });
  const result = await cancelRegistration({ db: context.app.db, clock: context.app.clock }, token, { publicUrl: baseUrl(context) });
  if (result.ok) return { ok: true as const, error: null };
  if (result.error === 'notFound') throw data(null, { status: 404 });
  return data({ ok: false as const, error: result.error }, { status: 409 });
}

export default function CancelRegistration({ loaderData, actionData }: Route.ComponentProps) {
  const { t, language } = useI18n();
  const { registration } = loaderData;
  const dates = registration.startsOn && registration.endsOn ? formatDateRange(language, registration.startsOn, registration.endsOn) : '';
  return (
    <>
      <title>{`${t('publicCalendar.cancelTitle')} – ${t('publicCalendar.title')}`}</title>
      <h1>{t('publicCalendar.cancelTitle')}</h1>
      <p className="mb-4 max-w-3xl">{t('publicCalendar.cancelFor', { name: registration.name, training: registration.trainingName, organisation: registration.organisationName, dates })}</p>
      {actionData?.ok ? (
        <Notice tone="ok">{t('publicCalendar.cancelledNotice')}</Notice>
      ) : actionData?.error ? (
        <Notice tone="error">{t(actionData.error)}</Notice>
      ) : registration.status === 'cancelled' ? (
        <Notice tone="warn">{t('publicCalendar.errors.alreadyCancelled')}</Notice>
      ) : loaderData.cancellable ? (
        <Form method="post">
          <input type="hidden" name="confirm" value="yes" />
          <p className="mb-2 max-w-3xl">{registration.status === 'waiting' ? t('publicCalendar.cancelWaitingHint') : t('publicCalendar.cancelHint')}</p>
          <DangerButton>{t('publicCalendar.cancelButton')}</DangerButton>
        </Form>
      ) : (
        <Notice tone="warn">{t('publicCalendar.errors.trainingOver')}</Notice>
      )}
      <p className="mt-6">
        <Link to={`/training-calendar/${registration.trainingId}`}>{t('publicCalendar.toTraining')}</Link>
      </p>
    </>
  );
}
