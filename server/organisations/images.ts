import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { writeAudit } from '../access/audit';
import type { ActorContext, DomainContext } from '../context';
import { images } from '../db/schema';
import type { ImageSource } from '../pdf/images';
import { type ImageCheck, checkImage } from './image-check';

export type ImageKind = 'logo' | 'signature';

/** The owner key of the centre's own images; an organisation's images use its id. */
export const centreImageOwner = 'centre';

export async function getImage(ctx: DomainContext, ownerKey: string, kind: ImageKind) {
  const [row] = await ctx.db.select().from(images).where(and(eq(images.ownerKey, ownerKey), eq(images.kind, kind)));
  return row ?? null;
}

/** A stored image as PDFs draw it (only PNG and JPEG are ever stored). */
export const imageSource = (row: { mimeType: string; content: string } | null | undefined): ImageSource | null =>
  row ? { mimeType: row.mimeType as ImageSource['mimeType'], bytes: Buffer.from(row.content, 'base64') } : null;

/** Image details without the content, for pages. */
export async function imageSummaries(ctx: DomainContext, ownerKey: string) {
  return ctx.db
    .select({
      kind: images.kind,
      width: images.width,
      height: images.height,
      sha256: images.sha256,
      signerName: images.signerName,
      signerTitle: images.signerTitle,
      uploadedAt: images.uploadedAt,
    })
    .from(images)
    .where(eq(images.ownerKey, ownerKey));
}

/** Replaces the owner's logo or signature (there is only ever one of each). */
export async function saveImage(
  ctx: ActorContext,
  input: { ownerKey: string; organisationId: string | null; kind: ImageKind; bytes: Uint8Array; signerName: string; signerTitle: string },
): Promise<Exclude<ImageCheck, { ok: true }> | { ok: true }> {
  const check = checkImage(input.bytes);
  if (!check.ok) return check;
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const row = {
    ownerKey: input.ownerKey,
    kind: input.kind,
    mimeType: check.mimeType,
    // Base64 in a text column: portable across PGlite and PostgreSQL drivers; at most ~2.7 MB.
    content: Buffer.from(input.bytes).toString('base64'),
    width: check.width,
    height: check.height,
    sha256,
    signerName: input.kind === 'signature' ? input.signerName : '',
    signerTitle: input.kind === 'signature' ? input.signerTitle : '',
    uploadedAt: ctx.clock.now(),
    uploadedBy: ctx.actor.userId,
  };
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select({ sha256: images.sha256 })
      .from(images)
      .where(and(eq(images.ownerKey, input.ownerKey), eq(images.kind, input.kind)));
    await tx.insert(images).values(row).onConflictDoUpdate({ target: [images.ownerKey, images.kind], set: row });
    await writeAudit(tx, ctx.clock, {
      action: 'organisation.imageUploaded',
      actorUserId: ctx.actor.userId,
      targetType: input.kind,
      targetId: input.ownerKey,
      organisationId: input.organisationId,
      details: { before: { sha256: before?.sha256 ?? null }, after: { sha256, width: check.width, height: check.height, signerName: row.signerName } },
    });
  });
  return { ok: true };
}
