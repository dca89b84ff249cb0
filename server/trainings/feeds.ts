import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import ical from 'ical-generator';
import { type Language, translateDynamic } from '../../app/i18n';
import { helsinkiDate, helsinkiInstant } from '../calendar/dates';
import { getCentreSettings } from '../centre/settings';
import type { DomainContext } from '../context';
import { organisations, trainingSessions, trainings } from '../db/schema';
import { listed } from './public-calendar';

/** At most this many trainings in a feed: a website shows what is coming, not the archive. */
const feedLimit = 500;

/** An organisation's public trainings that have not ended, with their sessions; null for an unknown organisation. */
async function feedTrainings(ctx: DomainContext, organisationId: string) {
  const [organisation] = await ctx.db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId));
  if (!organisation) return null;
  const rows = await ctx.db
    .select({
      id: trainings.id,
      name: trainings.name,
      description: trainings.description,
      type: trainings.type,
      mode: trainings.mode,
      topicClass: trainings.topicClass,
      region: trainings.region,
      status: trainings.status,
      startsOn: trainings.startsOn,
      endsOn: trainings.endsOn,
      priceCents: trainings.priceCents,
      updatedAt: trainings.updatedAt,
    })
    .from(trainings)
    .where(and(eq(trainings.organisationId, organisationId), listed, gte(trainings.endsOn, helsinkiDate(ctx.clock.now()))))
    .orderBy(asc(trainings.startsOn), asc(trainings.id))
    .limit(feedLimit);
  const sessions = rows.length
    ? await ctx.db
        .select()
        .from(trainingSessions)
        .where(
          inArray(
            trainingSessions.trainingId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(trainingSessions.date), asc(trainingSessions.startTime))
    : [];
  return {
    organisation,
    trainings: rows.map((row) => ({ ...row, sessions: sessions.filter((s) => s.trainingId === row.id) })),
  };
}

const trainingUrl = (publicUrl: string, id: string) => `${publicUrl}/training-calendar/${id}`;

/** The JSON feed a member organisation's website reads (CORS-open, no personal data). */
export async function organisationJsonFeed(ctx: DomainContext, organisationId: string, language: Language, links: { publicUrl: string }) {
  const [feed, centre] = await Promise.all([feedTrainings(ctx, organisationId), getCentreSettings(ctx)]);
  if (!feed) return null;
  return {
    organisation: feed.organisation,
    generatedAt: ctx.clock.now().toISOString(),
    cooperation: translateDynamic(language, 'marketing.sentence', { organisation: feed.organisation.name, centre: centre?.name ?? '' }),
    trainings: feed.trainings.map((t) => ({
      id: t.id,
      name: t.name,
      description: t.description,
      type: t.type,
      mode: t.mode,
      topicClass: t.topicClass,
      region: t.region || null,
      startsOn: t.startsOn,
      endsOn: t.endsOn,
      priceCents: t.priceCents,
      url: trainingUrl(links.publicUrl, t.id),
      sessions: t.sessions.map((s) => ({ date: s.date, start: s.startTime, end: s.endTime, place: s.place })),
    })),
  };
}

/** The same trainings as iCalendar: one event per session, in UTC (Helsinki wall-clock times converted). */
export async function organisationIcsFeed(ctx: DomainContext, organisationId: string, language: Language, links: { publicUrl: string }) {
  const feed = await feedTrainings(ctx, organisationId);
  if (!feed) return null;
  const host = new URL(links.publicUrl).hostname;
  const calendar = ical({
    name: feed.organisation.name,
    prodId: { company: 'Sivisverkko', product: 'koulutuskalenteri', language: language.toUpperCase() },
    ttl: 3600,
  });
  const online = translateDynamic(language, 'publicCalendar.online');
  for (const training of feed.trainings) {
    training.sessions.forEach((session, index) => {
      calendar.createEvent({
        id: `${training.id}-${index + 1}@${host}`,
        start: helsinkiInstant(session.date, session.startTime),
        end: helsinkiInstant(session.date, session.endTime),
        stamp: training.updatedAt,
        summary: training.name,
        description: training.description || undefined,
        location: session.place || (training.mode === 'online' ? online : undefined),
        url: trainingUrl(links.publicUrl, training.id),
      });
    });
  }
  return calendar.toString();
}
