import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import { addDays, helsinkiDate, helsinkiInstant } from '../../server/calendar/dates';
import { organisations, roleAssignments, trainingModelComments, trainingModelVersions, trainingModels, trainings } from '../../server/db/schema';
import { queryRows } from '../../server/db/query-rows';
import { type ModelContent, missingParts } from '../../server/models/content';
import { type ModelStep, nextStatus } from '../../server/models/workflow';
import { type Activity, type ActivityKind, calculateWorkload, thousandthsPerCredit, workPerUnit } from '../../server/models/workload';
import { type DataGenerator, type GenerateContext, activeCentreStaffIds } from './context';
import { organisationCounts } from './organisations';

/**
 * What became of a model, told by its latest version: approved (some after a round of corrections),
 * approved and then changed in a new version (a draft, one waiting for staff, or approved again),
 * waiting for staff (submitted or under review), returned with comments, rejected, or a draft.
 */
type Story = 'approved' | 'approvedThenDraft' | 'approvedThenWaiting' | 'approvedTwice' | 'waiting' | 'returned' | 'rejected' | 'draft';
/** The shares of the stories other than plain approval (which takes the rest), of all models. */
const storyShares: [Story, number][] = [
  ['approvedThenDraft', 0.08],
  ['approvedThenWaiting', 0.06],
  ['approvedTwice', 0.05],
  ['waiting', 0.14],
  ['returned', 0.09],
  ['rejected', 0.04],
  ['draft', 0.08],
];
/** Of the organisations, those with models (1–4 each; the largest organisation 3–4, one approved and one waiting). */
const modelOrganisationShare = 1 / 3;
/** Of the completed years' trainings of an organisation with an approved model, those based on one. */
const basedOnModelShare = 0.1;
/**
 * Versions and comments a model has on average by the shares above (1.19 versions; some 0.72
 * comments: returns, replies, staff questions and a few approval greetings), for rowCount.
 */
const rowsPerModel = 1 + 1.19 + 0.72;

/** How many organisations have models at a scale, and about how many models there are. */
export const modelCounts = (scale: number) => {
  const withModels = Math.max(1, Math.round(organisationCounts(scale).organisationCount * modelOrganisationShare));
  return { withModels, models: (withModels - 1) * 2.5 + 3.5 };
};

interface Theme {
  names: string[];
  targetGroup: string;
  outcomes: string[];
  content: string;
  /** What the lectures are about, and the reading. */
  lectures: string;
  reading: string;
}

const themes: Theme[] = [
  {
    names: ['Puheenjohtajakoulutus', 'Puheenjohtajan tehtävät yhdistyksessä'],
    targetGroup: 'Yhdistysten puheenjohtajat ja varapuheenjohtajat',
    outcomes: [
      'Osaa johtaa hallituksen työskentelyä yhdistyksen sääntöjen mukaisesti',
      'Tuntee yhdistyslain keskeiset velvoitteet',
      'Osaa valmistella esityslistan ja laatia pöytäkirjan',
      'Osaa tukea hallituksen jäsenten yhteistyötä ja tehtävänjakoa',
      'Osaa suunnitella yhdistyksen toimintaa vuosikellon avulla',
    ],
    content: 'Yhdistyslaki ja säännöt, puheenjohtajan tehtävät ja vastuut, hallituksen työskentelytavat sekä päätöksenteko ja sen kirjaaminen.',
    lectures: 'Alustukset yhdistyslaista ja puheenjohtajan vastuista',
    reading: 'Yhdistyksen puheenjohtajan opas',
  },
  {
    names: ['Yhdistyksen taloudenhoito', 'Rahastonhoitajan perusteet'],
    targetGroup: 'Yhdistysten rahastonhoitajat ja taloudesta vastaavat hallituksen jäsenet',
    outcomes: [
      'Osaa laatia yhdistyksen talousarvion',
      'Osaa hoitaa yhdistyksen kirjanpidon perusteet',
      'Tuntee tilinpäätöksen ja toiminnantarkastuksen vaiheet',
      'Osaa raportoida taloudesta hallitukselle ymmärrettävästi',
      'Tuntee avustusten hakemisen ja raportoinnin periaatteet',
    ],
    content: 'Talousarvio, kirjanpito, tilinpäätös, toiminnantarkastus sekä avustusten käyttö ja raportointi.',
    lectures: 'Luennot talousarviosta ja kirjanpidosta',
    reading: 'Yhdistyksen taloudenhoidon käsikirja',
  },
  {
    names: ['Järjestöviestinnän perusteet', 'Yhdistyksen viestintä ja some'],
    targetGroup: 'Yhdistysten viestinnästä vastaavat ja viestinnästä kiinnostuneet jäsenet',
    outcomes: [
      'Osaa laatia yhdistykselle viestintäsuunnitelman',
      'Osaa kirjoittaa selkeän tiedotteen',
      'Osaa käyttää sosiaalista mediaa yhdistyksen toiminnan esittelyyn',
      'Tuntee saavutettavan viestinnän periaatteet',
      'Osaa arvioida viestinnän onnistumista',
    ],
    content: 'Viestinnän suunnittelu, kohderyhmät ja kanavat, tiedotteen kirjoittaminen, sosiaalinen media ja saavutettavuus.',
    lectures: 'Alustukset viestinnän suunnittelusta ja kanavista',
    reading: 'Järjestöviestinnän opas',
  },
  {
    names: ['Vapaaehtoistoiminnan koordinointi', 'Vapaaehtoisten ohjaajan koulutus'],
    targetGroup: 'Vapaaehtoistoimintaa järjestävät ja vapaaehtoisia ohjaavat',
    outcomes: [
      'Osaa suunnitella vapaaehtoisten tehtävät ja perehdytyksen',
      'Tuntee vapaaehtoistoiminnan vastuut ja vakuutukset',
      'Osaa tukea ja kiittää vapaaehtoisia',
      'Osaa ratkaista ryhmän ristiriitatilanteita rakentavasti',
    ],
    content: 'Vapaaehtoisten rekrytointi, perehdytys ja tuki, vastuut ja vakuutukset sekä ryhmän ohjaaminen.',
    lectures: 'Luennot vapaaehtoistoiminnan periaatteista',
    reading: 'Vapaaehtoistoiminnan käsikirja',
  },
  {
    names: ['Kuoronjohdon perusteet', 'Kuoronjohtajan jatkokoulutus'],
    targetGroup: 'Kuoronjohtajat ja kuoronjohtajiksi aikovat',
    outcomes: [
      'Osaa valmistaa kuoron harjoituksen',
      'Osaa valita ohjelmiston kuoron taitotason mukaan',
      'Hallitsee johtamisen peruseleet',
      'Osaa ohjata äänenavausta ja yhteissoinnin harjoittamista',
    ],
    content: 'Johtamistekniikka, harjoituksen rakenne, äänenkäyttö, ohjelmiston valinta ja esiintymiseen valmistautuminen.',
    lectures: 'Johtamistekniikan ja äänenkäytön opetus',
    reading: 'Kuoronjohdon oppikirja',
  },
  {
    names: ['Digitaidot järjestötyössä', 'Verkkotyökalut yhdistyksen arjessa'],
    targetGroup: 'Yhdistysten aktiivit, jotka haluavat vahvistaa digitaitojaan',
    outcomes: [
      'Osaa käyttää yhteisiä verkkotyötiloja ja pilvitallennusta',
      'Osaa järjestää etätapaamisen ja ohjata sen osallistujia',
      'Tuntee tietoturvan ja tietosuojan perusteet',
      'Osaa pitää yhdistyksen jäsenrekisteriä asianmukaisesti',
    ],
    content: 'Verkkotyötilat, etätapaamiset, tietoturva, tietosuoja ja jäsenrekisterin hoito.',
    lectures: 'Ohjatut esittelyt verkkotyökaluista',
    reading: 'Tietosuojaopas yhdistyksille',
  },
  {
    names: ['Teatteri-ilmaisun ohjaajakoulutus', 'Ilmaisutaidon työpajaohjaaja'],
    targetGroup: 'Harrastajateattereiden ja ilmaisuryhmien ohjaajat',
    outcomes: [
      'Osaa ohjata ryhmälle ilmaisuharjoituksia',
      'Osaa rakentaa lyhyen esityksen ryhmän ideoista',
      'Tuntee improvisaation perustekniikat',
      'Osaa antaa ja vastaanottaa rakentavaa palautetta',
    ],
    content: 'Ilmaisuharjoitukset, improvisaatio, kohtausten rakentaminen, ryhmän ohjaaminen ja palautteen antaminen.',
    lectures: 'Ohjaajan työn alustukset',
    reading: 'Teatteri-ilmaisun ohjaajan opas',
  },
  {
    names: ['Kielikahvilan vetäjäkoulutus', 'Selkokielinen ohjaus'],
    targetGroup: 'Kielikahviloiden ja keskusteluryhmien vapaaehtoiset vetäjät',
    outcomes: [
      'Osaa suunnitella keskusteluryhmän tapaamisen rungon',
      'Osaa tukea eritasoisten puhujien osallistumista',
      'Tuntee selkokielen periaatteet',
      'Osaa ohjata keskustelua kulttuurisesti herkästi',
    ],
    content: 'Keskusteluryhmän ohjaaminen, selkokieli, eritasoiset kielenoppijat ja kulttuurinen moninaisuus.',
    lectures: 'Alustukset kielenoppimisesta ja selkokielestä',
    reading: 'Selkokielen käsikirja',
  },
  {
    names: ['Luontoliikunnan ohjaajakoulutus', 'Luonnossa liikkumisen ohjaaja'],
    targetGroup: 'Luontoliikuntaryhmien vapaaehtoiset ohjaajat',
    outcomes: [
      'Osaa suunnitella turvallisen luontoliikuntatapahtuman',
      'Tuntee jokaisenoikeudet ja -velvollisuudet',
      'Osaa ensiavun perusteet maastossa',
      'Osaa ottaa huomioon eri tavoin liikkuvat osallistujat',
    ],
    content: 'Luontoliikunnan suunnittelu, turvallisuus, jokaisenoikeudet, ensiavun perusteet ja esteettömyys.',
    lectures: 'Luennot turvallisuudesta ja jokaisenoikeuksista',
    reading: 'Luontoliikunnan ohjaajan opas',
  },
  {
    names: ['Hallitustyöskentelyn perusteet', 'Uuden hallituksen jäsenen koulutus'],
    targetGroup: 'Yhdistysten hallitusten uudet jäsenet',
    outcomes: [
      'Tuntee hallituksen jäsenen oikeudet ja vastuut',
      'Osaa osallistua päätöksentekoon ja sen valmisteluun',
      'Ymmärtää toimintasuunnitelman ja talousarvion merkityksen',
      'Osaa perehdyttää seuraajansa tehtävään',
    ],
    content: 'Hallituksen tehtävät, vastuut, päätöksenteko, toimintasuunnitelma ja talousarvio sekä perehdyttäminen.',
    lectures: 'Alustukset hallitustyöskentelystä',
    reading: 'Hallitustyön opas',
  },
  {
    names: ['Vertaisryhmän ohjaajakoulutus', 'Vertaistuen ohjaajan perusteet'],
    targetGroup: 'Vertaisryhmien vapaaehtoiset ohjaajat',
    outcomes: [
      'Osaa käynnistää ja ohjata vertaisryhmän',
      'Tuntee luottamuksellisuuden ja rajojen asettamisen periaatteet',
      'Osaa ohjata osallistujaa tarvittaessa muun tuen piiriin',
      'Osaa huolehtia omasta jaksamisestaan ohjaajana',
    ],
    content: 'Vertaistuen periaatteet, ryhmän vaiheet, luottamuksellisuus, rajat ja ohjaajan jaksaminen.',
    lectures: 'Luennot vertaistuesta ja ryhmän vaiheista',
    reading: 'Vertaisryhmän ohjaajan käsikirja',
  },
];

const assessmentMethods = [
  'Osallistuminen lähiopetukseen ja oppimistehtävä omasta yhdistyksestä',
  'Oppimispäiväkirja ja loppukeskustelu kouluttajan kanssa',
  'Harjoitustyö omalle yhdistykselle ja vertaispalaute',
  'Käytännön ohjausharjoitus ja kouluttajan palaute',
  'Itsearviointi osaamistavoitteita vasten ja kouluttajan palaute',
];
const assessmentCriteria = [
  'Hyväksytty / hylätty: läsnäolo vähintään 80 % ja hyväksytysti palautettu tehtävä.',
  'Hyväksytty suoritus edellyttää osaamistavoitteiden mukaista harjoitustyötä.',
  'Hyväksytty / hylätty; kouluttaja arvioi tehtävän osaamistavoitteita vasten.',
  'Hyväksytty, kun osallistuja on tehnyt kaikki harjoitukset ja oppimistehtävän.',
];
const returnComments = [
  'Kirjoittakaa osaamistavoitteet osallistujan näkökulmasta: mitä hän osaa koulutuksen jälkeen.',
  'Arviointikriteereistä ei selviä, mitä hyväksytty suoritus edellyttää. Täydentäkää ne.',
  'Itsenäisen työskentelyn tuntimäärä on suuri sisältöön nähden; perustelkaa se tai kohtuullistakaa.',
  'Lukemiston sivumäärä ei vastaa mainittua aineistoa, tarkistakaa se.',
  'Kohderyhmä on kuvattu niin laajasti, ettei sen perusteella voi arvioida tavoitteiden tasoa.',
];
const replies = [
  'Korjasimme tavoitteet ja lisäsimme arviointikriteerit.',
  'Kiitos kommenteista, tarkensimme sisällön kuvausta.',
  'Lukemisto on nyt päivitetty vastaamaan käytettävää opasta.',
  'Tehtävän laajuus on tarkistettu kouluttajan kanssa.',
];
const questions = ['Onko kirjallisuus kaikkien osallistujien saatavilla myös verkossa?', 'Toteutetaanko harjoitukset pienryhmissä vai koko ryhmän kesken?', 'Kuka arvioi oppimistehtävät?'];
const answers = ['Kyllä, opas on ladattavissa jäsensivuiltamme.', 'Pienryhmissä, joissa on 4–6 osallistujaa.', 'Kouluttaja arvioi tehtävät ja antaa kirjallisen palautteen.'];
const approvals = ['Hyvin suunniteltu malli, kiitos!', 'Hyväksytty. Muistakaa kertoa osallistujille opintopisteistä.', 'Selkeä ja toteuttamiskelpoinen malli.'];
const rejections = [
  'Malli on ammatillista täydennyskoulutusta, jota opintokeskuksen tuki ei koske.',
  'Sisältö on yhdistyksen sisäistä hallintoa eikä koulutusta; mallia ei voida hyväksyä.',
  'Koulutus on tarkoitettu vain yrityksen henkilöstölle, joten se ei täytä vapaan sivistystyön ehtoja.',
];

type VersionRow = typeof trainingModelVersions.$inferInsert & { id: string; content: ModelContent; status: NonNullable<(typeof trainingModelVersions.$inferInsert)['status']>; updatedAt: Date };
type CommentRow = typeof trainingModelComments.$inferInsert;

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const pad = (n: number) => String(n).padStart(2, '0');
/** Office hours for staff (weekdays), evenings and weekends too for the organisations' volunteers. */
const office: [number, number] = [9, 16];
const evening: [number, number] = [10, 22];

function shuffle<T>(ctx: GenerateContext, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = ctx.random.int(0, i);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** A timed activity of `min`–`max` hours in half hours, or reading of `min`–`max` pages in tens. */
function activity(ctx: GenerateContext, kind: ActivityKind, min: number, max: number, description: string): Activity {
  const reading = kind === 'easyReading' || kind === 'demandingReading';
  return { kind, amount: reading ? ctx.random.int(min / 10, max / 10) * 10 : ctx.random.int(min * 2, max * 2) * 50, description };
}

/** Tops the activities up to one credit with independent work in whole hours, as a planner would to reach the minimum. */
function atLeastOneCredit(ctx: GenerateContext, activities: Activity[]): Activity[] {
  const short = thousandthsPerCredit - calculateWorkload(activities).totalThousandths;
  if (short <= 0) return activities;
  const hours = Math.ceil(short / (workPerUnit.independent * 100)) + ctx.random.int(0, 4);
  return [...activities, { kind: 'independent', amount: hours * 100, description: 'Oppimistehtävä omassa yhdistyksessä' }];
}

/** A model's design on a theme: complete with at least one credit, or (a draft) perhaps missing parts and short of the minimum. */
function designOf(ctx: GenerateContext, theme: Theme, name: string, complete: boolean): ModelContent {
  const r = ctx.random;
  const outcomes = shuffle(ctx, [...theme.outcomes]).slice(0, r.int(3, Math.min(5, theme.outcomes.length)));
  let activities: Activity[] = [activity(ctx, 'lecture', 4, 16, theme.lectures)];
  if (r.chance(0.6)) activities.push(activity(ctx, 'practice', 2, 10, 'Harjoitukset pienryhmissä'));
  if (r.chance(0.35)) activities.push(activity(ctx, 'activityBased', 2, 8, 'Toiminnalliset tehtävät ja case-työskentely'));
  if (r.chance(0.55)) activities.push(activity(ctx, 'independent', 4, 20, 'Etätehtävä omassa yhdistyksessä'));
  if (r.chance(0.5)) activities.push(activity(ctx, 'easyReading', 30, 150, theme.reading));
  if (r.chance(0.15)) activities.push(activity(ctx, 'demandingReading', 20, 60, 'Taustakirjallisuus'));
  const design: ModelContent = {
    name,
    targetGroup: theme.targetGroup,
    outcomes,
    content: theme.content,
    assessmentMethod: r.pick(assessmentMethods),
    assessmentCriteria: r.pick(assessmentCriteria),
    activities,
  };
  if (complete) return { ...design, activities: atLeastOneCredit(ctx, activities) };
  // A draft begun: some of it still unwritten.
  if (r.chance(0.5)) design.assessmentCriteria = '';
  if (r.chance(0.3)) design.assessmentMethod = '';
  if (r.chance(0.3)) activities = activities.slice(0, 1);
  return { ...design, activities };
}

/** A change made after comments or in a new version: an activity adjusted, and perhaps an outcome added. */
function revised(ctx: GenerateContext, theme: Theme, content: ModelContent): ModelContent {
  const changed = ctx.random.int(0, content.activities.length - 1);
  const activities = content.activities.map((a, i) => (i === changed ? { ...a, amount: a.kind.endsWith('Reading') ? a.amount + 10 : a.amount + 100 } : a));
  const unused = theme.outcomes.filter((o) => !content.outcomes.includes(o));
  const outcomes = unused.length && ctx.random.chance(0.5) ? [...content.outcomes, ctx.random.pick(unused)] : content.outcomes;
  return { ...content, outcomes, activities: atLeastOneCredit(ctx, activities) };
}

const figures = (content: ModelContent) => {
  const workload = calculateWorkload(content.activities);
  return { workloadThousandths: workload.totalThousandths, creditTenths: workload.creditTenths };
};

/**
 * Training models of about a third of the organisations, each story told step by step with the
 * domain's transitions (takeModelStep in server/models/models.ts): every version's figures are the
 * calculator's of its content, a submission is complete and worth at least one credit, only the
 * latest version is worked on, and the review thread has the sides' comments. Then about a tenth of
 * those organisations' trainings of the completed years are based on an approved version (the newest
 * approved before the training was planned), their learning goals the model's outcomes.
 */
export const modelsGenerator: DataGenerator = {
  name: 'training models',
  rowCount(scale) {
    return Math.round(modelCounts(scale).models * rowsPerModel);
  },
  async run(ctx) {
    const limit = ctx.now.getTime() - hour;
    const anchorYear = ctx.now.getUTCFullYear();
    const { withModels } = modelCounts(ctx.scale);
    // The largest organisation first (by people, then name, as the organisation list shows them): it always has models.
    const bySize = await queryRows<{ id: string }>(
      ctx.db,
      sql`select o.id from ${organisations} o left join ${roleAssignments} r on r.organisation_id = o.id
           group by o.id order by count(distinct r.user_id) desc, o.name, o.id`,
    );
    if (bySize.length === 0) return;
    const chosen = [bySize[0]!.id, ...shuffle(ctx, bySize.slice(1).map((o) => o.id)).slice(0, withModels - 1)];
    const admins = await ctx.db
      .select({ userId: roleAssignments.userId, organisationId: roleAssignments.organisationId })
      .from(roleAssignments)
      .where(and(eq(roleAssignments.role, 'org_admin'), inArray(roleAssignments.organisationId, chosen)))
      .orderBy(asc(roleAssignments.userId));
    const adminsOf = new Map<string, string[]>();
    for (const a of admins) adminsOf.set(a.organisationId!, [...(adminsOf.get(a.organisationId!) ?? []), a.userId]);
    const staff = await activeCentreStaffIds(ctx.db);

    // Which models each organisation has, and what became of each.
    const planned = chosen.flatMap((organisationId, o) => Array.from({ length: o === 0 ? ctx.random.int(3, 4) : ctx.random.int(1, 4) }, (_, n) => ({ organisationId, n })));
    const rest = planned.length - 2;
    const stories: Story[] = storyShares.flatMap(([story, share]) => Array<Story>(Math.round(rest * share)).fill(story)).slice(0, rest);
    while (stories.length < rest) stories.push('approved');
    shuffle(ctx, stories);
    const storyOf = (i: number): Story => (i === 0 ? 'approved' : i === 1 ? 'waiting' : stories[i - 2]!);

    const models: (typeof trainingModels.$inferInsert)[] = [];
    const versions: VersionRow[] = [];
    const comments: CommentRow[] = [];
    /** A moment on a Helsinki day `minDays`–`maxDays` after `from` (staff on weekdays), never before `from` nor after the limit. */
    const after = (from: number, minDays: number, maxDays: number, hours: [number, number]) => {
      let date = addDays(helsinkiDate(new Date(from)), ctx.random.int(minDays, maxDays));
      const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
      if (hours === office && (weekday === 0 || weekday === 6)) date = addDays(date, weekday === 6 ? 2 : 1);
      const m = ctx.random.int(hours[0] * 60, hours[1] * 60 - 1);
      let at = helsinkiInstant(date, `${pad(Math.floor(m / 60))}:${pad(m % 60)}`).getTime();
      if (at <= from) at = from + ctx.random.int(5, 90) * minute;
      if (at >= limit) at = from < limit ? from + Math.floor(ctx.random.next() * (limit - from)) : from + minute;
      return at;
    };
    /** A moment on a day between the two instants. */
    const during = (from: number, to: number, hours: [number, number]) => after(from, 0, Math.max(0, Math.floor((to - from) / day)), hours);
    const daysBefore = (days: number) => ctx.now.getTime() - days * day;
    const since = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

    const themesOf = new Map(chosen.map((id) => [id, shuffle(ctx, [...themes])]));
    for (const [i, { organisationId, n }] of planned.entries()) {
      const story = storyOf(i);
      const own = adminsOf.get(organisationId) ?? [];
      const admin = () => (own.length ? ctx.random.pick(own) : null);
      const staffer = () => (staff.length ? ctx.random.pick(staff) : null);
      const author = admin();
      const theme = themesOf.get(organisationId)![n % themes.length]!;
      const name = ctx.random.pick(theme.names);
      const modelId = ctx.random.uuid();

      /** A version as the domain keeps it, moved only by the workflow's steps. */
      const version = (number: number, content: ModelContent, at: number) => {
        const row: VersionRow = {
          id: ctx.random.uuid(),
          modelId,
          version: number,
          status: 'draft',
          content,
          ...figures(content),
          submittedAt: null,
          submittedBy: null,
          reviewerId: null,
          decidedAt: null,
          decidedBy: null,
          createdAt: new Date(at),
          updatedAt: new Date(at),
        };
        versions.push(row);
        const take = (step: ModelStep, when: number, actor: string | null, input: { content?: ModelContent; comment?: string; side?: 'centre' | 'organisation' } = {}) => {
          const next = nextStatus(row.status, step);
          if (!next || next === 'newDraft') throw new Error(`The generator took ${step} on a ${row.status} model version.`);
          const now = new Date(Math.min(Math.max(when, row.updatedAt.getTime() + minute), ctx.now.getTime() - minute));
          const changed = input.content ?? row.content;
          if (step === 'submit' && (missingParts(changed).length || figures(changed).creditTenths === null)) throw new Error('The generator submitted an incomplete model.');
          row.status = next;
          row.updatedAt = now;
          if (step === 'save' || step === 'submit') Object.assign(row, { content: changed, ...figures(changed) });
          if (step === 'submit') Object.assign(row, { submittedAt: now, submittedBy: actor });
          if (step === 'startReview') row.reviewerId = actor;
          if (step === 'approve' || step === 'reject' || step === 'return') Object.assign(row, { decidedAt: now, decidedBy: actor });
          const fromCentre = step === 'startReview' || step === 'return' || step === 'approve' || step === 'reject' || input.side === 'centre';
          if (input.comment) comments.push({ versionId: row.id, side: fromCentre ? 'centre' : 'organisation', authorUserId: actor, body: input.comment, at: now });
          return now.getTime();
        };
        return { row, take, last: () => row.updatedAt.getTime() };
      };

      /**
       * Written and sent in (with the share `correctionRound` returned once, corrected and sent again),
       * then reviewed and decided as `outcome`, or left waiting. A version left waiting is sent in (for
       * the last time) within `window`.
       */
      const throughReview = (v: ReturnType<typeof version>, outcome: 'approve' | 'reject' | 'return' | 'wait', correctionRound = 0, window?: [number, number]) => {
        if (ctx.random.chance(0.6)) v.take('save', after(v.last(), 0, 10, evening), author);
        const lastSubmission = (from: number) => (window ? during(Math.max(from, window[0]), window[1], evening) : after(from, 1, 30, evening));
        const review = (at: number) => (ctx.random.chance(outcome === 'wait' ? 0.4 : 0.6) ? v.take('startReview', after(at, 1, 10, office), staffer()) : at);
        let at: number;
        if (ctx.random.chance(correctionRound)) {
          at = review(v.take('submit', after(v.last(), 1, 30, evening), admin()));
          at = v.take('return', after(at, 1, 14, office), staffer(), { comment: ctx.random.pick(returnComments) });
          if (ctx.random.chance(0.5)) at = v.take('comment', after(at, 0, 5, evening), admin(), { comment: ctx.random.pick(replies) });
          at = v.take('save', after(at, 1, 15, evening), admin(), { content: revised(ctx, theme, v.row.content) });
          at = v.take('submit', window ? lastSubmission(at) : after(at, 0, 3, evening), admin());
        } else {
          at = v.take('submit', lastSubmission(v.last()), admin());
        }
        at = review(at);
        if (outcome === 'wait') {
          if (v.row.status === 'inReview' && ctx.random.chance(0.3)) {
            const q = ctx.random.int(0, questions.length - 1);
            at = v.take('comment', after(at, 0, 5, office), staffer(), { comment: questions[q]!, side: 'centre' });
            if (ctx.random.chance(0.5)) v.take('comment', after(at, 0, 4, evening), admin(), { comment: answers[q]! });
          }
        } else if (outcome === 'approve') {
          v.take('approve', after(at, 1, 14, office), staffer(), ctx.random.chance(0.3) ? { comment: ctx.random.pick(approvals) } : {});
        } else if (outcome === 'reject') {
          v.take('reject', after(at, 1, 21, office), staffer(), { comment: ctx.random.pick(rejections) });
        } else {
          at = v.take('return', after(at, 1, 21, office), staffer(), { comment: ctx.random.pick(returnComments) });
          if (ctx.random.chance(0.4)) at = v.take('comment', after(at, 0, 7, evening), admin(), { comment: ctx.random.pick(replies) });
          if (ctx.random.chance(0.5)) v.take('save', after(at, 1, 20, evening), admin(), { content: revised(ctx, theme, v.row.content) });
        }
      };
      /** The next version of an approved one (newVersion: a draft of its content), begun at `at`. */
      const nextVersion = (previous: ReturnType<typeof version>, at: number) => {
        if (nextStatus(previous.row.status, 'newVersion') !== 'newDraft') throw new Error('A new version of a model that is not approved.');
        return version(previous.row.version! + 1, previous.row.content, Math.max(at, previous.last() + minute));
      };

      const startOn = (from: number, to: number) => during(from, to, evening);
      let first: ReturnType<typeof version>;
      if (story === 'approved' || story === 'approvedThenDraft' || story === 'approvedThenWaiting' || story === 'approvedTwice') {
        const latestStart = story === 'approved' ? since(`${anchorYear - 1}-09-30`) : story === 'approvedTwice' ? since(`${anchorYear - 4}-06-30`) : since(`${anchorYear - 3}-06-30`);
        first = version(1, designOf(ctx, theme, name, true), startOn(since(`${anchorYear - 6}-02-01`), latestStart));
        throughReview(first, 'approve', 0.25);
        if (story === 'approvedThenDraft') {
          const second = nextVersion(first, startOn(first.last() + 60 * day, daysBefore(5)));
          if (ctx.random.chance(0.8)) second.take('save', after(second.last(), 0, 5, evening), admin(), { content: revised(ctx, theme, second.row.content) });
        } else if (story === 'approvedThenWaiting') {
          const second = nextVersion(first, startOn(first.last() + 60 * day, daysBefore(70)));
          second.take('save', after(second.last(), 0, 5, evening), admin(), { content: revised(ctx, theme, second.row.content) });
          throughReview(second, 'wait', 0, [daysBefore(60), daysBefore(2)]);
        } else if (story === 'approvedTwice') {
          const second = nextVersion(first, startOn(first.last() + 90 * day, daysBefore(120)));
          second.take('save', after(second.last(), 0, 5, evening), admin(), { content: revised(ctx, theme, second.row.content) });
          throughReview(second, 'approve', 0.25);
        }
      } else if (story === 'waiting') {
        first = version(1, designOf(ctx, theme, name, true), startOn(daysBefore(150), daysBefore(70)));
        throughReview(first, 'wait', 0.2, [daysBefore(60), daysBefore(2)]);
      } else if (story === 'returned') {
        first = version(1, designOf(ctx, theme, name, true), startOn(daysBefore(240), daysBefore(60)));
        throughReview(first, 'return');
      } else if (story === 'rejected') {
        first = version(1, designOf(ctx, theme, name, true), startOn(since(`${anchorYear - 5}-06-01`), daysBefore(45)));
        throughReview(first, 'reject');
      } else {
        first = version(1, designOf(ctx, theme, name, false), startOn(daysBefore(300), daysBefore(3)));
        const saves = ctx.random.int(0, 2);
        for (let s = 0; s < saves; s++) first.take('save', after(first.last(), 0, 14, evening), author);
      }
      models.push({ id: modelId, organisationId, createdBy: author, createdAt: first.row.createdAt });
    }

    await ctx.insert(trainingModels, models);
    await ctx.insert(trainingModelVersions, versions);
    // In the order they were written, so that the ids (the thread's order) are too.
    await ctx.insert(
      trainingModelComments,
      comments.sort((a, b) => a.at.getTime() - b.at.getTime()),
    );

    // Trainings of the completed years based on a model: the newest version approved before the plan was made.
    const modelOrganisation = new Map(models.map((m) => [m.id!, m.organisationId]));
    const approvedOf = new Map<string, VersionRow[]>();
    for (const v of versions.filter((row) => row.status === 'approved').sort((a, b) => a.decidedAt!.getTime() - b.decidedAt!.getTime())) {
      const organisationId = modelOrganisation.get(v.modelId)!;
      approvedOf.set(organisationId, [...(approvedOf.get(organisationId) ?? []), v]);
    }
    if (approvedOf.size === 0) return;
    const plans = await ctx.db
      .select({ id: trainings.id, organisationId: trainings.organisationId, createdAt: trainings.createdAt })
      .from(trainings)
      .where(and(inArray(trainings.organisationId, [...approvedOf.keys()]), lt(trainings.year, anchorYear)))
      .orderBy(asc(trainings.id));
    const based: { id: string; versionId: string; goals: string }[] = [];
    for (const [organisationId, approved] of approvedOf) {
      const own = plans.filter((p) => p.organisationId === organisationId);
      const usable = (p: (typeof own)[number]) => approved.filter((v) => v.decidedAt!.getTime() < p.createdAt.getTime()).at(-1);
      const eligible = shuffle(
        ctx,
        own.filter((p) => usable(p)),
      );
      for (const plan of eligible.slice(0, Math.round(own.length * basedOnModelShare))) {
        const v = usable(plan)!;
        based.push({ id: plan.id, versionId: v.id, goals: v.content.outcomes.join('\n') });
      }
    }
    if (based.length) {
      await ctx.db.execute(
        sql`update ${trainings} t set model_version_id = b.version_id, learning_goals = b.goals
              from json_to_recordset(${JSON.stringify(based.map((b) => ({ id: b.id, version_id: b.versionId, goals: b.goals })))}::json) as b(id uuid, version_id uuid, goals text)
             where t.id = b.id`,
      );
    }
  },
};
