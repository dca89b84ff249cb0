import { redirect } from 'react-router';
import type { Route } from './+types/logout';
import { clearSessionCookieHeader, sessionToken } from '../../http/session.server';
import { signOut } from '../../../server/access/sign-in';

export async function loader() {
  // Signing out changes state, so it is POST only; a GET just goes home.
  return redirect('/');
}

export async function action({ request, context }: Route.ActionArgs) {
  const token = await sessionToken(request);
  if (token) await signOut({ db: context.app.db, clock: context.app.clock }, token, context.app.ip);
  return redirect('/login', { headers: { 'Set-Cookie': await clearSessionCookieHeader(context) } });
}
