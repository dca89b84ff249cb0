import { asc, inArray } from 'drizzle-orm';
import { addDays } from '../../server/calendar/dates';
import { templateEvents } from '../../server/calendar/template';
import { announcementOrganisations, announcements, calendarEvents, calendarYears, organisations, roleAssignments, users } from '../../server/db/schema';
import type { DataGenerator } from './context';
import { places } from './names';

const announcementCount = (scale: number) => Math.max(2, Math.round(50 * scale));
const yearsBack = 3;
const ownEventsPerYear = 4;

/** Three created calendars up to the anchor year, with own events, and the centre's announcements of the past year. */
export const calendarGenerator: DataGenerator = {
  name: 'calendars and announcements',
  rowCount(scale) {
    return yearsBack * (1 + templateEvents(2000).length + ownEventsPerYear) + 2 + announcementCount(scale) * 2;
  },
  async run(ctx) {
    const anchorYear = ctx.now.getUTCFullYear();
    const years = Array.from({ length: yearsBack }, (_, i) => anchorYear - yearsBack + 1 + i);
    const existing = new Set((await ctx.db.select({ year: calendarYears.year }).from(calendarYears).where(inArray(calendarYears.year, years))).map((r) => r.year));
    const authorId = ctx.random.uuid();
    await ctx.insert(users, [{ id: authorId, email: 'tiedottaja@sivis-generoitu.example', name: 'Tiina Tiedottaja', status: 'active', createdAt: ctx.now }]);
    await ctx.insert(roleAssignments, [{ id: ctx.random.uuid(), userId: authorId, role: 'centre_staff', organisationId: null, unitId: null, createdAt: ctx.now }]);
    for (const year of years.filter((y) => !existing.has(y))) {
      await ctx.insert(calendarYears, [{ year, createdAt: new Date(Date.UTC(year - 1, 11, 1)), createdBy: authorId }]);
      const own = Array.from({ length: ownEventsPerYear }, () => {
        const startsOn = addDays(`${year}-01-01`, ctx.random.int(0, 350));
        const place = ctx.random.pick(places);
        return { window: null, startsOn, endsOn: addDays(startsOn, ctx.random.int(0, 2)), titleFi: `Aluetapaaminen, ${place}`, titleSv: `Regionmöte, ${place}` };
      });
      const events = [...templateEvents(year), ...own].map((e) => ({ id: ctx.random.uuid(), year, ...e, updatedAt: new Date(Date.UTC(year - 1, 11, 1)) }));
      await ctx.insert(calendarEvents, events);
    }
    const organisationIds = (await ctx.db.select({ id: organisations.id }).from(organisations).orderBy(asc(organisations.businessId))).map((o) => o.id);
    const rows: (typeof announcements.$inferInsert)[] = [];
    const links: (typeof announcementOrganisations.$inferInsert)[] = [];
    for (let i = 0; i < announcementCount(ctx.scale); i++) {
      const id = ctx.random.uuid();
      const chosen = ctx.random.chance(0.3) ? [...new Set(Array.from({ length: ctx.random.int(1, 5) }, () => ctx.random.pick(organisationIds)))] : [];
      for (const organisationId of chosen) links.push({ announcementId: id, organisationId });
      const place = ctx.random.pick(places);
      rows.push({
        id,
        subjectFi: `Koulutuspäivä, ${place}`,
        subjectSv: `Utbildningsdag, ${place}`,
        bodyFi: `Tervetuloa opintokeskuksen koulutuspäivään (${place}). Ilmoittautuminen sähköpostilla.`,
        bodySv: `Välkommen till studiecentralens utbildningsdag (${place}). Anmälan per e-post.`,
        audience: chosen.length ? 'organisations' : 'allAdmins',
        // About two admins an organisation, as generated.
        recipientCount: 2 * (chosen.length || organisationIds.length),
        sentBy: authorId,
        sentAt: new Date(ctx.now.getTime() - ctx.random.int(0, 365) * 86_400_000),
      });
    }
    await ctx.insert(announcements, rows);
    await ctx.insert(announcementOrganisations, links);
  },
};
