import type { AppLoadContext } from 'react-router';
import { tokenSchema } from '../forms/accounts';
import { type TokenKind, checkToken } from '../../server/access/tokens';

/** The `?token=` of an emailed link and whether it can still be used (without using it). */
export async function tokenFromUrl(request: Request, context: AppLoadContext, kind: TokenKind) {
  const parsed = tokenSchema.safeParse({ token: new URL(request.url).searchParams.get('token') ?? '' });
  if (!parsed.success) return { token: null, problem: 'invalid' as const };
  const check = await checkToken(context.app.db, context.app.clock, kind, parsed.data.token);
  return { token: parsed.data.token, problem: check.ok ? null : check.reason };
}
