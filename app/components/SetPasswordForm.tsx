import { Link } from 'react-router';
import { setPasswordSchema } from '../forms/accounts';
import type { FieldErrors } from '../forms/validation';
import { useI18n } from '../i18n/react';
import { Notice } from './Notice';
import { TokenProblem } from './TokenProblem';
import { SubmitButton, TextField, ValidatedForm } from './forms';

/** The page an emailed link leads to for setting a password (reset or invitation). */
export function SetPasswordPage(props: {
  title: string;
  intro: string;
  doneTitle: string;
  doneText: string;
  submit: string;
  again: { to: string; label: string };
  token: string | null;
  problem: 'invalid' | 'expired' | 'used' | null;
  done: boolean;
  serverState?: { errors: FieldErrors; values: Record<string, string> } | undefined;
}) {
  const { t } = useI18n();
  const labels = { password: t('passwordReset.newPassword'), confirmPassword: t('passwordReset.confirmPassword') };
  return (
    <>
      <title>{`${props.title} – ${t('app.name')}`}</title>
      <h1>{props.done ? props.doneTitle : props.title}</h1>
      {props.done ? (
        <>
          <Notice tone="ok">{props.doneText}</Notice>
          <p>
            <Link to="/login">{t('passwordReset.signIn')}</Link>
          </p>
        </>
      ) : props.problem ? (
        <TokenProblem reason={props.problem} again={props.again} />
      ) : (
        <>
          <p className="mb-6 max-w-2xl">{props.intro}</p>
          <ValidatedForm method="post" schema={setPasswordSchema} serverState={props.serverState} labels={labels}>
            <input type="hidden" name="token" value={props.token ?? ''} />
            <TextField name="password" type="password" label={labels.password} hint={t('passwordReset.newPasswordHint')} autoComplete="new-password" />
            <TextField name="confirmPassword" type="password" label={labels.confirmPassword} autoComplete="new-password" />
            <SubmitButton>{props.submit}</SubmitButton>
          </ValidatedForm>
        </>
      )}
    </>
  );
}
