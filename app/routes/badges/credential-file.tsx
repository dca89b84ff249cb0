import { decodeJwt } from 'jose';
import { data } from 'react-router';
import type { Route } from './+types/credential-file';
import { requireUuid } from '../../http/authorize.server';
import { jsonLdResponse } from '../../http/badges.server';
import { bakedImage, getCredential } from '../../../server/badges/credentials';
import { credentialOfPayload } from '../../../server/badges/vc-jwt';

/**
 * A credential's files: the badge image with the credential baked in, the VC-JWT itself, and the
 * credential as JSON-LD (what its page's address answers a client asking for JSON).
 */
export async function loader({ context, params }: Route.LoaderArgs) {
  const credentialId = requireUuid(params.credentialId);
  const db = context.app.db;
  if (params.file === 'badge.png') {
    const png = await bakedImage(db, credentialId);
    if (!png) throw data(null, { status: 404 });
    return new Response(Buffer.from(png), { headers: { 'Content-Type': 'image/png', 'Content-Disposition': 'attachment; filename="badge.png"', 'Cache-Control': 'no-store' } });
  }
  if (params.file !== 'credential.jwt' && params.file !== 'credential.json') throw data(null, { status: 404 });
  const found = await getCredential(db, credentialId);
  if (!found) throw data(null, { status: 404 });
  if (params.file === 'credential.json') return jsonLdResponse(credentialOfPayload(decodeJwt(found.credential.jwt)));
  return new Response(found.credential.jwt, {
    headers: { 'Content-Type': 'application/vc+jwt', 'Content-Disposition': 'attachment; filename="credential.jwt"', 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' },
  });
}
