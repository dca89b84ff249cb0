import type { Route } from './+types/home';
import { Link } from 'react-router';
import { LinkCard } from '../components/Card';
import { StatusTag } from '../components/StatusTag';
import { requirePermission } from '../http/authorize.server';
import { useI18n } from '../i18n/react';
import { can } from '../../server/access/permissions';
import { hasCentreRole } from '../../server/access/roles';
import { type ChecklistItem, checklistItems, gettingStarted } from '../../server/organisations/checklist';
import { getOrganisation } from '../../server/organisations/get-organisation';
import { currentAndNextEvents } from '../../server/calendar/timeline';
import { announcementText, listAnnouncements } from '../../server/notifications/announcements';
import { CalendarEventItem } from '../components/CalendarEventItem';
import { HourFigures, HourWarnings } from '../components/Hours';
import { helsinkiDate, yearOf } from '../../server/calendar/dates';
import { organisationHourFigures } from '../../server/hours/monitoring';

export async function loader({ request, context }: Route.LoaderArgs) {
  const ctx = await requirePermission(request, context, 'home.view');
  const { actor } = ctx;
  const roles = [...new Set(actor.grants.map((g) => g.role))];
  const isCentre = hasCentreRole(actor);
  const organisationIds = [...new Set(actor.grants.flatMap((g) => (g.organisationId ? [g.organisationId] : [])))];
  const organisations = isCentre
    ? []
    : (await Promise.all(organisationIds.map((id) => getOrganisation(ctx, id)))).flatMap((o) => (o ? [{ id: o.id, name: o.name }] : []));
  const administered = organisations.filter((o) => can(actor, 'organisation.edit', { organisationId: o.id }));
  const year = yearOf(helsinkiDate(ctx.clock.now()));
  const [checklists, calendar, announcements, hours] = await Promise.all([
    Promise.all(administered.map(async (o) => ({ organisation: o, items: await gettingStarted(ctx, o.id) }))),
    can(actor, 'calendar.view') ? currentAndNextEvents(ctx) : null,
    // Staff write the announcements; the admins they are for see the latest on their front page.
    !isCentre && can(actor, 'announcement.read') ? listAnnouncements(ctx, 1, latestAnnouncements) : null,
    // This year's hours at a glance for each organisation the actor runs.
    Promise.all(administered.map(async (o) => ({ organisation: o, figures: await organisationHourFigures(ctx, o.id, year) }))),
  ]);
  return {
    name: actor.name,
    roles,
    isCentre,
    organisations,
    canListOrganisations: can(actor, 'organisation.list'),
    canReadOutbox: can(actor, 'outbox.read'),
    canReadAudit: can(actor, 'audit.read'),
    canApply: can(actor, 'adminApplication.apply'),
    canReview: can(actor, 'adminApplication.review'),
    canSendAnnouncements: can(actor, 'announcement.send'),
    checklists,
    calendar,
    year,
    hours: hours.filter((h) => h.figures.base > 0),
    announcements: announcements && {
      rows: announcements.rows.map(({ audience: _audience, recipientCount: _count, ...text }) => text),
      more: announcements.total > announcements.rows.length,
    },
  };
}

const latestAnnouncements = 5;

const checklistLinks: Record<ChecklistItem, (id: string) => string> = {
  profile: (id) => `/organisations/${id}/profile`,
  logo: (id) => `/organisations/${id}/images`,
  signature: (id) => `/organisations/${id}/images`,
  internalRules: (id) => `/organisations/${id}/profile`,
  units: (id) => `/organisations/${id}/units`,
  users: (id) => `/organisations/${id}/invite`,
};

function Checklist({ organisation, items }: { organisation: { id: string; name: string }; items: Record<ChecklistItem, boolean> }) {
  const { t } = useI18n();
  const allDone = checklistItems.every((item) => items[item]);
  return (
    <section aria-labelledby={`checklist-${organisation.id}`} className="mb-6 max-w-3xl rounded border border-slate-300 bg-white p-4">
      <h2 id={`checklist-${organisation.id}`} className="mt-0">
        {t('checklist.title')}: {organisation.name}
      </h2>
      {allDone ? (
        <p>{t('checklist.allDone')}</p>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-700">{t('checklist.intro')}</p>
          <ul className="space-y-1">
            {checklistItems.map((item) => (
              <li key={item} className="flex items-center gap-2">
                <StatusTag tone={items[item] ? 'ok' : 'warn'}>{items[item] ? t('checklist.done') : t('checklist.todo')}</StatusTag>
                {items[item] ? t(`checklist.items.${item}`) : <Link to={checklistLinks[item](organisation.id)}>{t(`checklist.items.${item}`)}</Link>}
              </li>
            ))}
          </ul>
          <p className="mt-2 text-sm">
            <Link to="/help/getting-started">{t('help.areas.getting-started.title')}</Link>
          </p>
        </>
      )}
    </section>
  );
}

function HoursSummary({ year, organisation, figures }: { year: number } & Route.ComponentProps['loaderData']['hours'][number]) {
  const { t } = useI18n();
  return (
    <section aria-labelledby={`hours-${organisation.id}`} className="mb-6 max-w-3xl">
      <h2 id={`hours-${organisation.id}`} className="mt-0">
        {t('hours.organisationTitle', { year, organisation: organisation.name })}
      </h2>
      <HourWarnings warnings={figures.warnings} />
      <HourFigures figures={[['granted', figures.base], ['reserved', figures.reserved], ['used', figures.used], ['free', figures.free]] as const} />
      <p className="-mt-4">
        <Link to={`/organisations/${organisation.id}/hours`}>{t('hours.organisationLink')}</Link>
      </p>
    </section>
  );
}

function CalendarSummary({ current, next }: NonNullable<Route.ComponentProps['loaderData']['calendar']>) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="calendar-title" className="mb-6 max-w-3xl">
      <h2 id="calendar-title" className="mt-0">
        {t('home.calendarTitle')}
      </h2>
      <h3 className="text-lg font-semibold">{t('home.calendarNow')}</h3>
      {current.length === 0 ? (
        <p className="mb-3">{t('home.calendarNothingNow')}</p>
      ) : (
        <ul className="mb-3 space-y-2">
          {current.map((event) => (
            <CalendarEventItem key={`${event.year}-${event.id ?? event.window}-${event.startsOn}`} event={event} phase="now" headingLevel={4} />
          ))}
        </ul>
      )}
      {next.length > 0 && (
        <>
          <h3 className="text-lg font-semibold">{t('home.calendarNext')}</h3>
          <ul className="mb-3 space-y-2">
            {next.map((event) => (
              <CalendarEventItem key={`${event.year}-${event.id ?? event.window}-${event.startsOn}`} event={event} phase="upcoming" headingLevel={4} />
            ))}
          </ul>
        </>
      )}
      <p>
        <Link to="/calendar">{t('home.calendarLink')}</Link>
      </p>
    </section>
  );
}

function LatestAnnouncements({ rows, more }: NonNullable<Route.ComponentProps['loaderData']['announcements']>) {
  const { t, language, date } = useI18n();
  return (
    <section aria-labelledby="announcements-title" className="mb-6 max-w-3xl">
      <h2 id="announcements-title">{t('home.announcementsTitle')}</h2>
      {rows.length === 0 ? (
        <p>{t('home.announcementsEmpty')}</p>
      ) : (
        <ul className="mb-2 space-y-1">
          {rows.map((a) => (
            <li key={a.id}>
              <span className="mr-2 tabular-nums text-slate-700">{date(a.sentAt)}</span>
              <Link to={`/announcements/${a.id}`}>{announcementText(a, language).subject}</Link>
            </li>
          ))}
        </ul>
      )}
      {more && (
        <p>
          <Link to="/announcements">{t('home.announcementsAll')}</Link>
        </p>
      )}
    </section>
  );
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { roles, isCentre, organisations } = loaderData;
  const intros = [
    isCentre && t('home.centreIntro'),
    roles.includes('org_admin') && t('home.orgAdminIntro'),
    roles.includes('unit_coordinator') && t('home.coordinatorIntro'),
    roles.includes('trainer') && t('home.trainerIntro'),
    roles.includes('participant') && t('home.participantIntro'),
  ].filter((x): x is string => Boolean(x));
  const orgCardTitle = roles.includes('org_admin') ? t('home.cards.ownOrganisation') : t('home.cards.ownUnit');
  const orgCardText = roles.includes('org_admin') ? t('home.cards.ownOrganisationText') : t('home.cards.ownUnitText');
  return (
    <>
      <title>{`${t('home.title')} – ${t('app.name')}`}</title>
      <h1>{t('home.welcome', { name: loaderData.name })}</h1>
      <section aria-labelledby="roles-title" className="mb-6">
        <h2 id="roles-title" className="mt-0">
          {t('home.yourRoles')}
        </h2>
        {roles.length === 0 ? (
          <p>{t('home.noRoles')}</p>
        ) : (
          <ul className="mb-3 flex flex-wrap gap-2">
            {roles.map((role) => (
              <li key={role} className="rounded bg-brand-100 px-2 py-1 text-brand-900">
                {t(`roles.${role}`)}
              </li>
            ))}
          </ul>
        )}
        {intros.map((intro) => (
          <p key={intro}>{intro}</p>
        ))}
      </section>
      {loaderData.checklists.map(({ organisation, items }) => (
        <Checklist key={organisation.id} organisation={organisation} items={items} />
      ))}
      {loaderData.hours.map((h) => (
        <HoursSummary key={h.organisation.id} year={loaderData.year} {...h} />
      ))}
      {loaderData.announcements && <LatestAnnouncements {...loaderData.announcements} />}
      {loaderData.calendar && <CalendarSummary {...loaderData.calendar} />}
      <section aria-labelledby="tasks-title">
        <h2 id="tasks-title">{t('home.whatYouCanDo')}</h2>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {isCentre && loaderData.canListOrganisations && (
            <LinkCard to="/organisations" title={t('home.cards.organisations')} text={t('home.cards.organisationsText')} />
          )}
          {!isCentre &&
            loaderData.canListOrganisations &&
            organisations.map((o) => <LinkCard key={o.id} to={`/organisations/${o.id}`} title={`${orgCardTitle}: ${o.name}`} text={orgCardText} />)}
          {loaderData.canSendAnnouncements && <LinkCard to="/announcements" title={t('home.cards.announcements')} text={t('home.cards.announcementsText')} />}
          {loaderData.canReadOutbox && <LinkCard to="/outbox" title={t('home.cards.outbox')} text={t('home.cards.outboxText')} />}
          {loaderData.canReadAudit && <LinkCard to="/audit" title={t('home.cards.audit')} text={t('home.cards.auditText')} />}
          {loaderData.canReview && <LinkCard to="/admin-applications" title={t('adminApplication.page.queue')} text={t('adminApplication.page.queueText')} />}
          {loaderData.canApply && <LinkCard to="/admin-application" title={t('adminApplication.page.apply')} text={t('adminApplication.page.applyText')} />}
          <LinkCard to="/account" title={t('home.cards.account')} text={t('home.cards.accountText')} />
        </ul>
      </section>
    </>
  );
}
