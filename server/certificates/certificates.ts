import { and, asc, eq } from 'drizzle-orm';
import type { Language } from '../../app/i18n';
import { getCentreSettings } from '../centre/settings';
import type { DomainContext } from '../context';
import { images, studyRegisterEntries } from '../db/schema';
import { centreImageOwner, imageSource } from '../organisations/images';
import { helsinkiDate } from '../calendar/dates';
import { formatVerificationCode } from '../register/verification-code';
import { type CertificateContent, type CertificateParty, renderCertificatesPdf } from './certificate-pdf';

type Entry = typeof studyRegisterEntries.$inferSelect;

/** An owner's logo and signature (with its signer) as the certificate prints them. */
async function party(ctx: DomainContext, ownerKey: string, name: string): Promise<CertificateParty> {
  const rows = await ctx.db.select().from(images).where(eq(images.ownerKey, ownerKey));
  const image = (kind: 'logo' | 'signature') => imageSource(rows.find((r) => r.kind === kind));
  const signature = rows.find((r) => r.kind === 'signature');
  return { name, logo: image('logo'), signature: image('signature'), signerName: signature?.signerName ?? '', signerTitle: signature?.signerTitle ?? '' };
}

/** The verification page a certificate's QR code opens. */
export const verificationUrl = (publicUrl: string, code: string) => `${publicUrl}/verify/${code}`;

/** The printable certificates of register entries (all of one organisation), in the given order. */
async function contents(ctx: DomainContext, entries: Entry[], publicUrl: string): Promise<CertificateContent[]> {
  if (entries.length === 0) return [];
  const settings = await getCentreSettings(ctx);
  const organisationIds = [...new Set(entries.map((e) => e.organisationId))];
  const [centre, ...organisationParties] = await Promise.all([
    party(ctx, centreImageOwner, settings?.name ?? 'Opintokeskus Sivis'),
    ...organisationIds.map((id) => party(ctx, id, '')),
  ]);
  const byOrganisation = new Map(organisationIds.map((id, i) => [id, organisationParties[i]!]));
  return entries.map((e) => ({
    participantName: e.personName,
    modelName: e.modelName,
    creditTenths: e.creditTenths,
    outcomes: e.outcomes,
    firstDay: e.firstDay,
    lastDay: e.completedOn,
    place: e.place,
    issuedOn: helsinkiDate(e.createdAt),
    verificationCode: formatVerificationCode(e.verificationCode),
    verificationUrl: verificationUrl(publicUrl, e.verificationCode),
    verificationPageUrl: `${publicUrl}/verify`,
    centre: centre!,
    organisation: { ...byOrganisation.get(e.organisationId)!, name: e.organisationName },
  }));
}

/** One of the person's (by email) entries' certificate, or null when they have no such entry. */
export async function entryCertificatePdf(ctx: DomainContext, entryId: string, language: Language, publicUrl: string, personEmail: string) {
  const [entry] = await ctx.db
    .select()
    .from(studyRegisterEntries)
    .where(and(eq(studyRegisterEntries.id, entryId), eq(studyRegisterEntries.personEmail, personEmail)));
  if (!entry) return null;
  return { entry, pdf: await renderCertificatesPdf(await contents(ctx, [entry], publicUrl), language) };
}

/** All certificates of a training in one document, by the participants' names (null when it has none). */
export async function trainingCertificatesPdf(ctx: DomainContext, trainingId: string, language: Language, publicUrl: string) {
  const entries = await ctx.db
    .select()
    .from(studyRegisterEntries)
    .where(eq(studyRegisterEntries.trainingId, trainingId))
    .orderBy(asc(studyRegisterEntries.personName));
  if (entries.length === 0) return null;
  return { count: entries.length, pdf: await renderCertificatesPdf(await contents(ctx, entries, publicUrl), language) };
}
