import { Link, data } from 'react-router';
import type { Route } from './+types/training';
import { Notice } from '../../components/Notice';
import { Cooperation } from '../../components/public-calendar/Cooperation';
import { PlacesTag } from '../../components/public-calendar/PlacesTag';
import { RegistrationForm } from '../../components/public-calendar/RegistrationForm';
import { registrationSchema, toParticipantDetails } from '../../forms/participants';
import { isUuid } from '../../http/authorize.server';
import { baseUrl } from '../../http/base-url.server';
import { fieldRefusal, readForm } from '../../http/form.server';
import { requestLanguage } from '../../http/language.server';
import { useI18n } from '../../i18n/react';
import { helsinkiDate, yearOf } from '../../../server/calendar/dates';
import { formatDateRange, formatIsoDate } from '../../../server/calendar/format';
import { centreBranding } from '../../../server/centre/branding';
import { formatHundredths } from '../../../server/hours/format';
import { getPublicTraining } from '../../../server/trainings/public-calendar';
import { registrationLimit, takeRateLimit } from '../../../server/access/rate-limit';
import { registerForTraining } from '../../../server/trainings/registration';
import { registrationState } from '../../../server/trainings/registration-state';

async function publicTraining(context: Route.LoaderArgs['context'], trainingId: string | undefined) {
  const training = isUuid(trainingId) ? await getPublicTraining(context.app.db, trainingId.toLowerCase()) : null;
  if (!training) throw data(null, { status: 404 });
  return training;
}

export async function loader({ context, params }: Route.LoaderArgs) {
  const training = await publicTraining(context, params.trainingId);
  const today = helsinkiDate(context.app.clock.now());
  const centre = await centreBranding({ db: context.app.db, clock: context.app.clock });
  const { logoSha256, updatedAt: _updated, modelVersionId, ...shown } = training;
  return {
    training: { ...shown, sessions: training.sessions.map(({ onlineLink: _link, ...session }) => session) },
    organisationLogo: logoSha256 ? logoSha256.slice(0, 12) : null,
    registration: registrationState(training, training.registered, today),
    currentYear: yearOf(today),
    registerOffered: modelVersionId !== null,
    centre,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const training = await publicTraining(context, params.trainingId);
  const currentYear = yearOf(helsinkiDate(context.app.clock.now()));
  const form = await readForm(request, registrationSchema(currentYear));
  if (!form.ok) return data({ ok: false as const, errors: form.errors, values: form.values }, { status: 400 });
  if (!(await takeRateLimit(context.app.db, context.app.clock, `registration:${context.app.ip ?? 'unknown'}`, registrationLimit))) {
    return fieldRefusal('_form', { key: 'publicCalendar.errors.tooMany' }, form.values, 429);
  }
  const result = await registerForTraining(
    { db: context.app.db, clock: context.app.clock },
    training.id,
    { ...toParticipantDetails(form.data), registerConsent: form.data.registerConsent === 'yes', language: await requestLanguage(request) },
    { publicUrl: baseUrl(context) },
  );
  if (!result.ok && result.error === 'notFound') throw data(null, { status: 404 });
  if (!result.ok && result.error === 'publicCalendar.errors.closed') return fieldRefusal('_form', { key: result.error }, form.values, 409);
  // The same answer whether the address was new or already had a place: the email says which.
  return { ok: true as const, email: form.data.email };
}

export default function PublicTrainingPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, language } = useI18n();
  const { training, registration, centre } = loaderData;
  const done = actionData?.ok ? actionData : null;
  return (
    <>
      <title>{`${training.name} – ${t('publicCalendar.title')}`}</title>
      <p className="mb-2">
        <Link to="/training-calendar">{t('publicCalendar.backToCalendar')}</Link>
      </p>
      <h1>{training.name}</h1>
      <Cooperation centre={centre} organisation={{ id: training.organisationId, name: training.organisationName, logoVersion: loaderData.organisationLogo }} />
      {training.status === 'cancelled' && <Notice tone="warn">{t('publicCalendar.cancelledTraining')}</Notice>}
      {training.description && <p className="mb-4 max-w-3xl whitespace-pre-line">{training.description}</p>}
      <dl className="mb-6 grid max-w-3xl grid-cols-[auto_1fr] gap-x-6 gap-y-1">
        <dt className="font-semibold">{t('publicCalendar.organiser')}</dt>
        <dd>{`${training.organisationName} – ${training.unitName}`}</dd>
        <dt className="font-semibold">{t('trainings.dates')}</dt>
        <dd>{training.startsOn && training.endsOn ? formatDateRange(language, training.startsOn, training.endsOn) : ''}</dd>
        <dt className="font-semibold">{t('trainings.type')}</dt>
        <dd>{t(`trainings.types.${training.type}`)}</dd>
        <dt className="font-semibold">{t('trainings.fields.mode')}</dt>
        <dd>{t(`trainings.modes.${training.mode}`)}</dd>
        {training.region && (
          <>
            <dt className="font-semibold">{t('publicCalendar.region')}</dt>
            <dd>{t(`trainings.regions.${training.region}`)}</dd>
          </>
        )}
        <dt className="font-semibold">{t('publicCalendar.topic')}</dt>
        <dd>{training.topicClass ? t(`trainings.topicClasses.${training.topicClass}`) : '–'}</dd>
        {training.targetGroup && (
          <>
            <dt className="font-semibold">{t('trainings.fields.targetGroup')}</dt>
            <dd>{training.targetGroup}</dd>
          </>
        )}
        <dt className="font-semibold">{t('publicCalendar.price')}</dt>
        <dd className="tabular-nums">{training.priceCents ? `${formatHundredths(language, training.priceCents)} €` : t('publicCalendar.free')}</dd>
        <dt className="font-semibold">{t('publicCalendar.registration')}</dt>
        <dd>
          <PlacesTag registration={registration} />
          {registration.deadline && <span className="ml-2">{t('publicCalendar.deadline', { date: formatIsoDate(language, registration.deadline) })}</span>}
        </dd>
      </dl>
      <h2>{t('trainings.sessions')}</h2>
      <ul className="mb-6 list-disc pl-6">
        {training.sessions.map((s) => (
          <li key={`${s.date}-${s.start}`}>
            {`${formatIsoDate(language, s.date)} ${s.start}–${s.end}`}
            {s.place ? `, ${s.place}` : training.mode === 'online' ? `, ${t('publicCalendar.online')}` : ''}
          </li>
        ))}
      </ul>
      {done ? (
        <Notice tone="ok">{t('publicCalendar.registered', { email: done.email })}</Notice>
      ) : (
        registration.open && (
          <>
            <h2>{t('publicCalendar.registerTitle')}</h2>
            {registration.freePlaces === 0 && <p className="mb-4 max-w-3xl">{t('publicCalendar.waitingListHint')}</p>}
            <RegistrationForm currentYear={loaderData.currentYear} registerOffered={loaderData.registerOffered} serverState={actionData && !actionData.ok ? actionData : undefined} />
          </>
        )
      )}
      <p className="mt-8 text-sm">
        <Link to="/privacy">{t('privacy.title')}</Link>
      </p>
    </>
  );
}
