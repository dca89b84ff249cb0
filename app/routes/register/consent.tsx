import { Form, Link, data } from 'react-router';
import type { Route } from './+types/consent';
import { Notice } from '../../components/Notice';
import { SubmitButton } from '../../components/forms';
import { confirmSchema } from '../../forms/validation';
import { baseUrl } from '../../http/base-url.server';
import { readForm } from '../../http/form.server';
import { useI18n } from '../../i18n/react';
import { linkSecretPattern } from '../../../server/access/tokens';
import { formatDateRange } from '../../../server/calendar/format';
import { formatCredits } from '../../../server/models/format';
import { consentRequest, giveConsentByLink } from '../../../server/register/consent';

/** The page an emailed consent request opens; consent takes a button press (never a GET). */
export async function loader({ context, params }: Route.LoaderArgs) {
  const token = params.token ?? '';
  const request = linkSecretPattern.test(token) ? await consentRequest(context.app.db, token) : null;
  // A link that no longer asks anything (consent withdrawn since, or never sent) says so, not just "not found".
  if (!request) return data({ request: null }, { status: 404 });
  return { request };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const token = params.token ?? '';
  if (!linkSecretPattern.test(token)) throw data(null, { status: 404 });
  const form = await readForm(request, confirmSchema);
  if (!form.ok) return data({ outcome: 'invalid' as const }, { status: 400 });
  const outcome = await giveConsentByLink({ db: context.app.db, clock: context.app.clock }, token, { publicUrl: baseUrl(context) });
  if (outcome === 'notFound') throw data(null, { status: 404 });
  return { outcome };
}

export default function RegisterConsentPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, language } = useI18n();
  const { request } = loaderData;
  if (!request)
    return (
      <>
        <title>{`${t('registerConsent.title')} – ${t('app.name')}`}</title>
        <h1>{t('registerConsent.title')}</h1>
        <Notice tone="warn">{t('registerConsent.notFound')}</Notice>
        <p className="mt-6">
          <Link to="/portal">{t('registerConsent.toPortal')}</Link>
        </p>
      </>
    );
  return (
    <>
      <title>{`${t('registerConsent.title')} – ${t('app.name')}`}</title>
      <h1>{t('registerConsent.title')}</h1>
      <p className="mb-4 max-w-3xl">{t('registerConsent.intro', { name: request.name })}</p>
      <dl className="mb-4 grid max-w-3xl grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">{t('registerConsent.training')}</dt>
        <dd>{request.training}</dd>
        <dt className="font-semibold">{t('registerConsent.model')}</dt>
        <dd>{request.model}</dd>
        <dt className="font-semibold">{t('registerConsent.credits')}</dt>
        <dd>{request.creditTenths ? t('verify.creditsValue', { credits: formatCredits(language, request.creditTenths) }) : '–'}</dd>
        <dt className="font-semibold">{t('registerConsent.organisation')}</dt>
        <dd>{request.organisation}</dd>
        <dt className="font-semibold">{t('registerConsent.dates')}</dt>
        <dd>{request.startsOn && request.endsOn ? formatDateRange(language, request.startsOn, request.endsOn) : '–'}</dd>
      </dl>
      {actionData?.outcome === 'invalid' && <Notice tone="error">{t('forms.invalidValue')}</Notice>}
      {actionData?.outcome === 'entered' ? (
        <Notice tone="ok">{t('registerConsent.given')}</Notice>
      ) : actionData?.outcome === 'alreadyGiven' || request.consentedAt ? (
        <Notice tone="ok">{t('registerConsent.alreadyGiven')}</Notice>
      ) : request.outcome !== 'passed' ? (
        <Notice tone="warn">{t('registerConsent.notPassed')}</Notice>
      ) : (
        <Form method="post">
          <input type="hidden" name="confirm" value="yes" />
          <p className="mb-4 max-w-3xl">{t('registerConsent.what')}</p>
          <SubmitButton>{t('registerConsent.give')}</SubmitButton>
        </Form>
      )}
      <p className="mt-6">
        <Link to="/portal">{t('registerConsent.toPortal')}</Link>
      </p>
    </>
  );
}
