import type { DomainContext } from '../context';
import { type RenderedFile, specificationFile } from '../payments/specification-file';
import { paymentSpecification } from '../payments/specification';
import type { AttachmentRef } from './attachment-ref';

/** Renders an email's attachments when it is sent; a record that has gone makes the attempt fail (and retry). */
export async function renderAttachments(ctx: DomainContext, refs: AttachmentRef[], createdAt: Date): Promise<RenderedFile[]> {
  const files: RenderedFile[] = [];
  for (const ref of refs) {
    const spec = await paymentSpecification(ctx, ref.organisationId, ref.paymentId);
    if (!spec) throw new Error(`The payment ${ref.paymentId} of the attachment is not there.`);
    files.push(await specificationFile(spec, ref.format, ref.language, createdAt));
  }
  return files;
}
