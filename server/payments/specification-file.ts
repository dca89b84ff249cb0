import { type Language, translator } from '../../app/i18n';
import type { SpecificationFormat } from './kinds';
import type { PaymentSpecification } from './specification';
import { renderSpecificationCsv } from './specification';
import { renderSpecificationPdf } from './specification-pdf';

export interface RenderedFile {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

/** The specification as a file to download or attach, named after the batch in the reader's language. */
export async function specificationFile(spec: PaymentSpecification, format: SpecificationFormat, language: Language, createdAt: Date): Promise<RenderedFile> {
  const filename = `${translator(language)('payments.specification.fileName', { reference: spec.batch.reference })}.${format}`;
  if (format === 'csv') return { filename, contentType: 'text/csv; charset=utf-8', content: new TextEncoder().encode(renderSpecificationCsv(spec, language)) };
  return { filename, contentType: 'application/pdf', content: await renderSpecificationPdf(spec, language, createdAt) };
}
