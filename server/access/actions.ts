import type { Role } from './roles';

/**
 * Who may do what, in one table. A rule allows an action when the actor holds one of its
 * roles in the right scope: `centre` (a centre-wide role), `organisation` (a role anywhere in
 * the target's organisation) or `unitSubtree` (a role on the target's unit or an ancestor of it;
 * on a whole organisation, a unit role there gives access to its part, and lists filter to it) or
 * `own` (as unitSubtree, and only what the actor owns: a trainer's own trainings).
 */
export type Rule =
  | { scope: 'signedIn' }
  | { scope: 'centre'; roles: readonly Role[] }
  | { scope: 'organisation'; roles: readonly Role[] }
  | { scope: 'unitSubtree'; roles: readonly Role[] }
  | { scope: 'own'; roles: readonly Role[] };

const signedIn: Rule = { scope: 'signedIn' };
const centre = (...roles: Role[]): Rule => ({ scope: 'centre', roles });
const organisation = (...roles: Role[]): Rule => ({ scope: 'organisation', roles });
const unitSubtree = (...roles: Role[]): Rule => ({ scope: 'unitSubtree', roles });
const own = (...roles: Role[]): Rule => ({ scope: 'own', roles });
const centreStaff = centre('centre_admin', 'centre_staff');

export const actions = {
  'home.view': [signedIn],
  'account.changePassword': [signedIn],
  'organisation.list': [centreStaff, organisation('org_admin', 'unit_coordinator')],
  'organisation.read': [centreStaff, organisation('org_admin', 'unit_coordinator', 'trainer')],
  'organisation.edit': [centreStaff, organisation('org_admin')],
  'organisation.setCentreContact': [centreStaff],
  'unit.manage': [centreStaff, organisation('org_admin')],
  'unit.list': [centreStaff, organisation('org_admin'), unitSubtree('unit_coordinator', 'trainer')],
  'user.list': [centreStaff, organisation('org_admin'), unitSubtree('unit_coordinator')],
  'user.invite': [centreStaff, organisation('org_admin')],
  // Centre staff decide only where the organisation has no admin (checked in the domain).
  'user.approve': [centreStaff, organisation('org_admin')],
  'user.deactivate': [centreStaff, organisation('org_admin')],
  'signIn.unblock': [centreStaff],
  'organisation.create': [centreStaff],
  'organisation.endMembership': [centreStaff],
  'centre.edit': [centre('centre_admin')],
  'centre.viewSignature': [centreStaff],
  'contacts.view': [signedIn],
  'contacts.edit': [centre('centre_admin')],
  'help.view': [signedIn],
  'adminApplication.apply': [organisation('trainer', 'unit_coordinator')],
  'adminApplication.review': [centreStaff],
  'adminRole.giveUp': [centreStaff, organisation('org_admin')],
  'calendar.view': [centreStaff, organisation('org_admin', 'unit_coordinator', 'trainer')],
  'calendar.edit': [centreStaff],
  'calendar.subscribe': [centreStaff, organisation('org_admin', 'unit_coordinator', 'trainer')],
  'announcement.send': [centreStaff],
  // An admin reads those to all admins or to their organisation (filtered in SQL).
  'announcement.read': [centreStaff, organisation('org_admin')],
  'hours.decide': [centreStaff],
  // An admin reads their own organisation's published decisions (checked against the decision).
  'hours.readDecision': [centreStaff, organisation('org_admin')],
  'hours.view': [centreStaff, organisation('org_admin'), unitSubtree('unit_coordinator')],
  'hours.distribute': [organisation('org_admin')],
  'proposal.view': [centreStaff, organisation('org_admin'), unitSubtree('unit_coordinator')],
  'proposal.edit': [organisation('org_admin')],
  // Coordinators fill in the lines delegated to units of their subtree (checked per line).
  'proposal.fillDelegated': [unitSubtree('unit_coordinator')],
  'proposal.return': [centreStaff],
  'hours.request': [organisation('org_admin')],
  'hours.readRequests': [centreStaff, organisation('org_admin')],
  'hours.decideRequest': [centreStaff],
  'training.read': [centreStaff, organisation('org_admin'), unitSubtree('unit_coordinator'), own('trainer')],
  // Plans, edits, submits and cancels; staff follow but the organisation plans its own trainings.
  'training.plan': [organisation('org_admin'), unitSubtree('unit_coordinator'), own('trainer')],
  'participant.read': [centreStaff, organisation('org_admin'), unitSubtree('unit_coordinator'), own('trainer')],
  // Adds (by hand or from a file), removes and moves up the waiting list: those who plan the training.
  'participant.manage': [organisation('org_admin'), unitSubtree('unit_coordinator'), own('trainer')],
  // Ticks who was present (or counts a lecture's groups): those who plan the training.
  'attendance.record': [organisation('org_admin'), unitSubtree('unit_coordinator'), own('trainer')],
  // A training's feedback summary: who follows the training; the organisation's summary: its admins.
  'feedback.read': [centreStaff, organisation('org_admin'), unitSubtree('unit_coordinator'), own('trainer')],
  'feedback.organisationSummary': [centreStaff, organisation('org_admin')],
  // A training's expense report: read by who follows the training, written by who plans it, decided by staff.
  'expenseReport.read': [centreStaff, organisation('org_admin'), unitSubtree('unit_coordinator'), own('trainer')],
  'expenseReport.write': [organisation('org_admin'), unitSubtree('unit_coordinator'), own('trainer')],
  'expenseReport.review': [centreStaff],
  // The organisation's support per training and year: its admins, a coordinator for their units' subtree.
  'support.view': [centreStaff, organisation('org_admin'), unitSubtree('unit_coordinator')],
  // Paying the support: staff make, export, cancel and mark paid the batches; an organisation's
  // admins read the specification of its payments (bank account and every training's support).
  'paymentBatch.manage': [centreStaff],
  // Training models: the organisation's admins write and submit them, staff review; whoever plans
  // trainings in the organisation reads its approved ones (drafts are the admins' and staff's).
  'model.read': [centreStaff, organisation('org_admin', 'unit_coordinator', 'trainer')],
  'model.write': [organisation('org_admin')],
  'model.review': [centreStaff],
  // Results of a training based on a model: marked by who plans it; corrected (within 30 days) by the
  // organisation's admins; its certificates printed by who follows it.
  'result.record': [organisation('org_admin'), unitSubtree('unit_coordinator'), own('trainer')],
  'result.correct': [organisation('org_admin')],
  'certificate.print': [centreStaff, organisation('org_admin'), unitSubtree('unit_coordinator'), own('trainer')],
  // The training strategy: its admins write and publish it; staff read it, and the organisation's
  // centre contact comments on it (checked in the domain against the organisation's contact).
  'strategy.read': [centreStaff, organisation('org_admin')],
  'strategy.write': [organisation('org_admin')],
  'strategy.comment': [centreStaff],
  'paymentSpecification.read': [centreStaff, organisation('org_admin')],
  // Statistics: an organisation's for its admins (a coordinator's for their units' subtree, filtered
  // in SQL); the centre's of all organisations, and its yearly report to the authorities, for staff.
  'statistics.view': [centreStaff, organisation('org_admin'), unitSubtree('unit_coordinator')],
  'statistics.centre': [centreStaff],
  // The centre's logo, the cooperation sentence and the organisation's feed addresses.
  // Badges: the centre's admins define them; an organisation's admin applies for one; staff decide
  // applications, follow what was issued and revoke.
  'badge.read': [centreStaff],
  'badge.define': [centre('centre_admin')],
  'badge.apply': [organisation('org_admin')],
  'badge.review': [centreStaff],
  'marketingKit.view': [centreStaff, organisation('org_admin', 'unit_coordinator', 'trainer')],
  'outbox.read': [centreStaff],
  'audit.read': [centre('centre_admin')],
} as const satisfies Record<string, readonly Rule[]>;

export type Action = keyof typeof actions;

/** Actions that change an organisation's data: refused (403) once its membership has ended. */
export const organisationWrites: ReadonlySet<Action> = new Set<Action>([
  'model.write',
  'organisation.edit',
  'unit.manage',
  'user.invite',
  'user.approve',
  'user.deactivate',
  'organisation.endMembership',
  'adminRole.giveUp',
  'hours.distribute',
  'proposal.edit',
  'proposal.fillDelegated',
  'hours.request',
  'training.plan',
  'participant.manage',
  'attendance.record',
  'expenseReport.write',
  'result.record',
  'result.correct',
  'strategy.write',
  'badge.apply',
]);
export const actionNames = Object.keys(actions) as Action[];
