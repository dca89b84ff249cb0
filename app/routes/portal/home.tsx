import { Form, data, redirect } from 'react-router';
import type { Route } from './+types/home';
import { Notice } from '../../components/Notice';
import { Table } from '../../components/Table';
import { ChoiceGroup, DangerButton, ErrorSummary, SubmitButton, TextField, ValidatedForm } from '../../components/forms';
import { portalConsentSchema, portalLanguageSchema, portalSignInSchema, portalSignOutSchema, portalWithdrawSchema } from '../../forms/results';
import { baseUrl } from '../../http/base-url.server';
import { fieldRefusal, validateIntentForm } from '../../http/form.server';
import { languageCookie, requestLanguage } from '../../http/language.server';
import { clearPortalCookieHeader, portalEmail, portalToken } from '../../http/portal.server';
import { useI18n } from '../../i18n/react';
import { type RateLimit, takeRateLimit } from '../../../server/access/rate-limit';
import { credentialsOf } from '../../../server/badges/credentials';
import { localised } from '../../../server/badges/localised';
import { helsinkiDate } from '../../../server/calendar/dates';
import { formatDateRange, formatIsoDate } from '../../../server/calendar/format';
import { formatCredits } from '../../../server/models/format';
import { giveConsentInPortal, withdrawConsent } from '../../../server/register/consent';
import { portalOverview } from '../../../server/register/overview';
import { requestPortalLink, setPortalLanguage, signOutOfPortal } from '../../../server/register/portal';
import { formatVerificationCode } from '../../../server/register/verification-code';

/** Sign-in links asked from one address: a few mistakes' worth, not a mailbomb. */
const linkRequestLimit: RateLimit = { limit: 10, windowMs: 60 * 60_000 };

export async function loader({ request, context }: Route.LoaderArgs) {
  const email = await portalEmail(request, context);
  const notice = new URL(request.url).searchParams.get('done');
  if (!email) return { email: null, overview: null, notice: null };
  const ctx = { db: context.app.db, clock: context.app.clock };
  const [overview, badges] = await Promise.all([portalOverview(ctx, email), credentialsOf(ctx.db, email)]);
  return { email, overview: { ...overview, badges, entries: overview.entries.map((e) => ({ ...e, verificationCode: formatVerificationCode(e.verificationCode) })) }, notice };
}

const signedInForms = { language: portalLanguageSchema, consent: portalConsentSchema, withdraw: portalWithdrawSchema, signOut: portalSignOutSchema };

export async function action({ request, context }: Route.ActionArgs) {
  const ctx = { db: context.app.db, clock: context.app.clock };
  const email = await portalEmail(request, context);
  const formData = await request.formData().catch(() => null);
  if (!formData) return data({ ok: false as const, errors: { _form: { key: 'forms.invalidValue' } }, values: {}, sentTo: null }, { status: 400 });
  if (!email) {
    // A signed-in page's button pressed after the session ended: back to the sign-in form, not an error.
    if (Object.hasOwn(signedInForms, String(formData.get('intent')))) throw redirect('/portal', { headers: { 'Set-Cookie': await clearPortalCookieHeader(context) } });
    const form = validateIntentForm(formData, { signIn: portalSignInSchema });
    if (!form.ok) return data({ ok: false as const, errors: form.errors, values: form.values, sentTo: null }, { status: 400 });
    if (!(await takeRateLimit(ctx.db, ctx.clock, `portal-link:${context.app.ip ?? 'unknown'}`, linkRequestLimit))) return fieldRefusal('_form', { key: 'portal.tooMany' }, form.values, 429, { sentTo: null });
    await requestPortalLink(ctx, form.data.email, await requestLanguage(request), { publicUrl: baseUrl(context) });
    // The same answer whether or not the address is known: who has been on a training is nobody else's business.
    return { ok: true as const, errors: {}, values: {}, sentTo: form.data.email.toLowerCase() };
  }
  const form = validateIntentForm(formData, signedInForms);
  if (!form.ok) return data({ ok: false as const, errors: form.errors, values: form.values, sentTo: null }, { status: 400 });
  if (form.intent === 'signOut') {
    const token = await portalToken(request);
    if (token) await signOutOfPortal(ctx, token);
    throw redirect('/portal', { headers: { 'Set-Cookie': await clearPortalCookieHeader(context) } });
  }
  if (form.intent === 'language') {
    await setPortalLanguage(ctx, email, form.data.language);
    throw redirect('/portal?done=language', { headers: { 'Set-Cookie': await languageCookie.serialize(form.data.language) } });
  }
  if (form.intent === 'withdraw') {
    await withdrawConsent(ctx, email);
    throw redirect('/portal?done=withdrawn');
  }
  if (!(await giveConsentInPortal(ctx, email, form.data.participantId, { publicUrl: baseUrl(context) }))) throw data(null, { status: 404 });
  throw redirect('/portal?done=consent');
}

const notices = { language: 'portal.languageSaved', withdrawn: 'portal.withdrawn', consent: 'portal.consentGiven' } as const;

function SignIn({ actionData }: { actionData: Route.ComponentProps['actionData'] }) {
  const { t } = useI18n();
  return (
    <>
      <p className="mb-4 max-w-3xl">{t('portal.signInIntro')}</p>
      {actionData?.sentTo ? (
        <Notice tone="ok">{t('portal.linkSent', { email: actionData.sentTo })}</Notice>
      ) : (
        <ValidatedForm method="post" schema={portalSignInSchema} serverState={actionData && !actionData.ok ? actionData : undefined} labels={{ email: t('portal.email') }} className="max-w-xl">
          <input type="hidden" name="intent" value="signIn" />
          <TextField name="email" type="email" label={t('portal.email')} hint={t('portal.emailHint')} autoComplete="email" />
          <SubmitButton>{t('portal.sendLink')}</SubmitButton>
        </ValidatedForm>
      )}
      <p className="mt-6">
        <a href="/verify">{t('portal.verifyLink')}</a>
      </p>
    </>
  );
}

export default function PortalHome({ loaderData, actionData }: Route.ComponentProps) {
  const { t, language, date } = useI18n();
  const { overview, email } = loaderData;
  if (!overview || !email)
    return (
      <>
        <title>{`${t('portal.title')} – ${t('app.name')}`}</title>
        <h1>{t('portal.title')}</h1>
        <SignIn actionData={actionData} />
      </>
    );
  const notice = loaderData.notice && loaderData.notice in notices ? notices[loaderData.notice as keyof typeof notices] : null;
  const outcome = (o: string | null) => (o === 'passed' ? t('results.passed') : o === 'failed' ? t('results.failed') : '–');
  const awaitingConsent = overview.participations.filter((p) => p.outcome === 'passed' && !p.entryId);
  return (
    <>
      <title>{`${t('portal.title')} – ${t('app.name')}`}</title>
      <h1>{t('portal.title')}</h1>
      <div className="mb-4 flex flex-wrap items-center gap-4">
        <p>{t('portal.signedInAs', { email })}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="signOut" />
          <button type="submit" className="underline">
            {t('portal.signOut')}
          </button>
        </Form>
      </div>
      {notice && <Notice tone="ok">{t(notice)}</Notice>}
      {actionData && !actionData.ok && <ErrorSummary errors={actionData.errors} labels={{ language: t('portal.language'), participantId: t('portal.training') }} />}
      <p className="mb-6 text-xl">
        {t('portal.credits')}: <strong>{t('portal.creditsValue', { credits: formatCredits(language, overview.creditTenths) })}</strong>
      </p>
      <section aria-labelledby="entries" className="mb-8">
        <h2 id="entries">{t('portal.entries')}</h2>
        {overview.entries.length === 0 ? (
          <p>{t('portal.noEntries')}</p>
        ) : (
          <Table
            caption={t('portal.entries')}
            rowKey={(e) => e.id}
            rows={overview.entries}
            columns={[
              { header: t('portal.model'), cell: (e) => e.modelName },
              { header: t('portal.organisation'), cell: (e) => e.organisationName },
              { header: t('portal.completedOn'), cell: (e) => formatIsoDate(language, e.completedOn) },
              { header: t('verify.credits'), cell: (e) => t('portal.creditsValue', { credits: formatCredits(language, e.creditTenths) }), numeric: true },
              { header: t('portal.code'), cell: (e) => <span className="font-mono">{e.verificationCode}</span> },
              {
                header: t('portal.certificate'),
                cell: (e) => (
                  <a href={`/portal/certificates/${e.id}`} aria-label={t('portal.downloadFor', { model: e.modelName })}>
                    {t('portal.download')}
                  </a>
                ),
              },
            ]}
          />
        )}
      </section>
      <section aria-labelledby="badges" className="mb-8">
        <h2 id="badges">{t('badges.portal.title')}</h2>
        {overview.badges.length === 0 ? (
          <p>{t('badges.portal.none')}</p>
        ) : (
          <ul className="list-disc pl-6">
            {overview.badges.map((b) => (
              <li key={b.id}>
                <a href={`/badges/credentials/${b.id}`}>{localised(b.badgeName, language)}</a> ({date(b.issuedAt)}){b.revokedAt && `: ${t('badges.state.revoked')}`}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="trainings" className="mb-8">
        <h2 id="trainings">{t('portal.trainings')}</h2>
        {overview.participations.length === 0 ? (
          <p>{t('portal.noTrainings')}</p>
        ) : (
          <Table
            caption={t('portal.trainings')}
            rowKey={(p) => p.participantId}
            rows={overview.participations}
            columns={[
              { header: t('portal.training'), cell: (p) => p.training },
              { header: t('portal.organisation'), cell: (p) => p.organisation },
              { header: t('portal.dates'), cell: (p) => (p.startsOn && p.endsOn ? formatDateRange(language, p.startsOn, p.endsOn) : '–') },
              { header: t('trainings.status'), cell: (p) => t(`portal.participationStatus.${p.status}`) },
              { header: t('portal.result'), cell: (p) => outcome(p.outcome) },
            ]}
          />
        )}
      </section>
      <section aria-labelledby="consent" className="mb-8 max-w-3xl">
        <h2 id="consent">{t('portal.consent')}</h2>
        <p className="mb-4">{t('portal.consentIntro')}</p>
        {overview.consentWithdrawnAt && <p className="mb-4">{t('portal.consentWithdrawnOn', { date: formatIsoDate(language, helsinkiDate(new Date(overview.consentWithdrawnAt))) })}</p>}
        {awaitingConsent.map((p) => (
          <Form method="post" key={p.participantId} className="mb-2">
            <input type="hidden" name="intent" value="consent" />
            <input type="hidden" name="participantId" value={p.participantId} />
            <SubmitButton>{t('portal.giveConsentFor', { training: p.training })}</SubmitButton>
          </Form>
        ))}
        <Form method="post" className="mt-4">
          <input type="hidden" name="intent" value="withdraw" />
          <DangerButton>{t('portal.withdraw')}</DangerButton>
        </Form>
      </section>
      <section aria-labelledby="language-title" className="mb-8 max-w-3xl">
        <h2 id="language-title">{t('portal.language')}</h2>
        <Form method="post">
          <input type="hidden" name="intent" value="language" />
          <ChoiceGroup
            name="language"
            legend={t('portal.language')}
            hint={t('portal.languageHint')}
            type="radio"
            options={(['fi', 'sv', 'en'] as const).map((l) => ({ value: l, label: t(`language.${l}`) }))}
            defaultValues={[overview.language ?? language]}
          />
          <SubmitButton>{t('portal.saveLanguage')}</SubmitButton>
        </Form>
      </section>
      <section aria-labelledby="data" className="max-w-3xl">
        <h2 id="data">{t('portal.data')}</h2>
        <p className="mb-2">{t('portal.dataIntro')}</p>
        <p>
          <a href="/portal/data" className="font-semibold">
            {t('portal.downloadData')}
          </a>
        </p>
      </section>
    </>
  );
}
