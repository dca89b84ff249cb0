import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import * as fontkit from 'fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

/**
 * Embedded TrueType faces (Noto, OFL) for documents that must show ä, ö, å, é, – and the like,
 * which the standard PDF fonts cannot. Resolved by package name, so the path holds both when run
 * from source and from the built server bundle.
 */
const fontFiles = {
  serif: '@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf',
  serifBold: '@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf',
  serifItalic: '@expo-google-fonts/noto-serif/400Regular_Italic/NotoSerif_400Regular_Italic.ttf',
  sans: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  sansBold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
} as const;
export type FontFace = keyof typeof fontFiles;

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type ParsedFont = ReturnType<Fontkit['create']>;

const require = createRequire(import.meta.url);
const fontBytes = new Map<FontFace, Uint8Array>();
const parsedFonts = new WeakMap<Uint8Array, ParsedFont>();

function bytesOf(face: FontFace): Uint8Array {
  let bytes = fontBytes.get(face);
  if (!bytes) {
    bytes = readFileSync(require.resolve(fontFiles[face]));
    fontBytes.set(face, bytes);
  }
  return bytes;
}

/** Distinct texts shaped per face before the memo starts afresh (names, words and lines of a batch). */
const layoutMemoLimit = 5000;

/**
 * Upstream fontkit, not pdf-lib's own fork (@pdf-lib/fontkit 1.1.1): the fork writes TrueType subsets
 * with a corrupt short `loca` table, and Noto then loses most of its letters on the page. pdf-lib
 * reads the subset through the stream API that fontkit 2 replaced with `encode()`, hence the adapter.
 *
 * pdf-lib also parses the font again for every document, and fontkit shapes every string it measures
 * or draws from scratch (GSUB/GPOS lookups: most of a certificate's render time). pdf-lib only reads
 * the parsed font and its glyph runs (each document makes its own subset), so one parsed font per
 * process, with its runs memoised per text, serves every document.
 */
function parseOnce(bytes: Uint8Array): ParsedFont {
  const font = fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (!('layout' in font)) throw new TypeError(`${font.type} is a font collection, not a font`);
  const shape = font.layout.bind(font);
  const runs = new Map<string, fontkit.GlyphRun>();
  font.layout = (text, features) => {
    if (features) return shape(text, features);
    let run = runs.get(text);
    if (!run) {
      if (runs.size >= layoutMemoLimit) runs.clear();
      run = shape(text);
      runs.set(text, run);
    }
    return run;
  };
  // fontkit keeps the first Glyph object made for an id. Saving a subset makes a composite's parts
  // (the O of Ö) without their characters; once the font outlives that document, a later "O" would get
  // that object and drop out of the text a reader copies or searches (pdf-lib's ToUnicode map).
  const getGlyph = font.getGlyph.bind(font);
  font.getGlyph = (id, codePoints) => {
    const glyph = getGlyph(id, codePoints);
    if (codePoints?.length && glyph.codePoints.length === 0) glyph.codePoints = codePoints;
    return glyph;
  };
  const createSubset = font.createSubset.bind(font);
  font.createSubset = () => {
    const subset = createSubset();
    return Object.assign(subset, { encodeStream: () => Readable.from([subset.encode()]) });
  };
  return font as unknown as ParsedFont;
}

const cachingFontkit: Fontkit = {
  create(bytes) {
    let font = parsedFonts.get(bytes);
    if (!font) {
      font = parseOnce(bytes);
      parsedFonts.set(bytes, font);
    }
    return font;
  },
};

/** Embeds the faces as subsets (only the glyphs used), so a one-page document stays a few tens of kB. */
export async function embedFonts<F extends FontFace>(pdf: PDFDocument, faces: readonly F[]): Promise<Record<F, PDFFont>> {
  pdf.registerFontkit(cachingFontkit);
  const embedded = await Promise.all(faces.map((face) => pdf.embedFont(bytesOf(face), { subset: true })));
  return Object.fromEntries(faces.map((face, i) => [face, embedded[i]])) as Record<F, PDFFont>;
}
