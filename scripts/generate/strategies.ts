import { asc, eq, inArray } from 'drizzle-orm';
import { helsinkiInstant } from '../../server/calendar/dates';
import { organisations, roleAssignments, trainingStrategies, trainingStrategyComments, trainingStrategyVersions } from '../../server/db/schema';
import type { DevelopmentTarget, StrategyContent } from '../../server/strategy/content';
import { type DataGenerator, type GenerateContext, activeCentreStaffIds } from './context';
import { organisationCounts } from './organisations';

/** Of the organisations, those with a training strategy for 2024–2027 (some also the one before, 2020–2023). */
const strategyShare = 0.6;
const earlierShare = 0.3;
/** Versions a strategy has (1–3), and the chance a version has a comment from the centre contact. */
const commentShare = 0.4;
const rowsPerOrganisation = strategyShare * (1 + earlierShare) * (1 + 2 + 0.8);

const purposes = [
  'Koulutus on järjestön tärkein keino vahvistaa jäsenyhdistysten osaamista ja toimintakykyä.',
  'Koulutuksella tuemme vapaaehtoisia heidän tehtävissään ja tuomme uusia ihmisiä mukaan toimintaan.',
  'Koulutus toteuttaa järjestön strategian tavoitetta osallistavasta ja yhdenvertaisesta kansalaistoiminnasta.',
];
const currentStates = [
  'Järjestämme vuosittain kymmeniä kursseja ja luentoja, suurin osa lähiopetuksena alueilla.',
  'Koulutus painottuu hallitustyöhön ja talouteen; verkkokursseja on vielä vähän.',
  'Kouluttajaverkosto on laaja mutta ikääntyvä, ja osallistujat ovat enimmäkseen pitkäaikaisia jäseniä.',
];
const challenges = [
  'Uusien osallistujien tavoittaminen ja kouluttajien saaminen mukaan.',
  'Koulutusten saavutettavuus harvaan asutuilla alueilla.',
  'Osallistujien vaihteleva lähtötaso ja ajanpuute.',
];
const targetPool: DevelopmentTarget[] = [
  { target: 'Uusia kouluttajia', measure: '10 uutta kouluttajaa jaksolla', owner: 'Koulutuspäällikkö', timetable: 'Vuosittain' },
  { target: 'Verkkokursseja', measure: '5 verkkokurssia vuodessa', owner: 'Koulutussuunnittelija', timetable: 'Jakson toisesta vuodesta' },
  { target: 'Uusia osallistujia', measure: 'Kolmannes ensimmäistä kertaa osallistuvia', owner: 'Toiminnanjohtaja', timetable: 'Jakson loppuun' },
  { target: 'Palautteen keruu kaikista koulutuksista', measure: 'Palautetta 70 %:lta osallistujista', owner: 'Koulutuspäällikkö', timetable: 'Heti' },
  { target: 'Koulutusmallien käyttö', measure: '2 hyväksyttyä koulutusmallia', owner: 'Koulutusvaliokunta', timetable: 'Jakson puoliväliin' },
];
const comments = [
  'Kiitos selkeästä strategiasta. Kehittämistavoitteisiin voisi lisätä mittarin osallistujamääristä.',
  'Hyvä kokonaisuus. Miten arviointia tehdään vuosittain?',
  'Strategia on linjassa opintokeskuksen painopisteiden kanssa.',
];

function content(ctx: GenerateContext, version: number): StrategyContent {
  const targets = targetPool.slice(0, ctx.random.int(2, 3) + Math.min(version - 1, 2));
  return {
    purpose: ctx.random.pick(purposes),
    currentState: ctx.random.pick(currentStates),
    challenges: ctx.random.pick(challenges) + (version > 1 ? ' Edellisen version jälkeen kouluttajien saatavuus on parantunut.' : ''),
    targets,
    targetGroups: 'Jäsenyhdistysten hallitukset, vapaaehtoiset ja uudet jäsenet.',
    qualityDevelopment: 'Kouluttajat kokoontuvat kahdesti vuodessa, ja palautteen perusteella koulutuksia kehitetään.',
    evaluation: version > 1 ? 'Strategian toteutumista arvioidaan vuosittain hallituksessa ja koulutusvaliokunnassa.' : 'Strategian toteutumista arvioidaan jakson puolivälissä.',
  };
}

/** Each organisation's first admin, who writes the strategy, by organisation. */
async function writers(ctx: GenerateContext): Promise<Map<string, string>> {
  const rows = await ctx.db
    .select({ organisationId: roleAssignments.organisationId, userId: roleAssignments.userId })
    .from(roleAssignments)
    .where(eq(roleAssignments.role, 'org_admin'))
    .orderBy(asc(roleAssignments.organisationId), asc(roleAssignments.userId));
  const byOrganisation = new Map<string, string>();
  for (const row of rows) if (row.organisationId && !byOrganisation.has(row.organisationId)) byOrganisation.set(row.organisationId, row.userId);
  return byOrganisation;
}

export const strategiesGenerator: DataGenerator = {
  name: 'training strategies',
  rowCount: (scale) => Math.round(organisationCounts(scale).organisationCount * rowsPerOrganisation),
  async run(ctx) {
    const staff = await activeCentreStaffIds(ctx.db);
    const admins = await writers(ctx);
    const organisationIds = (await ctx.db.select({ id: organisations.id }).from(organisations).orderBy(asc(organisations.id))).map((o) => o.id);
    const strategies: (typeof trainingStrategies.$inferInsert)[] = [];
    const versions: (typeof trainingStrategyVersions.$inferInsert)[] = [];
    const threads: (typeof trainingStrategyComments.$inferInsert)[] = [];
    const contactOrganisations = new Map<string, string[]>();
    for (const organisationId of organisationIds) {
      const admin = admins.get(organisationId);
      if (!admin || !ctx.random.chance(strategyShare)) continue;
      // The organisation's contact at the centre, who comments.
      const contact = staff.length ? ctx.random.pick(staff) : null;
      if (contact) contactOrganisations.set(contact, [...(contactOrganisations.get(contact) ?? []), organisationId]);
      const periods: [number, number][] = ctx.random.chance(earlierShare) ? [[2020, 2023], [2024, 2027]] : [[2024, 2027]];
      for (const [firstYear, lastYear] of periods) {
        const id = ctx.random.uuid();
        const count = ctx.random.int(1, 3);
        let latest = content(ctx, 1);
        const createdAt = helsinkiInstant(`${firstYear - 1}-11-${String(ctx.random.int(10, 28)).padStart(2, '0')}`, '14:00');
        let at = new Date(createdAt.getTime() + 7 * 86_400_000);
        // Revisions come a few months to a year apart, none after the generated history's day.
        for (let version = 1; version <= count && at < ctx.now; version++) {
          latest = content(ctx, version);
          const versionId = ctx.random.uuid();
          versions.push({ id: versionId, strategyId: id, version, content: latest, publishedAt: at, publishedBy: admin });
          if (contact && ctx.random.chance(commentShare)) threads.push({ versionId, authorUserId: contact, body: ctx.random.pick(comments), at: new Date(at.getTime() + ctx.random.int(2, 20) * 86_400_000) });
          at = new Date(at.getTime() + ctx.random.int(120, 400) * 86_400_000);
        }
        strategies.push({ id, organisationId, firstYear, lastYear, draft: latest, draftSavedAt: at > ctx.now ? ctx.now : at, draftSavedBy: admin, createdAt, createdBy: admin });
      }
    }
    // One update per staff member (there are few), not per organisation.
    for (const [contact, ids] of contactOrganisations) await ctx.db.update(organisations).set({ centreContactUserId: contact }).where(inArray(organisations.id, ids));
    await ctx.insert(trainingStrategies, strategies);
    await ctx.insert(trainingStrategyVersions, versions);
    await ctx.insert(trainingStrategyComments, threads);
  },
};
