import { Form, data } from 'react-router';
import type { Route } from './+types/verify';
import { Notice } from '../../components/Notice';
import { FormState, SubmitButton, TextField } from '../../components/forms';
import { verifySchema } from '../../forms/results';
import type { FieldErrors } from '../../forms/validation';
import { useI18n } from '../../i18n/react';
import { type RateLimit, takeRateLimit } from '../../../server/access/rate-limit';
import { centreBranding } from '../../../server/centre/branding';
import { formatDateRange, formatIsoDate } from '../../../server/calendar/format';
import { helsinkiDate } from '../../../server/calendar/dates';
import { formatCredits } from '../../../server/models/format';
import { formatVerificationCode } from '../../../server/register/verification-code';
import { verifyCertificate } from '../../../server/register/verify';

/** Enough for an employer checking a pile of certificates by hand, far too few to guess a code. */
const verificationLimit: RateLimit = { limit: 60, windowMs: 10 * 60_000 };

/** The public verification page: a code typed in (?code=) or scanned from the QR code (/verify/<code>). */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const ctx = { db: context.app.db, clock: context.app.clock };
  const centre = await centreBranding(ctx);
  const input = params.code ?? new URL(request.url).searchParams.get('code');
  if (input === null) return { centre: centre.name, input: '', verification: null, invalid: false };
  const form = verifySchema.safeParse({ code: input });
  if (!form.success) return data({ centre: centre.name, input, verification: null, invalid: true }, { status: 400 });
  if (!(await takeRateLimit(ctx.db, ctx.clock, `verify:${context.app.ip ?? 'unknown'}`, verificationLimit))) {
    return data({ centre: centre.name, input, verification: null, invalid: false, tooMany: true }, { status: 429 });
  }
  const verified = await verifyCertificate(ctx, form.data.code);
  // Printed as on the certificate (the formatter stays on the server, with the code's alphabet).
  const verification = verified.status === 'genuine' ? { ...verified, certificate: { ...verified.certificate, code: formatVerificationCode(verified.certificate.code) } } : verified;
  return data(
    { centre: centre.name, input, verification, withdrawnOn: verification.status === 'withdrawn' ? helsinkiDate(verification.withdrawnAt) : null, invalid: false },
    { status: verification.status === 'format' || verification.status === 'mistyped' ? 400 : 200, headers: { 'Cache-Control': 'no-store' } },
  );
}

export default function VerifyPage({ loaderData }: Route.ComponentProps) {
  const { t, language } = useI18n();
  const { verification } = loaderData;
  const tooMany = 'tooMany' in loaderData && loaderData.tooMany;
  const errors: FieldErrors = loaderData.invalid || (verification && (verification.status === 'format' || verification.status === 'mistyped')) ? { code: { key: loaderData.invalid || verification?.status === 'format' ? 'verify.format' : 'verify.mistyped' } } : {};
  return (
    <>
      <title>{`${t('verify.title')} – ${loaderData.centre}`}</title>
      <h1>{t('verify.title')}</h1>
      <p className="mb-4 max-w-3xl">{t('verify.intro')}</p>
      {tooMany && <Notice tone="error">{t('verify.tooMany')}</Notice>}
      {verification?.status === 'genuine' && (
        <section aria-labelledby="genuine" className="mb-6 max-w-3xl border-l-8 border-ok-700 bg-white p-4">
          <h2 id="genuine" className="mt-0 text-ok-700">
            {t('verify.genuine')}
          </h2>
          <p className="mb-3">{t('verify.genuineIntro')}</p>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
            <dt className="font-semibold">{t('verify.person')}</dt>
            <dd>{verification.certificate.personName}</dd>
            <dt className="font-semibold">{t('verify.model')}</dt>
            <dd>{verification.certificate.modelName}</dd>
            <dt className="font-semibold">{t('verify.credits')}</dt>
            <dd>{t('verify.creditsValue', { credits: formatCredits(language, verification.certificate.creditTenths) })}</dd>
            <dt className="font-semibold">{t('verify.dates')}</dt>
            <dd>{formatDateRange(language, verification.certificate.firstDay, verification.certificate.completedOn)}</dd>
            {verification.certificate.place && (
              <>
                <dt className="font-semibold">{t('verify.place')}</dt>
                <dd>{verification.certificate.place}</dd>
              </>
            )}
            <dt className="font-semibold">{t('verify.organisers')}</dt>
            <dd>
              {verification.certificate.organisationName}, {loaderData.centre}
            </dd>
            <dt className="font-semibold">{t('verify.code')}</dt>
            <dd className="font-mono">{verification.certificate.code}</dd>
          </dl>
          {verification.certificate.outcomes.length > 0 && (
            <>
              <h3 className="mt-4">{t('verify.outcomes')}</h3>
              <ul className="list-disc pl-6">
                {verification.certificate.outcomes.map((o) => (
                  <li key={o}>{o}</li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      {verification?.status === 'unknown' && <Notice tone="error">{t('verify.unknown')}</Notice>}
      {'withdrawnOn' in loaderData && loaderData.withdrawnOn && <Notice tone="error">{t('verify.withdrawn', { date: formatIsoDate(language, loaderData.withdrawnOn) })}</Notice>}
      <FormState errors={errors} values={{ code: loaderData.input }}>
        <Form method="get" action="/verify" className="max-w-xl">
          <TextField name="code" label={t('verify.code')} hint={t('verify.codeHint')} autoComplete="off" />
          <SubmitButton>{t('verify.check')}</SubmitButton>
        </Form>
      </FormState>
    </>
  );
}
