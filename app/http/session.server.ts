import { createCookie, redirect } from 'react-router';
import type { AppLoadContext } from 'react-router';
import { type SignedInSession, resolveSession } from '../../server/access/sessions';

export const sessionCookie = createCookie('sivis_session', { httpOnly: true, sameSite: 'lax', path: '/' });

// Max-Age rather than Expires: the browser's clock need not agree with the server's (test clock).
export const sessionCookieHeader = (context: AppLoadContext, token: string) =>
  sessionCookie.serialize(token, { maxAge: context.app.config.SESSION_TTL_HOURS * 3600, secure: context.app.config.SECURE_COOKIES });

export const clearSessionCookieHeader = (context: AppLoadContext) =>
  sessionCookie.serialize('', { maxAge: 0, secure: context.app.config.SECURE_COOKIES });

export async function sessionToken(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie.parse(request.headers.get('Cookie'));
  return typeof value === 'string' && value.length > 0 && value.length < 100 ? value : null;
}

// The root and route loaders of one request share its load context (but not its Request
// object): look the session up once per request. An action that changes who is signed in
// (sign-in, sign-out) therefore answers with a redirect.
const resolved = new WeakMap<AppLoadContext['app'], Promise<SignedInSession | null>>();

export function getSession(request: Request, context: AppLoadContext): Promise<SignedInSession | null> {
  let session = resolved.get(context.app);
  if (!session) {
    session = sessionToken(request).then((token) =>
      token ? resolveSession({ db: context.app.db, clock: context.app.clock }, token) : null,
    );
    resolved.set(context.app, session);
  }
  return session;
}

/** The signed-in session, or a redirect to the sign-in page that comes back here afterwards. */
export async function requireSession(request: Request, context: AppLoadContext): Promise<SignedInSession> {
  const session = await getSession(request, context);
  if (!session) {
    const url = new URL(request.url);
    const back = url.pathname + url.search;
    throw redirect(back === '/' ? '/login' : `/login?redirectTo=${encodeURIComponent(back)}`);
  }
  return session;
}
