import { Form, data } from 'react-router';
import type { Route } from './+types/verify';
import { ErrorSummary, FileField, FormState, SubmitButton, TextArea, TextField } from '../../components/forms';
import { verifyBadgeSchema } from '../../forms/badges';
import { badgeLinksFor } from '../../http/badges.server';
import { fieldRefusal } from '../../http/form.server';
import { readUpload } from '../../http/upload.server';
import { useI18n } from '../../i18n/react';
import { type RateLimit, takeRateLimit } from '../../../server/access/rate-limit';
import { verifyBadge } from '../../../server/badges/verify';
import { centreBranding } from '../../../server/centre/branding';

/** Verifying is cheap but signing checks are not free: plenty for people, too few for a flood. */
const verificationLimit: RateLimit = { limit: 60, windowMs: 10 * 60_000 };

export async function loader({ context }: Route.LoaderArgs) {
  return { issuer: (await centreBranding({ db: context.app.db, clock: context.app.clock })).name };
}

export async function action({ request, context }: Route.ActionArgs) {
  const ctx = { db: context.app.db, clock: context.app.clock };
  const form = await readUpload(request, verifyBadgeSchema, 'image', { optional: true });
  if (!form.ok) return data({ ok: false as const, errors: form.errors, values: form.values, result: null }, { status: 400 });
  const pasted = form.data.credential ?? '';
  const uploaded = form.data.bytes.length > 0;
  if (!pasted && !uploaded) return fieldRefusal('credential', { key: 'badges.verify.nothingGiven' }, form.values, 400, { result: null });
  if (pasted && uploaded) return fieldRefusal('credential', { key: 'badges.verify.onlyOne' }, form.values, 400, { result: null });
  if (!(await takeRateLimit(ctx.db, ctx.clock, `badge-verify:${context.app.ip ?? 'unknown'}`, verificationLimit))) {
    return fieldRefusal('_form', { key: 'badges.verify.tooMany' }, form.values, 429, { result: null });
  }
  const result = await verifyBadge(ctx, uploaded ? { png: form.data.bytes } : { jwt: pasted }, form.data.email || null, badgeLinksFor(context));
  return data({ ok: true as const, errors: {}, values: form.values, result }, { headers: { 'Cache-Control': 'no-store' } });
}

export default function VerifyBadge({ loaderData, actionData }: Route.ComponentProps) {
  const { t, date } = useI18n();
  const result = actionData?.result ?? null;
  const labels = { credential: t('badges.verify.credential'), image: t('badges.verify.image'), email: t('badges.verify.email') };
  return (
    <>
      <title>{`${t('badges.verify.title')} – ${loaderData.issuer}`}</title>
      <h1>{t('badges.verify.title')}</h1>
      <p className="mb-4 max-w-3xl">{t('badges.verify.intro', { issuer: loaderData.issuer })}</p>
      {result && result.status === 'notGenuine' && (
        <section role="alert" aria-labelledby="verify-result" className="mb-6 max-w-3xl border-l-8 border-error-700 bg-white p-4">
          <h2 id="verify-result" className="mt-0 text-error-700">
            {t('badges.verify.notGenuine')}
          </h2>
          <p>{t(`badges.verify.reasons.${result.reason}`)}</p>
        </section>
      )}
      {result && result.status !== 'notGenuine' && (
        <section role={result.status === 'genuine' ? 'status' : 'alert'} aria-labelledby="verify-result" className={`mb-6 max-w-3xl border-l-8 bg-white p-4 ${result.status === 'genuine' ? 'border-ok-700' : 'border-error-700'}`}>
          <h2 id="verify-result" className={`mt-0 ${result.status === 'genuine' ? 'text-ok-700' : 'text-error-700'}`}>
            {t(result.status === 'genuine' ? 'badges.verify.genuine' : 'badges.verify.revoked')}
          </h2>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
            <dt className="font-semibold">{t('badges.verify.badge')}</dt>
            <dd>{result.badgeName}</dd>
            <dt className="font-semibold">{t('badges.achievement.issuer')}</dt>
            <dd>{result.issuerName}</dd>
            <dt className="font-semibold">{t('badges.credential.issuedOn')}</dt>
            <dd>{date(new Date(result.issuedAt))}</dd>
            <dt className="font-semibold">{t('badges.verify.recipientCheck')}</dt>
            <dd>{t(`badges.verify.recipient.${result.recipient}`)}</dd>
          </dl>
          <p className="mt-2">
            <a href={result.credentialUrl}>{t('badges.credential.publicPage')}</a>
          </p>
        </section>
      )}
      <FormState errors={actionData?.errors ?? {}} values={actionData?.values ?? {}}>
        <Form method="post" encType="multipart/form-data" noValidate className="max-w-3xl">
          <ErrorSummary errors={actionData?.errors ?? {}} labels={labels} />
          <TextArea name="credential" label={labels.credential} hint={t('badges.verify.credentialHint')} rows={5} />
          <FileField name="image" label={labels.image} hint={t('badges.verify.imageHint')} accept="image/png" />
          <TextField name="email" type="email" label={labels.email} hint={t('badges.verify.emailHint')} required={false} autoComplete="off" />
          <SubmitButton>{t('badges.verify.check')}</SubmitButton>
        </Form>
      </FormState>
    </>
  );
}
