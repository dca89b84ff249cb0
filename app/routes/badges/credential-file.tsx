import { data } from 'react-router';
import type { Route } from './+types/credential-file';
import { requireUuid } from '../../http/authorize.server';
import { bakedImage, getCredential } from '../../../server/badges/credentials';

/** The recipient's downloads: the badge image with the credential baked in, or the VC-JWT itself. */
export async function loader({ context, params }: Route.LoaderArgs) {
  const credentialId = requireUuid(params.credentialId);
  const db = context.app.db;
  if (params.file === 'badge.png') {
    const png = await bakedImage(db, credentialId);
    if (!png) throw data(null, { status: 404 });
    return new Response(Buffer.from(png), { headers: { 'Content-Type': 'image/png', 'Content-Disposition': 'attachment; filename="badge.png"', 'Cache-Control': 'no-store' } });
  }
  if (params.file === 'credential.jwt') {
    const found = await getCredential(db, credentialId);
    if (!found) throw data(null, { status: 404 });
    return new Response(found.credential.jwt, { headers: { 'Content-Type': 'application/vc+jwt', 'Content-Disposition': 'attachment; filename="credential.jwt"', 'Cache-Control': 'no-store' } });
  }
  throw data(null, { status: 404 });
}
