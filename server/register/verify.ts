import { eq } from 'drizzle-orm';
import type { DomainContext } from '../context';
import { studyRegisterEntries, withdrawnCertificates } from '../db/schema';
import { readVerificationCode } from './verification-code';

/** What the public page may show of a genuine certificate: only what the certificate itself prints. */
export interface VerifiedCertificate {
  personName: string;
  modelName: string;
  creditTenths: number;
  outcomes: string[];
  firstDay: string;
  completedOn: string;
  place: string;
  organisationName: string;
  code: string;
}

export type Verification =
  | { status: 'genuine'; certificate: VerifiedCertificate }
  | { status: 'withdrawn'; code: string; withdrawnAt: Date }
  | { status: 'unknown' | 'mistyped' | 'format'; code: string };

export async function verifyCertificate(ctx: DomainContext, input: string): Promise<Verification> {
  const reading = readVerificationCode(input);
  if (!reading.ok) return { status: reading.reason, code: input.trim() };
  const [entry] = await ctx.db
    .select({
      personName: studyRegisterEntries.personName,
      modelName: studyRegisterEntries.modelName,
      creditTenths: studyRegisterEntries.creditTenths,
      outcomes: studyRegisterEntries.outcomes,
      firstDay: studyRegisterEntries.firstDay,
      completedOn: studyRegisterEntries.completedOn,
      place: studyRegisterEntries.place,
      organisationName: studyRegisterEntries.organisationName,
      code: studyRegisterEntries.verificationCode,
    })
    .from(studyRegisterEntries)
    .where(eq(studyRegisterEntries.verificationCode, reading.code));
  if (entry) return { status: 'genuine', certificate: entry };
  const [withdrawn] = await ctx.db.select().from(withdrawnCertificates).where(eq(withdrawnCertificates.verificationCode, reading.code));
  return withdrawn ? { status: 'withdrawn', code: reading.code, withdrawnAt: withdrawn.withdrawnAt } : { status: 'unknown', code: reading.code };
}
