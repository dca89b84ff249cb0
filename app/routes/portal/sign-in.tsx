import { Form, Link, data, redirect } from 'react-router';
import type { Route } from './+types/sign-in';
import { Notice } from '../../components/Notice';
import { SubmitButton } from '../../components/forms';
import { confirmSchema } from '../../forms/validation';
import { readForm } from '../../http/form.server';
import { portalCookieHeader } from '../../http/portal.server';
import { useI18n } from '../../i18n/react';
import { linkSecretPattern } from '../../../server/access/tokens';
import { checkPortalLink, signInWithPortalLink } from '../../../server/register/portal';

const problems = { invalid: 'portal.linkInvalid', expired: 'portal.linkExpired', used: 'portal.linkUsed' } as const;

/** The emailed sign-in link's page: signing in takes a button press, so a mail scanner's GET cannot use the link up. */
export async function loader({ context, params }: Route.LoaderArgs) {
  const token = params.token ?? '';
  const check = linkSecretPattern.test(token) ? await checkPortalLink({ db: context.app.db, clock: context.app.clock }, token) : ({ ok: false, reason: 'invalid' } as const);
  return { problem: check.ok ? null : problems[check.reason] };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const token = params.token ?? '';
  const form = await readForm(request, confirmSchema);
  if (!form.ok) return data({ problem: 'forms.invalidValue' as const }, { status: 400 });
  const result = linkSecretPattern.test(token) ? await signInWithPortalLink({ db: context.app.db, clock: context.app.clock }, token) : ({ ok: false, reason: 'invalid' } as const);
  if (!result.ok) return data({ problem: problems[result.reason] }, { status: 409 });
  throw redirect('/portal', { headers: { 'Set-Cookie': await portalCookieHeader(context, result.sessionToken) } });
}

export default function PortalSignIn({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const problem = actionData?.problem ?? loaderData.problem;
  return (
    <>
      <title>{`${t('portal.signInTitle')} – ${t('app.name')}`}</title>
      <h1>{t('portal.signInTitle')}</h1>
      {problem ? (
        <>
          <Notice tone="error">{t(problem)}</Notice>
          <p>
            <Link to="/portal">{t('portal.requestNew')}</Link>
          </p>
        </>
      ) : (
        <Form method="post">
          <input type="hidden" name="confirm" value="yes" />
          <p className="mb-4 max-w-3xl">{t('portal.signInHint')}</p>
          <SubmitButton>{t('portal.signInButton')}</SubmitButton>
        </Form>
      )}
    </>
  );
}
