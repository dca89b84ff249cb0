import { data } from 'react-router';
import type { Route } from './+types/key';
import { publicKeys } from '../../../server/badges/keys';

/** One of the issuer's public keys as a JWK: what a VC-JWT's "kid" points to. */
export async function loader({ context, params }: Route.LoaderArgs) {
  const key = (await publicKeys(context.app.db)).find((k) => k.keyId === params.keyId);
  if (!key) throw data(null, { status: 404 });
  return new Response(JSON.stringify({ ...key.jwk, kid: key.keyId, alg: 'EdDSA', use: 'sig' }), {
    headers: { 'Content-Type': 'application/jwk+json', 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=3600' },
  });
}
