import { createCookie, redirect } from 'react-router';
import type { AppLoadContext } from 'react-router';
import { portalSessionEmail, portalSessionLifetimeMs } from '../../server/register/portal';

/**
 * The participant portal's own cookie: it opens one person's study data, nothing of the staff side.
 * Its path is the whole site: the portal's data requests (`/portal.data`) are not under `/portal/`.
 */
export const portalCookie = createCookie('sivis_portal', { httpOnly: true, sameSite: 'lax', path: '/' });

export const portalCookieHeader = (context: AppLoadContext, token: string) =>
  portalCookie.serialize(token, { maxAge: portalSessionLifetimeMs / 1000, secure: context.app.config.SECURE_COOKIES });

export const clearPortalCookieHeader = (context: AppLoadContext) => portalCookie.serialize('', { maxAge: 0, secure: context.app.config.SECURE_COOKIES });

export async function portalToken(request: Request): Promise<string | null> {
  const value: unknown = await portalCookie.parse(request.headers.get('Cookie'));
  return typeof value === 'string' && value.length > 0 && value.length < 100 ? value : null;
}

/** The signed-in participant's email address, or null. */
export async function portalEmail(request: Request, context: AppLoadContext): Promise<string | null> {
  const token = await portalToken(request);
  return token ? portalSessionEmail({ db: context.app.db, clock: context.app.clock }, token) : null;
}

/** The signed-in participant's address, or a redirect to the portal's sign-in page. */
export async function requirePortalEmail(request: Request, context: AppLoadContext): Promise<string> {
  const email = await portalEmail(request, context);
  if (!email) throw redirect('/portal');
  return email;
}
