import { createHash } from 'node:crypto';
import { type SQL, and, asc, eq, getTableColumns, getTableName, inArray, isNull, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { type IsoDate, addDays, helsinkiDate, helsinkiInstant } from '../../server/calendar/dates';
import { expenseReportDeadline } from '../../server/calendar/windows';
import { type SupportRules, defaultSupportRules } from '../../server/centre/support-rules';
import {
  expenseAuditSeeds,
  expenseReceipts,
  expenseReportEvents,
  expenseReportVersions,
  expenseReports,
  hourTransfers,
  supportRules,
  trainings,
} from '../../server/db/schema';
import { queryRows } from '../../server/db/query-rows';
import { isPickedForAudit } from '../../server/expenses/audit-pick';
import { reportDueOn } from '../../server/expenses/deadlines';
import type { ExpenseReportEventKind, ExpenseReportStatus } from '../../server/expenses/kinds';
import { ratesFor } from '../../server/expenses/reports';
import { type CostItem, type ReportContent, type ReportSession, calculateSupport } from '../../server/expenses/support';
import { teachingHundredths } from '../../server/trainings/teaching-hours';
import { type DataGenerator, type GenerateContext, activeCentreStaffIds, batchSize } from './context';
import { trainingCount } from './volumes';

/**
 * Of the completed year's ended trainings: waiting for review (the training then 'reported'),
 * returned for corrections, and a draft begun; the rest are not reported yet.
 */
const endedShares = { submitted: 0.3, returned: 0.05, draft: 0.08 };
/** First submissions after the due day (4 weeks after the last session), where the January deadline leaves room. */
const lateShare = 0.15;
/** Audited reports waiting for review that already carry receipts (approved audited ones always do). */
const receiptsWaitingShare = 0.6;

type Training = {
  id: string;
  organisationId: string;
  year: number;
  type: string;
  mode: string;
  status: string;
  endsOn: string | null;
  priceCents: number;
  createdBy: string | null;
};
type ReportRow = typeof expenseReports.$inferInsert;
type VersionRow = typeof expenseReportVersions.$inferInsert;
type EventRow = typeof expenseReportEvents.$inferInsert;
type ReceiptRow = typeof expenseReceipts.$inferInsert;
type TransferRow = typeof hourTransfers.$inferInsert;

const trainerFeeTexts = ['Kouluttajan palkkio sivukuluineen', 'Luennoitsijan palkkio ja sivukulut', 'Kouluttajan palkkio ja työnantajamaksut'];
const trainerTravelTexts = ['Kouluttajan matkakulut', 'Kouluttajan kilometrikorvaukset', 'Kouluttajan junaliput'];
const premisesTexts = ['Tilavuokra', 'Tilavuokra ja tekniikka', 'Kokoustilan vuokra', 'Salivuokra ja videotykki'];
const onlineTexts = ['Verkkokokousalustan lisenssi', 'Verkkoalustan käyttömaksu'];
const marketingTexts = ['Ilmoitus paikallislehdessä', 'Esitteiden painatus', 'Kurssimateriaalit', 'Monisteet ja tarvikkeet', 'Somemainonta'];
const participantTravelTexts = ['Osallistujien matkakulut', 'Osallistujien yhteiskuljetus'];
const fundingSources = ['Kunnan kulttuuriavustus', 'Säätiön kohdeavustus', 'Seurakunnan avustus', 'Piirin oma avustus'];
const notes = [
  'Osallistujat toivoivat jatkokurssia.',
  'Tilavuokra jaettiin toisen yhdistyksen kanssa.',
  'Materiaalit tulostettiin yhdistyksen omalla tulostimella.',
  'Kahvitarjoilu katettiin osallistujamaksuilla.',
];
const returnComments = [
  'Liitä kouluttajan palkkiosta palkkalaskelma.',
  'Tilavuokran summa ei vastaa laskua, tarkista se.',
  'Osallistujien matkakuluille puuttuu peruste.',
  'Muun rahoituksen lähde on eriteltävä tarkemmin.',
  'Toteutuneiden kertojen päivämäärät eivät vastaa osallistujalistaa.',
];

/**
 * What became of the ended trainings' reports: the shares exactly (rounded), on trainings picked at
 * random, so that a small data set has each kind too; null where nothing is written yet.
 */
function endedOutcomes(ctx: GenerateContext, ended: Training[]): Map<string, Exclude<ExpenseReportStatus, 'approved' | 'rejected'> | null> {
  const order = ended.map((t) => t.id);
  for (let i = order.length - 1; i > 0; i--) {
    const j = ctx.random.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const counts = { submitted: Math.round(order.length * endedShares.submitted), returned: Math.round(order.length * endedShares.returned), draft: Math.round(order.length * endedShares.draft) };
  const outcomes = [...Array<'submitted'>(counts.submitted).fill('submitted'), ...Array<'returned'>(counts.returned).fill('returned'), ...Array<'draft'>(counts.draft).fill('draft')];
  return new Map(order.map((id, i) => [id, outcomes[i] ?? null]));
}

const hour = 3_600_000;
const day = 24 * hour;
const pad = (n: number) => String(n).padStart(2, '0');
const between = (ctx: GenerateContext, from: number, to: number) => from + Math.floor(ctx.random.next() * Math.max(0, to - from));

const offsets = new Map<IsoDate, number>();
/**
 * A Helsinki wall-clock time on a date, in milliseconds. The zone's offset is looked up once a day
 * (Intl is the slow part of making a report): the times used here lie between 08 and 22 hours, after
 * any daylight-saving change of the night.
 */
function helsinkiAt(date: IsoDate, minuteOfDay: number): number {
  let offset = offsets.get(date);
  if (offset === undefined) {
    offset = helsinkiInstant(date, '12:00').getTime() - Date.parse(`${date}T12:00:00Z`);
    offsets.set(date, offset);
  }
  return Date.parse(`${date}T00:00:00Z`) + minuteOfDay * 60_000 + offset;
}

/** A moment on a Helsinki day between the two hours (a staff decision moves from a weekend to Monday), and its day. */
function onDay(ctx: GenerateContext, date: IsoDate, fromHour: number, toHour: number, weekdays = false): { at: number; on: IsoDate } {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  const on = weekdays && (weekday === 0 || weekday === 6) ? addDays(date, weekday === 6 ? 2 : 1) : date;
  return { at: helsinkiAt(on, ctx.random.int(fromHour * 60, toHour * 60 - 1)), on };
}

/**
 * The day of a report's first submission: within the four weeks it is due in, or for about 15 % late,
 * 4–10 weeks after the last session, but never after the January deadline (which would need staff's
 * permission).
 */
function submissionDay(ctx: GenerateContext, endsOn: IsoDate, finalOn: IsoDate): IsoDate {
  if (ctx.random.chance(lateShare) && addDays(endsOn, 29) <= finalOn) {
    const lateOn = addDays(endsOn, ctx.random.int(29, 70));
    return lateOn <= finalOn ? lateOn : finalOn;
  }
  return addDays(endsOn, ctx.random.int(1, 28));
}

/** A one-page receipt as a small but whole PDF (Helvetica, WinAnsi text, a correct cross-reference table). */
export function receiptPdf(lines: string[]): Buffer {
  const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const text = lines.map((line, i) => `BT /F1 ${i === 0 ? 16 : 11} Tf 56 ${780 - i * 22} Td (${escape(line)}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const euros = (cents: number) => `${Math.floor(cents / 100)},${pad(cents % 100)} EUR`;

/**
 * Rows with jsonb columns in 1 000-row batches as `insert … select from json_populate_recordset($1)`,
 * the jsonb values nested in the JSON as they are: ctx.insert takes this path only for tables of
 * simple columns and would send these through multi-row VALUES, 2–3 times slower here. Every row
 * sets the same columns. (The progress bar does not count these rows.)
 */
async function insertWithJsonb<T extends PgTable>(ctx: GenerateContext, table: T, rows: T['$inferInsert'][]) {
  const columns = getTableColumns(table);
  for (let i = 0; i < rows.length; i += batchSize) {
    const batch = rows.slice(i, i + batchSize) as Record<string, unknown>[];
    const keys = Object.keys(batch[0]!);
    if (batch.some((row) => Object.keys(row).length !== keys.length)) throw new Error(`Every ${getTableName(table)} row of a batch must set the same columns.`);
    const records = batch.map((row) =>
      Object.fromEntries(keys.map((key) => [columns[key]!.name, row[key] === null ? null : columns[key]!.columnType === 'PgJsonb' ? row[key] : columns[key]!.mapToDriverValue(row[key])])),
    );
    const names: SQL = sql.join(
      keys.map((key) => sql.identifier(columns[key]!.name)),
      sql`, `,
    );
    await ctx.db.execute(sql`insert into ${table} (${names}) select ${names} from json_populate_recordset(null::${table}, ${JSON.stringify(records)}::json)`);
  }
}

/**
 * What a trainer reports of a held training: its sessions as planned, the cost items (trainer fees
 * for most, by the teaching hours; premises often, less online; travel, marketing and materials
 * sometimes; participants' travel rarely), participant fees from the price × the adults who came,
 * and now and then other funding.
 */
function reportContent(ctx: GenerateContext, training: Training, sessions: ReportSession[], attendedAdults: number): ReportContent {
  const r = ctx.random;
  const hundredths = teachingHundredths(sessions);
  const cents = (minEuros: number, maxEuros: number) => r.int(minEuros * 100, maxEuros * 100);
  const costs: CostItem[] = [];
  if (r.chance(0.85)) {
    // 35–90 € a teaching hour, with employer costs for a third of them.
    const fee = hundredths > 0 ? Math.round((hundredths * r.int(35, 90) * (r.chance(0.35) ? 1220 : 1000)) / 1000) : cents(100, 400);
    costs.push({ category: 'trainerFees', description: r.pick(trainerFeeTexts), amountCents: fee });
  }
  if (r.chance(0.35)) costs.push({ category: 'trainerTravel', description: r.pick(trainerTravelTexts), amountCents: cents(12, 260) });
  if (training.mode === 'online') {
    if (r.chance(0.25)) costs.push({ category: 'premises', description: r.pick(onlineTexts), amountCents: cents(15, 120) });
  } else if (r.chance(0.7)) {
    costs.push({ category: 'premises', description: r.pick(premisesTexts), amountCents: cents(40, 650) });
  }
  if (r.chance(0.4)) costs.push({ category: 'marketing', description: r.pick(marketingTexts), amountCents: cents(15, 350) });
  if (r.chance(0.08)) costs.push({ category: 'participantTravel', description: r.pick(participantTravelTexts), amountCents: cents(40, 450) });
  if (costs.length === 0) costs.push({ category: 'premises', description: r.pick(premisesTexts), amountCents: cents(40, 300) });
  const costTotal = costs.reduce((sum, c) => sum + c.amountCents, 0);
  const funded = r.chance(0.08);
  return {
    sessions,
    costs,
    participantFeesCents: training.priceCents * Math.max(0, attendedAdults - r.int(0, 2)),
    otherFundingCents: funded ? Math.min(cents(50, 600), Math.round(costTotal * 0.6)) : 0,
    otherFundingSource: funded ? r.pick(fundingSources) : '',
    marketingDeclaration: true,
    notes: r.chance(0.15) ? r.pick(notes) : '',
  };
}

/**
 * Expense reports of the held trainings, as the domain would have left them: for every approved
 * training an approved report (one version, submitted and approved; the audited ones with receipts
 * staff checked before approving), and of the completed year's ended trainings 30 % waiting for review
 * (the training 'reported'), 5 % returned with a comment and 8 % drafts (see endedOutcomes). The support is
 * calculated from the reported sessions and costs with the year's rates, the attendance figure is the
 * one the report page takes, the audit pick is the domain's with a seed per year, and a report is late
 * when first submitted after its due day. The ledger's realisation of each approved training is written
 * again with the report's realised hours (the hours generator, which runs before the sessions exist,
 * realised a share of the reservation): used hours = the report's, the rest released, any excess
 * reserved first from the same source.
 */
export const expensesGenerator: DataGenerator = {
  name: 'expense reports',
  rowCount(scale) {
    // The rows ctx.insert counts: for the reports (about 81 % of the trainings) some 2.1 events each, receipts
    // of the audited tenth and the ledger's realisations. (The reports and versions go in through
    // insertWithJsonb, uncounted.)
    return Math.round(trainingCount(scale) * 0.81 * 2.4);
  },
  async run(ctx) {
    const completed = ctx.now.getUTCFullYear() - 1;
    const limit = ctx.now.getTime();
    const held: Training[] = await ctx.db
      .select({
        id: trainings.id,
        organisationId: trainings.organisationId,
        year: trainings.year,
        type: trainings.type,
        mode: trainings.mode,
        status: trainings.status,
        endsOn: trainings.endsOn,
        priceCents: trainings.priceCents,
        createdBy: trainings.createdBy,
      })
      .from(trainings)
      .leftJoin(expenseReports, eq(expenseReports.trainingId, trainings.id))
      .where(and(inArray(trainings.status, ['approved', 'ended']), isNull(expenseReports.id)))
      .orderBy(asc(trainings.id));
    const chosen = held.filter((t) => t.endsOn && (t.status === 'approved' || t.year === completed));
    // Each training's sessions as the report form starts from them (planSessions' order), one row a training.
    const sessionsOf = new Map(
      (
        await queryRows<{ trainingId: string; sessions: ReportSession[] }>(
          ctx.db,
          sql`select s.training_id as "trainingId",
                     json_agg(json_build_object('date', s.date, 'start', s.start_time, 'end', s.end_time, 'breakMinutes', s.break_minutes) order by s.date, s.start_time, s.id) as sessions
                from training_sessions s
                join trainings t on t.id = s.training_id
               where t.status in ('approved', 'ended')
               group by s.training_id`,
        )
      ).map((row) => [row.trainingId, row.sessions]),
    );
    // The attendance figure of the report page (attendanceSummary): distinct participants of the
    // year's minimum age who came at least once, or for counts the largest session's adults.
    const adults = new Map(
      (
        await queryRows<{ trainingId: string; adults: number }>(
          ctx.db,
          sql`select p.training_id as "trainingId", count(*)::int as adults
                from training_participants p
                join trainings t on t.id = p.training_id
                left join support_rules r on r.year = t.year
               where t.status in ('approved', 'ended') and t.attendance_mode = 'list' and p.birth_year <= t.year - coalesce(r.min_participant_age, 15)
                 and exists (select 1 from session_attendance a where a.participant_id = p.id and a.training_id = p.training_id)
               group by p.training_id
             union all
              select c.training_id, max(c.adults)::int
                from session_attendance_counts c
                join trainings t on t.id = c.training_id
               where t.status in ('approved', 'ended') and t.attendance_mode = 'counts'
               group by c.training_id`,
        )
      ).map((row) => [row.trainingId, row.adults]),
    );
    const years = [...new Set(chosen.map((t) => t.year))].sort((a, b) => a - b);
    const savedRules = new Map((await ctx.db.select().from(supportRules)).map((r) => [r.year, r as SupportRules]));
    const rulesOf = new Map(years.map((y) => [y, savedRules.get(y) ?? defaultSupportRules(y)]));
    const finalOf = new Map<number, IsoDate>();
    for (const y of years) finalOf.set(y, await expenseReportDeadline(ctx.db, y));
    const staff = await activeCentreStaffIds(ctx.db);
    const seedOf = new Map<number, string>();
    for (const y of years) {
      const seed = Buffer.from(Array.from({ length: 32 }, () => ctx.random.int(0, 255))).toString('base64url');
      await ctx.db.insert(expenseAuditSeeds).values({ year: y, seed }).onConflictDoNothing();
    }
    for (const row of await ctx.db.select().from(expenseAuditSeeds).where(inArray(expenseAuditSeeds.year, years.length ? years : [0]))) seedOf.set(row.year, row.seed);

    const reports: ReportRow[] = [];
    const versions: VersionRow[] = [];
    const events: EventRow[] = [];
    const receipts: ReceiptRow[] = [];
    const realised = new Map<string, number>();
    let receiptNumber = 0;
    // A receipt for each cost item, uploaded by the trainer while writing the report.
    const attachReceipts = (reportId: string, items: CostItem[], by: string | null, from: number, to: number) => {
      for (const item of items) {
        const bytes = receiptPdf(['Kuitti', `Nro ${++receiptNumber}`, item.description, `Summa ${euros(item.amountCents)}`, 'Generoitu esimerkki, ei oikea tosite']);
        receipts.push({
          id: ctx.random.uuid(),
          reportId,
          fileName: `kuitti-${receiptNumber}.pdf`,
          mimeType: 'application/pdf',
          sizeBytes: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          content: bytes.toString('base64'),
          uploadedBy: by,
          uploadedAt: new Date(between(ctx, from, to)),
        });
      }
    };
    const event = (reportId: string, kind: ExpenseReportEventKind, version: number, actorUserId: string | null, at: Date, comment = '') => events.push({ reportId, kind, version, comment, actorUserId, at });

    const endedOutcome = endedOutcomes(ctx, chosen.filter((t) => t.status === 'ended'));
    for (const training of chosen) {
      const endsOn = training.endsOn!;
      const outcome = training.status === 'approved' ? 'approved' : endedOutcome.get(training.id)!;
      if (!outcome) continue;
      const rules = rulesOf.get(training.year)!;
      const sessions = sessionsOf.get(training.id) ?? [];
      const attendedAdults = adults.get(training.id) ?? 0;
      const content = reportContent(ctx, training, sessions, attendedAdults);
      const id = ctx.random.uuid();
      // Nothing later than the anchor: the last possible moment is shortly before it.
      const latest = limit - 2 * hour;
      const earliest = Math.min(helsinkiAt(addDays(endsOn, 1), 8 * 60), latest - 2 * hour);
      const base = {
        id,
        trainingId: training.id,
        organisationId: training.organisationId,
        year: training.year,
        latePermittedAt: null,
        latePermittedBy: null,
      };
      if (outcome === 'draft') {
        const createdAt = between(ctx, earliest, latest);
        const draft = { ...content, costs: content.costs.slice(0, ctx.random.int(0, content.costs.length)), marketingDeclaration: false, notes: '' };
        reports.push({
          ...base,
          status: 'draft',
          content: draft,
          version: 0,
          realisedHundredths: 0,
          supportCents: 0,
          audit: false,
          late: false,
          firstSubmittedAt: null,
          submittedAt: null,
          receiptsCheckedAt: null,
          receiptsCheckedBy: null,
          decidedAt: null,
          decidedBy: null,
          createdAt: new Date(createdAt),
          updatedAt: new Date(between(ctx, createdAt, Math.min(latest, createdAt + 3 * day))),
        });
        continue;
      }
      let { at: submitted, on: submittedDay } = onDay(ctx, submissionDay(ctx, endsOn, finalOf.get(training.year)!), 8, 22);
      if (submitted >= latest) {
        submitted = between(ctx, earliest, latest);
        submittedDay = helsinkiDate(new Date(submitted));
      }
      const late = submittedDay > reportDueOn(endsOn, finalOf.get(training.year)!);
      const createdAt = Math.max(Math.min(earliest, submitted), submitted - ctx.random.int(0, 10) * day);
      const breakdown = calculateSupport(ratesFor(rules, training.type), teachingHundredths(content.sessions), content.costs, content.otherFundingCents);
      const audit = isPickedForAudit(seedOf.get(training.year)!, id, rules.auditShareBasisPoints);
      const decider = staff.length ? ctx.random.pick(staff) : null;
      let decided: number | null = null;
      if (outcome !== 'submitted') {
        decided = onDay(ctx, addDays(submittedDay, ctx.random.int(1, 21)), 8, 17, true).at;
        if (decided >= limit) decided = between(ctx, submitted + 10 * 60_000, limit - 60_000);
      }
      let receiptsChecked: number | null = null;
      event(id, 'submitted', 1, training.createdBy, new Date(submitted));
      if (audit && (outcome === 'approved' || ctx.random.chance(receiptsWaitingShare))) {
        // Receipts attached while writing (before submitting); an approved audited report had them checked first.
        const items = outcome === 'approved' ? content.costs : content.costs.slice(0, ctx.random.int(1, content.costs.length));
        attachReceipts(id, items, training.createdBy, createdAt, submitted);
        if (outcome === 'approved') {
          receiptsChecked = between(ctx, submitted + 60_000, decided! - 60_000);
          event(id, 'receiptsChecked', 1, decider, new Date(receiptsChecked));
        }
      }
      if (outcome === 'approved') {
        event(id, 'approved', 1, decider, new Date(decided!));
        realised.set(training.id, breakdown.realisedHundredths);
      }
      if (outcome === 'returned') event(id, 'returned', 1, decider, new Date(decided!), ctx.random.pick(returnComments));
      versions.push({ id: ctx.random.uuid(), reportId: id, version: 1, content, breakdown, attendedAdults, submittedAt: new Date(submitted), submittedBy: training.createdBy });
      reports.push({
        ...base,
        status: outcome,
        content,
        version: 1,
        realisedHundredths: breakdown.realisedHundredths,
        supportCents: breakdown.supportCents,
        audit,
        late,
        firstSubmittedAt: new Date(submitted),
        submittedAt: new Date(submitted),
        receiptsCheckedAt: receiptsChecked === null ? null : new Date(receiptsChecked),
        receiptsCheckedBy: receiptsChecked === null ? null : decider,
        decidedAt: decided === null ? null : new Date(decided),
        decidedBy: decided === null ? null : decider,
        createdAt: new Date(createdAt),
        updatedAt: new Date(decided ?? submitted),
      });
    }

    await insertWithJsonb(ctx, expenseReports, reports);
    await insertWithJsonb(ctx, expenseReportVersions, versions);
    // In the order they happened, so that the ids are too.
    await ctx.insert(expenseReportEvents, events.sort((a, b) => a.at.getTime() - b.at.getTime()));
    await ctx.insert(expenseReceipts, receipts);
    // Waiting for review: the training is reported (a returned one stays ended, as the domain leaves it).
    await ctx.db.execute(
      sql`update ${trainings} set status = 'reported', updated_at = r.submitted_at from ${expenseReports} r where r.training_id = ${trainings.id} and r.status = 'submitted' and ${trainings.status} = 'ended'`,
    );
    await realiseInLedger(ctx, realised);
  },
};

/**
 * Writes each approved training's realisation again with the report's hours, as approving does
 * (realiseReservation): the used hours move from the reservation, the rest goes back to its source,
 * and hours beyond the reservation are first reserved from that source. The hours generator's
 * realisation (a share of the reservation, on its day) is replaced; the day is kept. Refuses to leave
 * a source overdrawn.
 */
async function realiseInLedger(ctx: GenerateContext, realised: Map<string, number>) {
  // The generator's shape: per realised training one reservation, and its used account drawn from the same source.
  const rows = await queryRows<{ trainingId: string; year: number; reservedId: string; usedId: string; sourceId: string; reserved: number; used: number; at: string | Date }>(
    ctx.db,
    sql`select r.training_id as "trainingId", r.year, r.id as "reservedId", u.id as "usedId", r.drawn_from_id as "sourceId",
               (select coalesce(sum(x.hundredths), 0) from hour_transfers x where x.to_account_id = r.id and x.kind = 'reservation')::int as reserved,
               coalesce(sum(x.hundredths) filter (where x.kind = 'realisation'), 0)::int as used,
               min(x.at) filter (where x.kind = 'realisation') as at
          from hour_accounts r
          join hour_accounts u on u.kind = 'used' and u.training_id = r.training_id and u.year = r.year and u.drawn_from_id = r.drawn_from_id
          join hour_transfers x on x.from_account_id = r.id and x.kind in ('realisation', 'release')
         where r.kind = 'reserved'
         group by r.id, u.id
         order by r.training_id, r.id`,
  );
  const mine = rows.filter((row) => realised.has(row.trainingId));
  const perTraining = new Map<string, number>();
  for (const row of mine) perTraining.set(row.trainingId, (perTraining.get(row.trainingId) ?? 0) + 1);
  if ([...perTraining.values()].some((n) => n > 1)) throw new Error('An approved training draws on several sources; the generator realises one reservation a training.');
  const sources = [...new Set(mine.map((row) => row.sourceId))];
  const balance = new Map(
    sources.length
      ? (
          await queryRows<{ account: string; balance: number }>(
            ctx.db,
            sql`select account, sum(delta)::int as balance from (
                  select to_account_id as account, hundredths as delta from hour_transfers
                  union all select from_account_id, -hundredths from hour_transfers
                ) m where account in (select value::uuid from json_array_elements_text(${JSON.stringify(sources)}::json)) group by account`,
          )
        ).map((b) => [b.account, b.balance])
      : [],
  );
  const transfers: TransferRow[] = [];
  for (const row of mine) {
    const hundredths = realised.get(row.trainingId)!;
    const at = new Date(row.at);
    const left = (balance.get(row.sourceId) ?? 0) + row.used - hundredths;
    if (left < 0) throw new Error(`Realising ${hundredths} hundredths for training ${row.trainingId} would overdraw its source.`);
    balance.set(row.sourceId, left);
    const move = (kind: TransferRow['kind'], fromAccountId: string, toAccountId: string, amount: number, reason = '') => {
      if (amount > 0) transfers.push({ year: row.year, kind, fromAccountId, toAccountId, hundredths: amount, at, reason });
    };
    move('reservation', row.sourceId, row.reservedId, hundredths - row.reserved);
    move('realisation', row.reservedId, row.usedId, hundredths);
    move('release', row.reservedId, row.sourceId, row.reserved - hundredths, 'realised');
  }
  const reserved = mine.map((row) => row.reservedId);
  if (reserved.length) {
    await ctx.db.execute(
      sql`delete from ${hourTransfers} where kind in ('realisation', 'release') and from_account_id in (select value::uuid from json_array_elements_text(${JSON.stringify(reserved)}::json))`,
    );
  }
  await ctx.insert(hourTransfers, transfers);
}
