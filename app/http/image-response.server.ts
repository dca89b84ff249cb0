import { data } from 'react-router';
import type { DomainContext } from '../../server/context';
import { type ImageKind, getImage } from '../../server/organisations/images';

/** An image as an HTTP response, with an ETag so that browsers revalidate cheaply. */
export async function imageResponse(request: Request, ctx: DomainContext, ownerKey: string, kind: ImageKind, cache: 'public' | 'private') {
  const image = await getImage(ctx, ownerKey, kind);
  if (!image) throw data(null, { status: 404 });
  const headers = {
    'Content-Type': image.mimeType,
    ETag: `"${image.sha256}"`,
    // Pages add ?v=<hash>, so a new upload shows at once despite the day's caching.
    'Cache-Control': `${cache}, max-age=86400`,
    'Content-Disposition': `inline; filename="${kind}.${image.mimeType === 'image/png' ? 'png' : 'jpg'}"`,
  };
  if (request.headers.get('if-none-match') === headers.ETag) return new Response(null, { status: 304, headers });
  return new Response(Buffer.from(image.content, 'base64'), { headers });
}
