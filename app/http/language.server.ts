import { createCookie } from 'react-router';
import { type Language, defaultLanguage, isLanguage } from '../i18n';

export const languageCookie = createCookie('sivis_lang', { path: '/', sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 });

/** The remembered choice, else the signed-in user's language, else Finnish. */
export async function requestLanguage(request: Request, userLanguage?: Language): Promise<Language> {
  const chosen: unknown = await languageCookie.parse(request.headers.get('Cookie'));
  if (isLanguage(chosen)) return chosen;
  return userLanguage ?? defaultLanguage;
}
