import { Link, data, redirect } from 'react-router';
import type { Route } from './+types/login';
import { SubmitButton, TextField, ValidatedForm } from '../../components/forms';
import { safeRedirect, signInSchema } from '../../forms/account';
import { formErrorField } from '../../forms/validation';
import { keepAllButPasswords, readForm } from '../../http/form.server';
import { getSession, sessionCookieHeader } from '../../http/session.server';
import { useI18n } from '../../i18n/react';
import { signIn } from '../../../server/access/sign-in';

export async function loader({ request, context }: Route.LoaderArgs) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get('redirectTo') ?? undefined);
  if (await getSession(request, context)) throw redirect(redirectTo);
  return { redirectTo };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await readForm(request, signInSchema, { keep: keepAllButPasswords });
  if (!form.ok) return data(form, { status: 400 });
  const result = await signIn(
    { db: context.app.db, clock: context.app.clock },
    {
      email: form.data.email,
      password: form.data.password,
      userAgent: request.headers.get('user-agent') ?? '',
      ip: context.app.ip,
      sessionTtlHours: context.app.config.SESSION_TTL_HOURS,
    },
  );
  if (!result.ok) {
    const error =
      result.reason === 'throttled'
        ? { key: result.blocked ? 'auth.blocked' : 'auth.throttled', params: { minutes: Math.ceil(result.retryAfterSeconds / 60) } }
        : { key: { invalid: 'auth.invalidCredentials', pending: 'auth.pendingAccount', unverified: 'auth.unverifiedAccount' }[result.reason] };
    return data(
      { ok: false as const, errors: { [formErrorField]: error }, values: { email: form.data.email } },
      { status: result.reason === 'throttled' ? 429 : 400 },
    );
  }
  return redirect(safeRedirect(form.data.redirectTo), {
    headers: { 'Set-Cookie': await sessionCookieHeader(context, result.token) },
  });
}

export default function Login({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const labels = { email: t('auth.email'), password: t('auth.password') };
  return (
    <>
      <title>{`${t('auth.signInTitle')} – ${t('app.name')}`}</title>
      <h1>{t('auth.signInTitle')}</h1>
      <p className="mb-6 max-w-2xl text-slate-700">{t('app.tagline')}</p>
      <ValidatedForm method="post" schema={signInSchema} serverState={actionData && !actionData.ok ? actionData : undefined} labels={labels}>
        <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
        <TextField name="email" type="email" label={labels.email} hint={t('auth.emailHint')} autoComplete="username" />
        <TextField name="password" type="password" label={labels.password} autoComplete="current-password" />
        <SubmitButton>{t('auth.submit')}</SubmitButton>
      </ValidatedForm>
      <ul className="mt-6 space-y-2">
        <li>
          <Link to="/forgot-password">{t('auth.forgotPassword')}</Link>
        </li>
        <li>
          <Link to="/register">{t('auth.register')}</Link>
        </li>
        <li>
          <Link to="/training-calendar">{t('auth.publicCalendarLink')}</Link>
        </li>
        <li>
          <Link to="/portal">{t('auth.portalLink')}</Link>
        </li>
        <li>
          <Link to="/verify">{t('auth.verifyLink')}</Link>
        </li>
      </ul>
    </>
  );
}
