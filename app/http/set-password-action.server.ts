import { data } from 'react-router';
import { setPasswordSchema } from '../forms/accounts';
import { formErrorField } from '../forms/validation';
import type { TokenCheck } from '../../server/access/tokens';
import { keepAllButPasswords, readForm } from './form.server';

/** The action of a set-password page: validate, then let `apply` use the token. */
export async function setPasswordAction(request: Request, apply: (input: { token: string; password: string }) => Promise<TokenCheck>) {
  const form = await readForm(request, setPasswordSchema, { keep: keepAllButPasswords });
  if (!form.ok) {
    const tokenBroken = form.errors.token !== undefined;
    return data(
      { done: false as const, problem: tokenBroken ? ('invalid' as const) : null, errors: tokenBroken ? { [formErrorField]: form.errors.token! } : form.errors, values: form.values },
      { status: 400 },
    );
  }
  const result = await apply({ token: form.data.token, password: form.data.password });
  if (!result.ok) return data({ done: false as const, problem: result.reason, errors: {}, values: {} }, { status: 400 });
  return { done: true as const, problem: null, errors: {}, values: {} };
}
