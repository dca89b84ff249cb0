import { createHash } from 'node:crypto';
import {
  JpegEmbedder,
  type PDFContext,
  PDFDocument,
  PDFName,
  type PDFPage,
  PDFRawStream,
  PDFRef,
  PngEmbedder,
  concatTransformationMatrix,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
} from 'pdf-lib';

export interface ImageSource {
  mimeType: 'image/png' | 'image/jpeg';
  bytes: Uint8Array;
}
/** An image XObject of one document, with its size in pixels. */
export interface EmbeddedImage {
  ref: PDFRef;
  width: number;
  height: number;
}
export type ImageEmbedder = (image: ImageSource | null) => Promise<EmbeddedImage | null>;

/** A PNG as pdf-lib turns it into image streams: colour and alpha, already compressed. */
interface PreparedPng {
  width: number;
  height: number;
  bitsPerComponent: number;
  colour: Uint8Array;
  alpha: Uint8Array | null;
}

// Logos and signatures recur in every document (a centre's on every certificate), but pdf-lib
// decodes and recompresses a PNG for each one: most of a one-page document's time. A few dozen
// distinct images cover a centre and its member organisations; the cache starts afresh beyond that.
const preparedPngLimit = 64;
const preparedPngs = new Map<string, Promise<PreparedPng>>();

/**
 * Embeds each distinct image once per document: a page refers to the one copy, however many pages
 * show it. Recognised by the array itself, and by content when a caller loaded the same image into
 * separate arrays.
 */
export function imageEmbedder(pdf: PDFDocument): ImageEmbedder {
  const byArray = new WeakMap<Uint8Array, Promise<EmbeddedImage>>();
  const byDigest = new Map<string, Promise<EmbeddedImage>>();
  return async (image) => {
    if (!image) return null;
    let embedded = byArray.get(image.bytes);
    if (!embedded) {
      const digest = createHash('sha256').update(image.bytes).digest('hex');
      embedded = byDigest.get(digest) ?? (image.mimeType === 'image/png' ? embedPng(pdf.context, image.bytes, digest) : embedJpeg(pdf.context, image.bytes));
      byDigest.set(digest, embedded);
      byArray.set(image.bytes, embedded);
    }
    return embedded;
  };
}

/** A JPEG goes into the PDF as it is: cheap, nothing to cache. */
async function embedJpeg(context: PDFContext, bytes: Uint8Array): Promise<EmbeddedImage> {
  const embedder = await JpegEmbedder.for(bytes);
  return { ref: await embedder.embedIntoContext(context), width: embedder.width, height: embedder.height };
}

async function embedPng(context: PDFContext, bytes: Uint8Array, digest: string): Promise<EmbeddedImage> {
  let prepared = preparedPngs.get(digest);
  if (!prepared) {
    if (preparedPngs.size >= preparedPngLimit) preparedPngs.clear();
    prepared = preparePng(bytes);
    prepared.catch(() => preparedPngs.delete(digest)); // a broken image must not stay broken for later documents
    preparedPngs.set(digest, prepared);
  }
  const png = await prepared;
  const common = { Type: 'XObject', Subtype: 'Image', Width: png.width, Height: png.height, BitsPerComponent: png.bitsPerComponent, Filter: 'FlateDecode' };
  const mask = png.alpha ? context.register(context.stream(png.alpha, { ...common, ColorSpace: 'DeviceGray', Decode: [0, 1] })) : null;
  const ref = context.register(context.stream(png.colour, { ...common, ColorSpace: 'DeviceRGB', ...(mask ? { SMask: mask } : {}) }));
  return { ref, width: png.width, height: png.height };
}

/** Lets pdf-lib embed the PNG into a scratch document and keeps the streams it made. */
async function preparePng(bytes: Uint8Array): Promise<PreparedPng> {
  const scratch = await PDFDocument.create();
  const embedder = await PngEmbedder.for(bytes);
  const colour = streamAt(scratch.context, await embedder.embedIntoContext(scratch.context));
  const maskRef = colour.dict.get(PDFName.of('SMask'));
  const alpha = maskRef instanceof PDFRef ? streamAt(scratch.context, maskRef).contents : null;
  return { width: embedder.width, height: embedder.height, bitsPerComponent: embedder.bitsPerComponent, colour: colour.contents, alpha };
}

function streamAt(context: PDFContext, ref: PDFRef): PDFRawStream {
  const object = context.lookup(ref);
  if (!(object instanceof PDFRawStream)) throw new TypeError(`${ref} is not a stream`);
  return object;
}

/** Draws the image scaled into the rectangle (as pdf-lib's drawImage does, for an image of ours). */
export function drawEmbeddedImage(page: PDFPage, image: EmbeddedImage, rect: { x: number; y: number; width: number; height: number }) {
  const name = page.node.newXObject('Image', image.ref);
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(rect.width, 0, 0, rect.height, rect.x, rect.y), drawObject(name), popGraphicsState());
}
