import type { Route } from './+types/issuer';
import { badgeUrlsFor, jsonLdResponse } from '../../http/badges.server';
import { baseUrl } from '../../http/base-url.server';
import { issuerProfile } from '../../../server/badges/documents';
import { publicKeys } from '../../../server/badges/keys';
import { centreBranding } from '../../../server/centre/branding';

/** The issuer profile (JSON-LD): who issues the badges, and the public keys that verify them. */
export async function loader({ context }: Route.LoaderArgs) {
  const ctx = { db: context.app.db, clock: context.app.clock };
  const [centre, keys] = await Promise.all([centreBranding(ctx), publicKeys(ctx.db)]);
  return jsonLdResponse(issuerProfile(badgeUrlsFor(context), { name: centre.name, url: baseUrl(context) }, keys));
}
