import { and, asc, count, eq, inArray, isNotNull, lt, ne, notInArray, sql } from 'drizzle-orm';
import { hashToken } from '../../server/access/tokens';
import { type IsoDate, addDays, helsinkiDate, helsinkiInstant } from '../../server/calendar/dates';
import {
  expenseReports,
  feedbackLinks,
  organisations,
  participantProfiles,
  registerConsents,
  roleAssignments,
  sessionAttendance,
  studyRegisterEntries,
  trainingModelVersions,
  trainingModels,
  trainingParticipants,
  trainingResults,
  trainingSessions,
  trainings,
  units,
  users,
  withdrawnCertificates,
} from '../../server/db/schema';
import type { ModelContent } from '../../server/models/content';
import { codeAlphabet, codeBodyLength, withCheckCharacter } from '../../server/register/verification-code';
import type { DataGenerator, GenerateContext } from './context';
import { firstNames, lastNames } from './names';
import { modelCounts } from './models';
import { ascii } from './organisations';
import { emailDomains, gender, municipalities } from './participants';

/** Of the results marked, the passes; the rest failed, each with the trainer's reason. */
const passShare = 0.85;
/** Of the participants who registered themselves, those who ticked the register consent on the form. */
const consentAtRegistration = 0.75;
/** Of those asked by email after passing, those who gave consent by the link (within two weeks). */
const consentByLink = 0.75;
/** Results an organisation's admin corrected within the 30 days (flipped either way). */
const correctionShare = 0.01;
/** Of the people with an email address and a result, those who signed in to the portal; of them, those who withdrew consent. */
const portalShare = 0.05;
const withdrawShare = 0.3;

/**
 * One ended, unreported training of the completed year grown into a large open course (planned
 * for about 860 at scale 1, fewer below it), imported by its trainer from an online platform after
 * the first session: the 500-certificate batch needs a training with 500 register entries,
 * and generated trainings have some eight participants. Its name ends with `openCourseSuffix`, so
 * that the bench finds it by the trainings list's search.
 */
const openCourseSize = 860;
export const openCourseSuffix = 'avoin kurssi';
export const openCourseTarget = (scale: number) => Math.round(openCourseSize * Math.min(1, scale));

const failReasons = [
  'Oppimistehtävä jäi palauttamatta.',
  'Läsnäolo jäi alle vaaditun 80 prosentin.',
  'Harjoitustyö ei vielä täyttänyt osaamistavoitteita; uusi palautus on mahdollinen.',
  'Osallistui vain ensimmäiseen tapaamiseen.',
  'Loppukeskustelu kouluttajan kanssa jäi käymättä.',
  'Oppimispäiväkirja oli puutteellinen eikä sitä täydennetty.',
];
const correctionFailReasons = ['Tehtävä todettiin toisen osallistujan työksi.', 'Läsnäolo oli kirjattu virheellisesti; vaatimus ei täyttynyt.'];

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A certificate code like newVerificationCode()'s, its random characters drawn from the seed so
 * that a seed always gives the same rows.
 */
function verificationCode(ctx: GenerateContext, taken: Set<string>): string {
  for (;;) {
    let body = '';
    for (let i = 0; i < codeBodyLength; i++) body += codeAlphabet[ctx.random.int(0, 31)];
    const code = withCheckCharacter(body);
    if (!taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
}

/** A moment on `date` (Helsinki) between the hours, as a volunteer or staff member would work. */
function momentOn(ctx: GenerateContext, date: IsoDate, hours: [number, number]): number {
  const m = ctx.random.int(hours[0] * 60, hours[1] * 60 - 1);
  return helsinkiInstant(date, `${pad(Math.floor(m / 60))}:${pad(m % 60)}`).getTime();
}

interface Grant {
  userId: string;
  organisationId: string;
  unitPath: string | null;
}

/** The active trainers (with their units' paths) and organisation admins, by user id, so that picks are the same for a seed. */
async function activeGrants(ctx: GenerateContext) {
  const rows = await ctx.db
    .select({ userId: roleAssignments.userId, role: roleAssignments.role, organisationId: roleAssignments.organisationId, unitPath: units.path })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .leftJoin(units, eq(units.id, roleAssignments.unitId))
    .where(and(inArray(roleAssignments.role, ['trainer', 'org_admin']), eq(users.status, 'active'), isNotNull(roleAssignments.organisationId)))
    .orderBy(asc(roleAssignments.userId), asc(roleAssignments.id));
  const trainers: Grant[] = rows.filter((r) => r.role === 'trainer' && r.unitPath).map((r) => ({ userId: r.userId, organisationId: r.organisationId!, unitPath: r.unitPath }));
  const adminsOf = new Map<string, string[]>();
  for (const r of rows.filter((row) => row.role === 'org_admin')) adminsOf.set(r.organisationId!, [...(adminsOf.get(r.organisationId!) ?? []), r.userId]);
  /** Whether the user may mark the training's results as its own trainer (planned it, in their unit's subtree). */
  const ownTrainer = (userId: string | null, unitPath: string) => userId !== null && trainers.some((t) => t.userId === userId && unitPath.startsWith(t.unitPath!));
  const trainersFor = (organisationId: string, unitPath: string) => trainers.filter((t) => t.organisationId === organisationId && unitPath.startsWith(t.unitPath!)).map((t) => t.userId);
  const organisationTrainers = (organisationId: string) => trainers.filter((t) => t.organisationId === organisationId).map((t) => t.userId);
  return { adminsOf, ownTrainer, trainersFor, organisationTrainers };
}

/**
 * Grows the open course (see openCourseSize): an ended 2025 training without an expense report and
 * without a limit on places, preferably of a unit that has an active trainer (in it or above) and
 * already based on a model (else based now on its organisation's newest version approved before it
 * was planned, as the models generator does), planned by such a trainer (else handed to one:
 * trainings.created_by and the trainer's entries; where the unit has none, the planner, or another
 * trainer of the organisation, is made a trainer of the unit), preferably in list mode, not asked for feedback and of a large organisation.
 * The imported people are the trainer's entries, after everyone already on it and before the
 * feedback request, ticked present as the others are (and given feedback links where it was asked).
 */
async function growOpenCourse(ctx: GenerateContext, grants: Awaited<ReturnType<typeof activeGrants>>) {
  const today = helsinkiDate(ctx.now);
  const registered = ctx.db
    .select({ trainingId: trainingParticipants.trainingId, n: count().as('n') })
    .from(trainingParticipants)
    .where(eq(trainingParticipants.status, 'registered'))
    .groupBy(trainingParticipants.trainingId)
    .as('registered');
  const candidates = await ctx.db
    .select({
      id: trainings.id,
      organisationId: trainings.organisationId,
      unitId: trainings.unitId,
      unitPath: units.path,
      name: trainings.name,
      modelVersionId: trainings.modelVersionId,
      createdBy: trainings.createdBy,
      createdAt: trainings.createdAt,
      year: trainings.year,
      startsOn: trainings.startsOn,
      attendanceMode: trainings.attendanceMode,
      feedbackRequestedAt: trainings.feedbackRequestedAt,
      plannedParticipants: trainings.plannedParticipants,
      registered: sql<number>`coalesce(${registered.n}, 0)`.mapWith(Number),
    })
    .from(trainings)
    .innerJoin(units, eq(units.id, trainings.unitId))
    .leftJoin(registered, eq(registered.trainingId, trainings.id))
    .where(and(eq(trainings.status, 'ended'), sql`${trainings.capacity} is null`, lt(trainings.endsOn, today), sql`not exists (select 1 from ${expenseReports} where ${expenseReports.trainingId} = ${trainings.id})`))
    .orderBy(asc(trainings.id));
  const approved = await ctx.db
    .select({ id: trainingModelVersions.id, organisationId: trainingModels.organisationId, decidedAt: trainingModelVersions.decidedAt, content: trainingModelVersions.content })
    .from(trainingModelVersions)
    .innerJoin(trainingModels, eq(trainingModels.id, trainingModelVersions.modelId))
    .where(eq(trainingModelVersions.status, 'approved'))
    .orderBy(asc(trainingModelVersions.decidedAt), asc(trainingModelVersions.id));
  const versionFor = (c: (typeof candidates)[number]) =>
    c.modelVersionId ? approved.find((v) => v.id === c.modelVersionId) : approved.filter((v) => v.organisationId === c.organisationId && v.decidedAt! < c.createdAt).at(-1);
  const peopleOf = new Map<string, number>();
  for (const row of await ctx.db.select({ organisationId: roleAssignments.organisationId, n: count() }).from(roleAssignments).where(isNotNull(roleAssignments.organisationId)).groupBy(roleAssignments.organisationId)) {
    peopleOf.set(row.organisationId!, row.n);
  }
  // A trainer who may open it first: without one, its planner could not mark the results.
  const rank = (c: (typeof candidates)[number]) => [
    grants.trainersFor(c.organisationId, c.unitPath).length ? 0 : 1,
    c.modelVersionId ? 0 : 1,
    c.attendanceMode === 'list' ? 0 : 1,
    c.feedbackRequestedAt ? 1 : 0,
    -(peopleOf.get(c.organisationId) ?? 0),
  ];
  const usable = candidates.filter((c) => versionFor(c));
  const course = usable.sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    const i = ra.findIndex((v, k) => v !== rb[k]);
    return i === -1 ? (a.id < b.id ? -1 : 1) : ra[i]! - rb[i]!;
  })[0];
  if (!course) return;
  const version = versionFor(course)!;
  const content = version.content as ModelContent;
  const inOrganisation = grants.organisationTrainers(course.organisationId);
  const owner = grants.ownTrainer(course.createdBy, course.unitPath)
    ? course.createdBy
    : (grants.trainersFor(course.organisationId, course.unitPath)[0] ?? (course.createdBy && inOrganisation.includes(course.createdBy) ? course.createdBy : (inOrganisation[0] ?? null)));
  if (owner && !grants.ownTrainer(owner, course.unitPath)) {
    // Nobody trains in its unit or above: the planner became a trainer of that unit too when planning it.
    await ctx.db.insert(roleAssignments).values({ userId: owner, role: 'trainer', organisationId: course.organisationId, unitId: course.unitId, createdAt: course.createdAt }).onConflictDoNothing();
  }
  const size = Math.max(course.registered, openCourseTarget(ctx.scale));
  await ctx.db
    .update(trainings)
    .set({ name: `${content.name} – ${openCourseSuffix}`, modelVersionId: version.id, learningGoals: content.outcomes.join('\n'), plannedParticipants: Math.max(course.plannedParticipants, size), createdBy: owner })
    .where(eq(trainings.id, course.id));
  if (owner !== course.createdBy) {
    await ctx.db.update(trainingParticipants).set({ createdBy: owner }).where(and(eq(trainingParticipants.trainingId, course.id), eq(trainingParticipants.source, 'trainer')));
  }
  const imported = size - course.registered;
  if (imported <= 0) return;

  const [last] = await ctx.db.select({ at: sql<Date>`max(${trainingParticipants.createdAt})`.mapWith(trainingParticipants.createdAt) }).from(trainingParticipants).where(eq(trainingParticipants.trainingId, course.id));
  // After the first session and everyone already on it, before the feedback request (if any) and the anchor.
  const after = Math.max(last?.at?.getTime() ?? 0, helsinkiInstant(course.startsOn!, '21:00').getTime());
  const before = Math.min(course.feedbackRequestedAt?.getTime() ?? Infinity, ctx.now.getTime()) - hour;
  const importedAt = new Date(Math.min(after + ctx.random.int(60, 48 * 60) * minute, Math.max(after + minute, before)));
  const people: (typeof trainingParticipants.$inferInsert)[] = [];
  for (let i = 0; i < imported; i++) {
    const first = ctx.random.pick(firstNames);
    const lastName = ctx.random.pick(lastNames);
    const roll = ctx.random.next();
    people.push({
      id: ctx.random.uuid(),
      trainingId: course.id,
      organisationId: course.organisationId,
      name: `${first} ${lastName}`,
      // The platform's list has everyone's address; numbered apart from the other generated ones.
      email: `${ascii(first)}.${ascii(lastName)}.k${i + 1}@${ctx.random.pick(emailDomains)}`,
      birthYear: course.year - ctx.random.int(16, 85),
      municipality: ctx.random.pick(municipalities),
      gender: gender(ctx),
      firstTimeThisYear: ctx.random.chance(0.6),
      status: 'registered',
      source: 'trainer',
      consentedAt: null,
      language: roll < 0.07 ? 'sv' : roll < 0.1 ? 'en' : 'fi',
      cancelTokenHash: null,
      createdBy: owner,
      createdAt: importedAt,
      updatedAt: importedAt,
      cancelledAt: null,
    });
  }
  await ctx.insert(trainingParticipants, people);
  if (course.attendanceMode === 'list') {
    const seen = new Set<string>();
    const sessions = (
      await ctx.db
        .select({ date: trainingSessions.date, start: trainingSessions.startTime })
        .from(trainingSessions)
        .where(eq(trainingSessions.trainingId, course.id))
        .orderBy(asc(trainingSessions.date), asc(trainingSessions.startTime))
    ).filter((s) => s.date < today && !seen.has(`${s.date}T${s.start}`) && seen.add(`${s.date}T${s.start}`));
    await ctx.insert(sessionAttendance, (function* () {
      for (const person of people) {
        const likelihood = ctx.random.chance(0.04) ? 0 : 0.65 + 0.35 * ctx.random.next();
        for (const s of sessions) if (ctx.random.chance(likelihood)) yield { trainingId: course.id, participantId: person.id!, sessionDate: s.date, sessionStart: s.start };
      }
    })());
  }
  // Asked for feedback: everyone registered with an address has a link (none of the imported answered).
  if (course.feedbackRequestedAt) {
    const expiresAt = new Date(course.feedbackRequestedAt.getTime() + 30 * day);
    await ctx.insert(feedbackLinks, people.map((p) => ({ id: ctx.random.uuid(), trainingId: course.id, tokenHash: hashToken(ctx.random.uuid()), expiresAt, used: false })));
  }
}

/**
 * Results and the study register of the trainings based on a model whose last day has passed
 * (not drafts or cancelled ones), as the domain (server/register) would have left them: the
 * trainer (or, where the planner may not mark them, an organisation admin) marked every registered
 * participant some days after the last day, about 85 % passed and the rest failed with a reason; a
 * few results were corrected by an admin within the 30 days. A pass is entered at once for those
 * who ticked the consent when registering themselves (75 % of them); the others with an address
 * were asked by a link (its secret's hash stored), and 75 % gave consent within two weeks, which
 * entered them then. A pass corrected to a failure took its entry out, its code answering
 * "withdrawn". About 5 % of the people signed in to the portal (their language saved), and some of
 * those withdrew consent, which cleared whatever was not yet entered. The entries copy what the
 * certificate prints, as server/register/entries.ts writes them.
 */
export const registerGenerator: DataGenerator = {
  name: 'results and the study register',
  rowCount(scale) {
    // At scale 1 some 480 trainings on models with about eight registered: a result each, a consent
    // row for four in five and an entry for two in three; the open course about seven rows a person
    // (the participant, some two presences, the result, the consent and mostly an entry).
    return Math.round((modelCounts(scale).models / 83.5) * 3850 * 2.55 + openCourseTarget(scale) * 7.1);
  },
  async run(ctx) {
    const today = helsinkiDate(ctx.now);
    const now = ctx.now.getTime();
    const grants = await activeGrants(ctx);
    await growOpenCourse(ctx, grants);

    const held = await ctx.db
      .select({
        id: trainings.id,
        organisationId: trainings.organisationId,
        organisationName: organisations.name,
        unitPath: units.path,
        createdBy: trainings.createdBy,
        startsOn: trainings.startsOn,
        endsOn: trainings.endsOn,
        modelVersionId: trainingModelVersions.id,
        content: trainingModelVersions.content,
        creditTenths: trainingModelVersions.creditTenths,
      })
      .from(trainings)
      .innerJoin(trainingModelVersions, eq(trainingModelVersions.id, trainings.modelVersionId))
      .innerJoin(organisations, eq(organisations.id, trainings.organisationId))
      .innerJoin(units, eq(units.id, trainings.unitId))
      .where(and(notInArray(trainings.status, ['draft', 'cancelled']), isNotNull(trainings.startsOn), lt(trainings.endsOn, today)))
      .orderBy(asc(trainings.id));
    if (held.length === 0) return;
    const heldIds = held.map((t) => t.id);
    const peopleOf = new Map<string, { id: string; name: string; email: string; source: string; createdAt: Date; language: 'fi' | 'sv' | 'en' }[]>();
    for (const p of await ctx.db
      .select({ trainingId: trainingParticipants.trainingId, id: trainingParticipants.id, name: trainingParticipants.name, email: trainingParticipants.email, source: trainingParticipants.source, createdAt: trainingParticipants.createdAt, language: trainingParticipants.language })
      .from(trainingParticipants)
      .where(and(inArray(trainingParticipants.trainingId, heldIds), eq(trainingParticipants.status, 'registered')))
      .orderBy(asc(trainingParticipants.trainingId), asc(trainingParticipants.arrival))) {
      const list = peopleOf.get(p.trainingId);
      if (list) list.push(p);
      else peopleOf.set(p.trainingId, [p]);
    }
    // The certificate's place: the first session's that names one.
    const placeOf = new Map<string, string>();
    for (const s of await ctx.db
      .select({ trainingId: trainingSessions.trainingId, place: trainingSessions.place })
      .from(trainingSessions)
      .where(and(inArray(trainingSessions.trainingId, heldIds), ne(trainingSessions.place, '')))
      .orderBy(asc(trainingSessions.trainingId), asc(trainingSessions.date), asc(trainingSessions.startTime))) {
      if (!placeOf.has(s.trainingId)) placeOf.set(s.trainingId, s.place);
    }

    const results: (typeof trainingResults.$inferInsert)[] = [];
    const consents: (typeof registerConsents.$inferInsert)[] = [];
    const entries: (typeof studyRegisterEntries.$inferInsert)[] = [];
    const withdrawn: (typeof withdrawnCertificates.$inferInsert)[] = [];
    const profiles: (typeof participantProfiles.$inferInsert)[] = [];
    const codes = new Set<string>();

    for (const training of held) {
      const people = peopleOf.get(training.id) ?? [];
      if (people.length === 0) continue;
      const content = training.content as ModelContent;
      const admins = grants.adminsOf.get(training.organisationId) ?? [];
      const marker = grants.ownTrainer(training.createdBy, training.unitPath) ? training.createdBy : admins.length ? ctx.random.pick(admins) : null;
      // Marked in one go, mostly within a few days of the last day; a few trainers took weeks.
      const roll = ctx.random.next();
      const delay = roll < 0.7 ? ctx.random.int(1, 3) : roll < 0.95 ? ctx.random.int(4, 14) : ctx.random.int(15, 40);
      // Never before the last of them was entered (the open course's list came in after its first session).
      const latest = Math.max(...people.map((p) => p.createdAt.getTime()));
      let markedAt = Math.max(momentOn(ctx, addDays(training.endsOn!, delay), [10, 22]), latest + ctx.random.int(1, 24) * hour);
      if (markedAt >= now - hour) markedAt = now - ctx.random.int(1, 12) * hour;
      const marked = new Date(markedAt);

      for (const person of people) {
        const hasEmail = person.email !== '';
        const regConsent = person.source === 'registration' && ctx.random.chance(consentAtRegistration);
        const initiallyPassed = ctx.random.chance(passShare);
        const initialReason = initiallyPassed ? '' : ctx.random.pick(failReasons);
        let correctedAt: number | null = null;
        let correctedBy: string | null = null;
        if (ctx.random.chance(correctionShare) && admins.length) {
          const at = momentOn(ctx, addDays(helsinkiDate(marked), ctx.random.int(1, 20)), [9, 16]);
          if (at < now - hour) [correctedAt, correctedBy] = [at, ctx.random.pick(admins)];
        }
        const passed = correctedAt === null ? initiallyPassed : !initiallyPassed;
        const reason = passed ? '' : correctedAt === null ? initialReason : ctx.random.pick(correctionFailReasons);
        const passAt = initiallyPassed ? markedAt : correctedAt;
        const failAt = initiallyPassed && correctedAt !== null ? correctedAt : null;
        const linkDelay = ctx.random.chance(consentByLink) ? Math.floor(ctx.random.next() ** 2 * 14 * day) + ctx.random.int(5, 600) * minute : null;
        let withdrawAt: number | null = null;
        let profileAt: number | null = null;
        if (hasEmail && ctx.random.chance(portalShare)) {
          profileAt = Math.min(markedAt + ctx.random.int(1, 90) * day + ctx.random.int(0, 600) * minute, markedAt + Math.floor(ctx.random.next() * (now - markedAt)));
          if (ctx.random.chance(withdrawShare)) withdrawAt = profileAt;
        }

        // The participation's register state, event by event as the domain would have changed it.
        let consentedAt: number | null = regConsent ? person.createdAt.getTime() : null;
        let requestedAt: number | null = null;
        let tokenHash: string | null = null;
        let entered: { at: number; code: string } | null = null;
        const outcomeAt = (at: number) => passAt !== null && passAt <= at && !(failAt !== null && failAt <= at);
        const events: [number, () => void][] = [];
        if (passAt !== null) {
          events.push([
            passAt,
            () => {
              if (consentedAt !== null) entered = { at: passAt, code: verificationCode(ctx, codes) };
              else if (hasEmail && tokenHash === null) [requestedAt, tokenHash] = [passAt, hashToken(ctx.random.uuid())];
            },
          ]);
          if (linkDelay !== null && passAt + linkDelay < now) {
            const at = passAt + linkDelay;
            events.push([
              at,
              () => {
                if (tokenHash === null || consentedAt !== null || !outcomeAt(at)) return;
                consentedAt = at;
                entered = { at, code: verificationCode(ctx, codes) };
              },
            ]);
          }
        }
        if (failAt !== null) {
          events.push([
            failAt,
            () => {
              if (!entered) return;
              withdrawn.push({ verificationCode: entered.code, withdrawnAt: new Date(failAt) });
              entered = null;
            },
          ]);
        }
        if (withdrawAt !== null) {
          events.push([
            withdrawAt,
            () => {
              if (entered) return;
              [consentedAt, tokenHash] = [null, null];
            },
          ]);
        }
        for (const [, happen] of events.sort((a, b) => a[0] - b[0])) happen();

        results.push({
          participantId: person.id,
          trainingId: training.id,
          outcome: passed ? 'passed' : 'failed',
          justification: reason,
          markedBy: marker,
          markedAt: marked,
          correctedBy,
          correctedAt: correctedAt === null ? null : new Date(correctedAt),
        });
        if (regConsent || requestedAt !== null) {
          consents.push({ participantId: person.id, consentedAt: consentedAt === null ? null : new Date(consentedAt), requestTokenHash: tokenHash, requestedAt: requestedAt === null ? null : new Date(requestedAt) });
        }
        const entry = entered as { at: number; code: string } | null;
        if (entry) {
          entries.push({
            id: ctx.random.uuid(),
            participantId: person.id,
            trainingId: training.id,
            organisationId: training.organisationId,
            modelVersionId: training.modelVersionId,
            personName: person.name,
            personEmail: person.email.toLowerCase(),
            organisationName: training.organisationName,
            modelName: content.name,
            creditTenths: training.creditTenths!,
            outcomes: content.outcomes.filter((o) => o.trim()),
            firstDay: training.startsOn!,
            completedOn: training.endsOn!,
            place: placeOf.get(training.id) ?? '',
            verificationCode: entry.code,
            createdAt: new Date(entry.at),
          });
        }
        if (profileAt !== null) {
          profiles.push({ email: person.email.toLowerCase(), language: person.language, consentWithdrawnAt: withdrawAt === null ? null : new Date(withdrawAt), updatedAt: new Date(profileAt) });
        }
      }
    }
    await ctx.insert(trainingResults, results);
    await ctx.insert(registerConsents, consents);
    await ctx.insert(studyRegisterEntries, entries);
    await ctx.insert(withdrawnCertificates, withdrawn);
    await ctx.insert(participantProfiles, profiles);
  },
};
