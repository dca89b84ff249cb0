import { crc32, deflateSync, inflateSync } from 'node:zlib';
import * as fontkit from 'fontkit';
import { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { type Language, translator } from '../../app/i18n';
import { type CertificateContent, type CertificateParty, renderCertificatesPdf } from '../../server/certificates/certificate-pdf';
import { makeJpegFrame, makePng } from '../../server/organisations/sample-images';
import { pageText, pdfPageItems } from '../support/pdf-text';

/** A PNG with an alpha channel, as signatures usually are (the greyscale samples have none). */
function transparentPng(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const framed = Buffer.alloc(body.length + 8);
    framed.writeUInt32BE(data.length, 0);
    body.copy(framed, 4);
    framed.writeUInt32BE(crc32(body), body.length + 4);
    return framed;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 4, 0x40)]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0))]));
}

const centre: CertificateParty = {
  name: 'Opintokeskus Sivis',
  logo: { mimeType: 'image/png', bytes: makePng(320, 100) },
  signature: { mimeType: 'image/png', bytes: transparentPng(250, 75) },
  signerName: 'Helena Lindqvist',
  signerTitle: 'Rehtori',
};
const organisation: CertificateParty = {
  name: 'Kansanliikkeiden Liitto ry',
  logo: { mimeType: 'image/jpeg', bytes: makeJpegFrame(200, 200) },
  signature: { mimeType: 'image/png', bytes: makePng(250, 75) },
  signerName: 'Jörn Äijälä',
  signerTitle: 'Toiminnanjohtaja',
};
const outcomes = [
  'Osallistuja tuntee yhdistyslain keskeiset periaatteet ja yhdistyksen sääntöjen merkityksen hallituksen työssä.',
  'Osallistuja osaa valmistella ja johtaa yhdistyksen kokouksen.',
  'Osallistuja osaa laatia toimintasuunnitelman ja talousarvion yhdessä hallituksen kanssa.',
];
const certificate = (overrides: Partial<CertificateContent> = {}): CertificateContent => ({
  participantName: 'Åsa Öhman-Mäkelä',
  modelName: 'Yhdistyksen puheenjohtajakoulutus',
  creditTenths: 25,
  outcomes,
  firstDay: '2027-03-12',
  lastDay: '2027-03-19',
  place: 'Helsinki, Kansalaistalo',
  issuedOn: '2027-03-22',
  verificationCode: 'K7QF-3MZP-X2TA-9BHD',
  verificationUrl: 'https://sivisverkko.example/verify/K7QF3MZPX2TA9BHD',
  verificationPageUrl: 'https://sivisverkko.example/verify',
  centre,
  organisation,
  ...overrides,
});

async function texts(certificates: CertificateContent[], language: Language): Promise<string[]> {
  return (await pdfPageItems(await renderCertificatesPdf(certificates, language))).map(pageText);
}

/** The images the pages show, and the soft masks that carry PNG transparency. */
async function imageStreams(bytes: Uint8Array) {
  const pdf = await PDFDocument.load(bytes);
  const images = pdf.context.enumerateIndirectObjects().flatMap(([ref, object]) =>
    object instanceof PDFRawStream && object.dict.get(PDFName.of('Subtype')) === PDFName.of('Image') ? [{ ref, dict: object.dict }] : [],
  );
  const masks = new Set(images.map((i) => i.dict.get(PDFName.of('SMask'))).filter((m): m is PDFRef => m instanceof PDFRef));
  return { shown: images.filter((i) => !masks.has(i.ref)).length, masks: masks.size };
}

/** For each embedded font, how many of its glyphs draw nothing (spaces, or glyphs lost by a broken subset). */
async function blankGlyphCounts(bytes: Uint8Array): Promise<number[]> {
  const pdf = await PDFDocument.load(bytes);
  return pdf.context.enumerateIndirectObjects().flatMap(([, object]) => {
    const fontFile = object instanceof PDFDict ? object.get(PDFName.of('FontFile2')) : undefined;
    if (!(fontFile instanceof PDFRef)) return [];
    const font = fontkit.create(inflateSync((pdf.context.lookup(fontFile) as PDFRawStream).contents));
    if (!('getGlyph' in font)) throw new Error('not a single font');
    return [Array.from({ length: font.numGlyphs - 1 }, (_, i) => font.getGlyph(i + 1)).filter((g) => g.path.commands.length === 0).length];
  });
}

describe('certificate PDF', () => {
  it('shows the participant, the training and both parties, with Finnish and Swedish letters intact', async () => {
    const [text] = await texts([certificate()], 'fi');
    for (const expected of [
      'Todistus',
      'Åsa Öhman-Mäkelä',
      'on suorittanut koulutuksen',
      'Yhdistyksen puheenjohtajakoulutus',
      'Laajuus 2,5 opintopistettä (op)',
      'Ajankohta 12.3.2027–19.3.2027',
      'Paikka Helsinki, Kansalaistalo',
      'Osaamistavoitteet',
      ...outcomes,
      'Järjestäjät: Kansanliikkeiden Liitto ry ja Opintokeskus Sivis',
      'Jörn Äijälä',
      'Toiminnanjohtaja',
      'Helena Lindqvist',
      'Rehtori',
      'Annettu 22.3.2027',
      'Tarkistuskoodi',
      'K7QF-3MZP-X2TA-9BHD',
      'Todistuksen aitouden voi tarkistaa osoitteessa https://sivisverkko.example/verify koodilla K7QF-3MZP-X2TA-9BHD.',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('is worded in the language asked for', async () => {
    const [sv] = await texts([certificate({ participantName: 'Åke Ödegård', modelName: 'Ordförandeutbildning för föreningar' })], 'sv');
    expect(sv).toContain('Intyg');
    expect(sv).toContain('Åke Ödegård');
    expect(sv).toContain('har genomgått utbildningen');
    expect(sv).toContain('Ordförandeutbildning för föreningar');
    expect(sv).toContain('Omfattning: 2,5 studiepoäng (sp)');
    expect(sv).toContain(translator('sv')('certificates.pdf.outcomes'));
    expect(sv).toContain('Arrangörer: Kansanliikkeiden Liitto ry och Opintokeskus Sivis');
    expect(sv).not.toContain('Todistus');
    const [en] = await texts([certificate()], 'en');
    expect(en).toContain('Certificate');
    expect(en).toContain('Scope: 2.5 credits');
    expect(en).toContain('Dates: 12 Mar 2027–19 Mar 2027');
    expect(en).toContain(translator('en')('certificates.pdf.outcomes'));
    expect(en).toContain('The certificate can be verified at https://sivisverkko.example/verify with the code K7QF-3MZP-X2TA-9BHD.');
  });

  it('keeps every letter searchable in later documents of the same process', async () => {
    // The fonts are parsed once per process; saving a subset with "Ö" must not cost a later "O" its text.
    await renderCertificatesPdf([certificate({ participantName: 'Örjan Åström', modelName: 'Ö' })], 'fi');
    const [text] = await texts([certificate({ participantName: 'Olli Aho', modelName: 'Opintopiiri' })], 'fi');
    expect(text).toContain('Olli Aho');
    expect(text).toContain('Opintopiiri');
  });

  it('gives a one-day training one date, and leaves out the place line when there is no place', async () => {
    const [text] = await texts([certificate({ firstDay: '2027-03-19', lastDay: '2027-03-19', place: '' })], 'fi');
    expect(text).toContain('Ajankohta 19.3.2027');
    expect(text).not.toContain('–');
    expect(text).not.toContain('Paikka');
  });

  it('prints a training on A4 pages, one per participant', async () => {
    const names = ['Åsa Öhman-Mäkelä', 'Éric Müller', 'Päivi Å. Lönnqvist'];
    const bytes = await renderCertificatesPdf(
      names.map((participantName) => certificate({ participantName })),
      'fi',
    );
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(3);
    for (const page of pdf.getPages()) {
      expect(page.getWidth()).toBeCloseTo(595.28, 1);
      expect(page.getHeight()).toBeCloseTo(841.89, 1);
    }
    const pages = (await pdfPageItems(bytes)).map(pageText);
    names.forEach((name, i) => expect(pages[i]).toContain(name));
  });

  it('embeds each logo and signature once, however many pages show them', async () => {
    expect(await imageStreams(await renderCertificatesPdf([certificate()], 'fi'))).toEqual({ shown: 4, masks: 1 });
    const batch = await renderCertificatesPdf([certificate(), certificate({ participantName: 'B' }), certificate({ participantName: 'C' })], 'fi');
    expect(await imageStreams(batch)).toEqual({ shown: 4, masks: 1 });
    // The same image loaded again for each certificate (as rows read from the database are) is still one image.
    const copied = (party: CertificateParty): CertificateParty => ({
      ...party,
      logo: party.logo && { ...party.logo, bytes: party.logo.bytes.slice() },
      signature: party.signature && { ...party.signature, bytes: party.signature.bytes.slice() },
    });
    const reloaded = await renderCertificatesPdf([certificate(), certificate({ centre: copied(centre), organisation: copied(organisation) })], 'fi');
    expect(await imageStreams(reloaded)).toEqual({ shown: 4, masks: 1 });
  });

  it('leaves out missing logos and signatures but keeps the signers under their lines', async () => {
    const withoutImages = { logo: null, signature: null };
    const bytes = await renderCertificatesPdf([certificate({ centre: { ...centre, ...withoutImages }, organisation: { ...organisation, logo: null } })], 'fi');
    expect(await imageStreams(bytes)).toEqual({ shown: 1, masks: 0 });
    const [text] = (await pdfPageItems(bytes)).map(pageText);
    for (const signer of ['Helena Lindqvist', 'Rehtori', 'Jörn Äijälä', 'Toiminnanjohtaja']) expect(text).toContain(signer);
    const bare = await renderCertificatesPdf([certificate({ centre: { ...centre, ...withoutImages }, organisation: { ...organisation, ...withoutImages } })], 'fi');
    expect(await imageStreams(bare)).toEqual({ shown: 0, masks: 0 });
  });

  it('keeps a long model name and many long learning outcomes on the page, above the organisers', async () => {
    const long = Array.from(
      { length: 15 },
      (_, i) =>
        `Osallistuja ${i + 1} osaa suunnitella, toteuttaa ja arvioida yhdistyksen toimintaa niin, että jäsenten osallisuus, talouden kestävyys, viestinnän avoimuus ja vapaaehtoisten jaksaminen vahvistuvat vuoden mittaan.`,
    );
    const modelName = 'Yhdistystoiminnan johtamisen, talouden, viestinnän ja vapaaehtoistoiminnan kehittämisen laaja täydennyskoulutus luottamushenkilöille ja työntekijöille';
    const bytes = await renderCertificatesPdf([certificate({ modelName, outcomes: long })], 'fi');
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
    const [items] = await pdfPageItems(bytes);
    const text = pageText(items!);
    expect(text).toContain(modelName);
    expect(text).toContain('Osallistuja 1 osaa suunnitella');
    expect(text).toContain('…'); // cut to fit, and visibly so
    const heading = items!.findIndex((i) => i.text === 'Osaamistavoitteet');
    const firstSigner = items!.findIndex((i) => i.text === 'Jörn Äijälä');
    const outcomeLines = items!.slice(heading + 1, firstSigner);
    const organisersY = items!.find((i) => i.text.startsWith('Järjestäjät:'))!.y;
    const factsY = items!.find((i) => i.text.startsWith('Paikka'))!.y;
    expect(outcomeLines.length).toBeGreaterThan(15);
    for (const line of outcomeLines) {
      expect(line.y).toBeGreaterThan(organisersY + 10);
      expect(line.y).toBeLessThan(factsY);
    }
  });

  it('draws every letter of its embedded fonts', async () => {
    // A broken TrueType subset (as @pdf-lib/fontkit writes them) still extracts as text but leaves letters blank on paper.
    const counts = await blankGlyphCounts(await renderCertificatesPdf([certificate()], 'sv'));
    expect(counts).toHaveLength(5);
    for (const blank of counts) expect(blank).toBeLessThanOrEqual(1); // the space
  });

  it('embeds only the glyphs it uses, so a certificate stays small', async () => {
    const bare = { logo: null, signature: null };
    const bytes = await renderCertificatesPdf([certificate({ centre: { ...centre, ...bare }, organisation: { ...organisation, ...bare } })], 'fi');
    expect(bytes.length).toBeLessThan(60_000);
  });
});
