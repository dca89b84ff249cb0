import { type Language, translateDynamic } from '../../app/i18n';
import type { WriteContext } from '../context';
import { type Email, enqueueEmail } from './outbox';

type EmailKey =
  | 'passwordChanged'
  | 'verifyEmail'
  | 'registrationExists'
  | 'registrationToApprove'
  | 'registrationApproved'
  | 'registrationRejected'
  | 'invitation'
  | 'roleAdded'
  | 'passwordReset'
  | 'adminApplicationSigned'
  | 'adminApplicationApproved'
  | 'adminApplicationRejected'
  | 'reminderOpens'
  | 'reminderCloses7'
  | 'reminderCloses1'
  | 'hourDecisionPublished'
  | 'proposalReturned'
  | 'hourRequestReceived'
  | 'hourRequestDecided'
  | 'participantRegistered'
  | 'participantWaiting'
  | 'participantPromoted'
  | 'participantCancelled'
  | 'participantRemoved'
  | 'participantTrainingCancelled'
  | 'participantAlreadyRegistered'
  | 'participantFeedback'
  | 'expenseReportReturned'
  | 'expenseReportApproved'
  | 'expenseReportRejected'
  | 'supportPaid'
  | 'modelSubmitted'
  | 'modelCommented'
  | 'modelReturned'
  | 'modelApproved'
  | 'modelRejected'
  | 'registerConsentRequest'
  | 'registerEntered'
  | 'registerWithdrawn'
  | 'portalSignIn'
  | 'strategyCommented'
  | 'badgeIssued'
  | 'badgeRejected'
  | 'badgeRevoked';

/** The email whose subject and body are `emails.<key>Subject/Body` in the recipient's language. */
export function templatedEmail(to: { email: string; language: Language }, key: EmailKey, params: Record<string, string>): Email {
  return {
    to: to.email,
    subject: translateDynamic(to.language, `emails.${key}Subject`, params),
    bodyText: translateDynamic(to.language, `emails.${key}Body`, params),
  };
}

export async function enqueueTemplatedEmail(ctx: WriteContext, to: { email: string; language: Language }, key: EmailKey, params: Record<string, string>): Promise<void> {
  await enqueueEmail(ctx, templatedEmail(to, key, params));
}
