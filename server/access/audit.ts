import { auditLog } from '../db/schema';
import type { Queryable } from '../db/types';
import type { Clock } from '../clock';

export type AuditAction =
  | 'auth.signIn'
  | 'auth.signOut'
  | 'auth.signInFailed'
  | 'auth.passwordChanged'
  | 'auth.signInThrottled'
  | 'auth.throttleCleared'
  | 'auth.passwordResetRequested'
  | 'auth.passwordReset'
  | 'account.registered'
  | 'account.emailVerified'
  | 'account.approved'
  | 'account.rejected'
  | 'account.invited'
  | 'account.invitationAccepted'
  | 'account.deactivated'
  | 'account.reactivated'
  | 'access.roleGranted'
  | 'access.roleRevoked'
  | 'organisation.profileUpdated'
  | 'organisation.imageUploaded'
  | 'unit.created'
  | 'unit.updated'
  | 'unit.moved'
  | 'centre.settingsUpdated'
  | 'centre.supportRulesSaved'
  | 'organisation.created'
  | 'organisation.membershipEnded'
  | 'centre.staffProfileSaved'
  | 'adminApplication.created'
  | 'adminApplication.signed'
  | 'adminApplication.approved'
  | 'adminApplication.rejected'
  | 'calendar.created'
  | 'calendar.eventAdded'
  | 'calendar.eventChanged'
  | 'calendar.eventDeleted'
  | 'calendar.feedCreated'
  | 'calendar.feedRevoked'
  | 'announcement.sent'
  | 'hours.budgetSet'
  | 'hours.decisionDrafted'
  | 'hours.decisionPublished'
  | 'hours.peerQuotaSet'
  | 'hours.allocated'
  | 'hours.takenBack'
  | 'proposal.created'
  | 'proposal.lineSaved'
  | 'proposal.lineDeleted'
  | 'proposal.lineFilled'
  | 'proposal.submitted'
  | 'proposal.returned'
  | 'hours.requested'
  | 'hours.returned'
  | 'hours.requestDecided'
  | 'training.saved'
  | 'training.submitted'
  | 'training.cancelled'
  | 'participant.registered'
  | 'participant.cancelled'
  | 'participant.promoted'
  | 'participant.added'
  | 'participant.removed'
  | 'attendance.recorded'
  | 'attendance.modeChanged'
  | 'feedback.requested'
  | 'expenseReport.saved'
  | 'expenseReport.submitted'
  | 'expenseReport.returned'
  | 'expenseReport.approved'
  | 'expenseReport.rejected'
  | 'expenseReport.receiptsChecked'
  | 'expenseReport.latePermitted'
  | 'expenseReport.receiptAdded'
  | 'expenseReport.receiptRemoved'
  | 'expenseReport.reservationReleased'
  | 'paymentBatch.created'
  | 'paymentBatch.exported'
  | 'paymentBatch.cancelled'
  | 'paymentBatch.paid'
  | 'model.created'
  | 'model.saved'
  | 'model.submitted'
  | 'model.reviewStarted'
  | 'model.returned'
  | 'model.approved'
  | 'model.rejected'
  | 'model.commented'
  | 'model.versionCreated'
  | 'result.recorded'
  | 'result.corrected'
  | 'studyRegister.entered'
  | 'studyRegister.withdrawn'
  | 'studyRegister.consentGiven'
  | 'studyRegister.consentWithdrawn'
  | 'certificate.printed'
  | 'portal.signedIn'
  | 'strategy.created'
  | 'strategy.published'
  | 'strategy.commented'
  | 'badge.created'
  | 'badge.updated'
  | 'badge.applied'
  | 'badge.approved'
  | 'badge.rejected'
  | 'badge.issued'
  | 'badge.revoked';

export interface AuditEntry {
  action: AuditAction;
  actorUserId: string | null;
  targetType?: string;
  targetId?: string;
  organisationId?: string | null;
  details?: Record<string, unknown>;
  ip?: string | null;
}

export async function writeAudit(db: Queryable, clock: Clock, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    at: clock.now(),
    actorUserId: entry.actorUserId,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    organisationId: entry.organisationId ?? null,
    details: entry.details ?? {},
    ip: entry.ip ?? null,
  });
}
