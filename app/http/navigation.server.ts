import { can } from '../../server/access/permissions';
import type { Actor } from '../../server/access/roles';
import type { NavItem } from '../components/Layout';

/** Only areas that exist and that the actor may open. */
export function navigationFor(actor: Actor): NavItem[] {
  const items: NavItem[] = [{ to: '/', labelKey: 'nav.home' }];
  if (can(actor, 'organisation.list')) items.push({ to: '/organisations', labelKey: 'nav.organisations' });
  // Staff decide every organisation's hours; an admin or coordinator follows their own organisation's.
  const ownHours = actor.grants.find((g) => g.organisationId && can(actor, 'hours.view', { organisationId: g.organisationId }))?.organisationId;
  if (can(actor, 'hours.decide')) items.push({ to: '/hours', labelKey: 'nav.hours' });
  else if (ownHours) items.push({ to: `/organisations/${ownHours}/hours`, labelKey: 'nav.hours' });
  if (can(actor, 'training.read')) items.push({ to: '/trainings', labelKey: 'nav.trainings' });
  if (can(actor, 'expenseReport.review')) items.push({ to: '/expense-reports', labelKey: 'nav.expenseReports' });
  if (can(actor, 'paymentBatch.manage')) items.push({ to: '/payment-batches', labelKey: 'nav.paymentBatches' });
  if (can(actor, 'model.review')) items.push({ to: '/models', labelKey: 'nav.models' });
  if (can(actor, 'statistics.centre')) items.push({ to: '/statistics', labelKey: 'nav.statistics' });
  if (can(actor, 'badge.read')) items.push({ to: '/badges', labelKey: 'nav.badges' });
  if (can(actor, 'calendar.view')) items.push({ to: '/calendar', labelKey: 'nav.calendar' });
  if (can(actor, 'announcement.read')) items.push({ to: '/announcements', labelKey: 'nav.announcements' });
  if (can(actor, 'outbox.read')) items.push({ to: '/outbox', labelKey: 'nav.outbox' });
  if (can(actor, 'audit.read')) items.push({ to: '/audit', labelKey: 'nav.audit' });
  if (can(actor, 'signIn.unblock')) items.push({ to: '/sign-in-blocks', labelKey: 'nav.throttling' });
  if (can(actor, 'centre.edit')) items.push({ to: '/centre', labelKey: 'nav.centre' });
  if (can(actor, 'adminApplication.review')) items.push({ to: '/admin-applications', labelKey: 'nav.adminApplications' });
  items.push({ to: '/contacts', labelKey: 'nav.contacts' });
  items.push({ to: '/help', labelKey: 'nav.help' });
  items.push({ to: '/account', labelKey: 'nav.account' });
  return items;
}
