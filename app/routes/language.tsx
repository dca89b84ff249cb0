import { data, redirect } from 'react-router';
import type { Route } from './+types/language';
import { languageSchema, safeRedirect } from '../forms/account';
import { readForm } from '../http/form.server';
import { languageCookie } from '../http/language.server';
import { getSession } from '../http/session.server';
import { setOwnLanguage } from '../../server/access/set-language';

export async function loader() {
  return redirect('/');
}

/** Anyone may choose a language; for a signed-in user it is also stored for emails. */
export async function action({ request, context }: Route.ActionArgs) {
  const form = await readForm(request, languageSchema);
  if (!form.ok) throw data(null, { status: 400 });
  const session = await getSession(request, context);
  if (session) await setOwnLanguage({ db: context.app.db, clock: context.app.clock, actor: session.actor }, form.data.language);
  return redirect(safeRedirect(form.data.redirectTo), {
    headers: { 'Set-Cookie': await languageCookie.serialize(form.data.language) },
  });
}

/** No page of its own: refused input renders the root error page. */
export default function Language() {
  return null;
}
