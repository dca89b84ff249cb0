import { parse } from 'csv-parse/sync';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdjustableClock } from '../../server/clock';
import type { DatabaseHandle } from '../../server/db/client';
import { seedDemoData } from '../../server/seed/demo';
import { authorityReport } from '../../server/statistics/authority-report';
import { tableCsv, tablesXlsx } from '../../server/statistics/export';
import { statisticsOverview } from '../../server/statistics/overview';
import type { StatisticsQuery } from '../../server/statistics/query';
import type { StatisticsTable } from '../../server/statistics/tables';
import { openTestDatabase } from '../support/database';
import { actorByEmail } from '../support/demo';
import { statisticsDataset } from '../support/statistics-data';

let handle: DatabaseHandle;
let ids: Awaited<ReturnType<typeof statisticsDataset>>;
const clock = new AdjustableClock();
const as = async (email: string) => ({ db: handle.db, clock, actor: await actorByEmail(handle.db, email) });
const year2027 = (changes: Partial<StatisticsQuery> = {}): StatisticsQuery => ({ firstYear: 2027, lastYear: 2027, organisationId: ids.orgA, unitId: null, type: null, topicClass: null, ...changes });
const rowsOf = (tables: StatisticsTable[], id: StatisticsTable['id']) => tables.find((t) => t.id === id)!.rows;

beforeAll(async () => {
  handle = await openTestDatabase();
  await seedDemoData(handle.db);
  ids = await statisticsDataset(handle.db);
  clock.set(new Date('2027-12-01T10:00:00Z'), { frozen: true });
});
afterAll(() => handle.close());

describe('statistics', () => {
  it('count an organisation’s year: trainings, planned and realised hours, participations, people, first-timers, counted attendance, paid support', async () => {
    const overview = await statisticsOverview(await as('paakayttaja@kll.example'), year2027(), 'fi');
    // T1 6 h + T2 2,22 h + T3 10 h planned; T1 6 h + T3 9 h realised; only T1's batch is paid.
    expect(overview.totals).toEqual({ trainings: 3, plannedHundredths: 1822, realisedHundredths: 1500, supportPaidCents: 5000, participations: 6, people: 5, firstTimers: 2, countedAttendance: 35 });
    // Columns: key, trainings, planned, realised, participations, people, first-timers, counted, support.
    // By name.
    expect(rowsOf(overview.tables, 'units')).toEqual([
      ['Revontulten yhdistys', 1, 600, 600, 3, 3, 1, 0, 5000],
      ['Saariston yhdistys', 1, 1000, 900, 2, 2, 1, 0, 0],
      ['Tunturin yhdistys', 1, 222, 0, 1, 1, 1, 35, 0],
    ]);
    expect(rowsOf(overview.tables, 'types')).toEqual(expect.arrayContaining([['Kurssi', 2, 1600, 1500, 5, 5, 2, 0, 5000], ['Luento tai seminaari', 1, 222, 0, 1, 1, 1, 35, 0]]));
    expect(rowsOf(overview.tables, 'topics')).toEqual(expect.arrayContaining([['Kulttuuri ja taide', 2, 1600, 1500, 5, 5, 2, 0, 5000], ['Terveys ja hyvinvointi', 1, 222, 0, 1, 1, 1, 35, 0]]));
    expect(rowsOf(overview.tables, 'months')).toEqual([
      ['maaliskuu 2027', 2, 1600, 1500, 5, 5, 2, 0, 5000],
      ['huhtikuu 2027', 1, 222, 0, 1, 1, 1, 35, 0],
    ]);
    expect(rowsOf(overview.tables, 'genders')).toEqual([
      ['Nainen', 3, 2, 2],
      ['Mies', 2, 2, 0],
      ['Muu', 0, 0, 0],
      ['Ei kerrottu', 1, 1, 0],
    ]);
    expect(rowsOf(overview.tables, 'ages')).toEqual([
      ['Alle 15-vuotiaat', 1, 1, 0],
      ['15–29-vuotiaat', 0, 0, 0],
      ['30–44-vuotiaat', 2, 1, 1],
      ['45–64-vuotiaat', 2, 2, 1],
      ['65 vuotta täyttäneet', 1, 1, 0],
    ]);
    // Hour use against the 50 hours granted: planned 16 h by March, 18,22 h from April; realised 15 h from March.
    expect(overview.hourUse?.grant).toEqual({ kind: 'grant', hundredths: 5000 });
    expect(overview.hourUse?.planned).toEqual([0, 0, 1600, 1822, 1822, 1822, 1822, 1822, 1822, 1822, 1822, 1822]);
    expect(overview.hourUse?.realised).toEqual([0, 0, 1500, 1500, 1500, 1500, 1500, 1500, 1500, 1500, 1500, 1500]);
    expect(overview.monthly.slice(1, 5)).toEqual([
      { month: '2027-02', trainings: 0, participations: 0 },
      { month: '2027-03', trainings: 2, participations: 5 },
      { month: '2027-04', trainings: 1, participations: 1 },
      { month: '2027-05', trainings: 0, participations: 0 },
    ]);
  });

  it('compare a year with the one before', async () => {
    const overview = await statisticsOverview(await as('paakayttaja@kll.example'), year2027({ firstYear: 2026 }), 'fi');
    // Changes in tenths of a per cent: trainings 1 → 3, realised 4 h → 15 h, participations 1 → 6.
    expect(rowsOf(overview.tables, 'years')).toEqual([
      ['2026', 1, 400, 400, 1, 1, 1, 0, 0, null, null, null],
      ['2027', 3, 1822, 1500, 6, 5, 2, 35, 5000, 2000, 2750, 5000],
    ]);
    // Anna came in both years: one person over the two.
    expect(overview.totals.people).toBe(5);
  });

  it('show a coordinator only their units’ subtree, with the hours allocated to it', async () => {
    const coordinator = await as('yhteyshenkilo@kll.example');
    const overview = await statisticsOverview(coordinator, year2027(), 'fi');
    expect(overview.totals).toMatchObject({ trainings: 2, plannedHundredths: 822, realisedHundredths: 600, participations: 4, people: 3, firstTimers: 1 });
    expect(rowsOf(overview.tables, 'units').map((r) => r[0])).toEqual(['Revontulten yhdistys', 'Tunturin yhdistys']);
    expect(overview.hourUse?.grant).toEqual({ kind: 'allocation', hundredths: 2000 });
    // A sibling district's unit as a filter finds nothing of it.
    const sibling = await statisticsOverview(coordinator, year2027({ unitId: ids.saaristo }), 'fi');
    expect(sibling.totals.trainings).toBe(0);
  });

  it('filter by unit subtree, type and topic class', async () => {
    const admin = await as('paakayttaja@kll.example');
    expect((await statisticsOverview(admin, year2027({ unitId: ids.tunturi }), 'fi')).totals).toMatchObject({ trainings: 1, plannedHundredths: 222, countedAttendance: 35 });
    expect((await statisticsOverview(admin, year2027({ type: 'course' }), 'fi')).totals).toMatchObject({ trainings: 2, realisedHundredths: 1500 });
    expect((await statisticsOverview(admin, year2027({ topicClass: 'health' }), 'fi')).totals).toMatchObject({ trainings: 1, participations: 1 });
  });

  it('give the centre every organisation, a person in two organisations once', async () => {
    const overview = await statisticsOverview(await as('asiantuntija@sivis.example'), year2027({ organisationId: null }), 'fi');
    expect(overview.totals).toEqual({ trainings: 4, plannedHundredths: 2022, realisedHundredths: 1700, supportPaidCents: 6000, participations: 8, people: 6, firstTimers: 3, countedAttendance: 35 });
    expect(rowsOf(overview.tables, 'organisations')).toEqual([
      ['Kansanliikkeiden Liitto ry', 3, 1822, 1500, 6, 5, 2, 35, 5000],
      ['Kulttuuriyhdistysten Keskusliitto ry', 1, 200, 200, 2, 2, 2, 0, 1000],
    ]);
    // The centre's grant line is what all organisations were granted.
    expect(overview.hourUse?.grant).toEqual({ kind: 'grant', hundredths: 5000 });
  });

  it('report the realised year to the authorities by organisation and topic class', async () => {
    const report = await authorityReport(await as('asiantuntija@sivis.example'), 2027, 'fi');
    expect(report.rows.map((r) => [r[0], r[2], ...r.slice(3)])).toEqual([
      ['Kansanliikkeiden Liitto ry', 'Kulttuuri ja taide', 2, 1500, 5, 5, 0],
      ['Kulttuuriyhdistysten Keskusliitto ry', 'Kielet ja viestintä', 1, 200, 2, 2, 0],
      ['Yhteensä', '', 3, 1700, 7, 6, 0],
    ]);
  });

  it('export a table as CSV (BOM, semicolons, decimal commas) and XLSX that read back to the same figures', async () => {
    const overview = await statisticsOverview(await as('paakayttaja@kll.example'), year2027(), 'fi');
    const units = overview.tables.find((t) => t.id === 'units')!;
    const csv = tableCsv(units, 'fi');
    expect(csv.startsWith('\ufeff')).toBe(true);
    const records: string[][] = parse(csv, { bom: true, delimiter: ';' });
    expect(records[0]).toEqual(units.columns.map((c) => c.header));
    expect(records[1]).toEqual(['Revontulten yhdistys', '1', '6,00', '6,00', '3', '3', '1', '0', '50,00']);
    expect(records[3]).toEqual(['Tunturin yhdistys', '1', '2,22', '0,00', '1', '1', '1', '35', '0,00']);
    expect(parse(tableCsv(units, 'en'), { bom: true, delimiter: ';' })[2]).toEqual(['Saariston yhdistys', '1', '10.00', '9.00', '2', '2', '1', '0', '0.00']);
    // A name a spreadsheet would run as a formula stays text.
    const formula = { ...units, rows: [['=HYPERLINK("x")', 1, 0, 0, 0, 0, 0, 0, 0]] };
    expect((parse(tableCsv(formula, 'fi'), { bom: true, delimiter: ';' }) as string[][])[1]![0]).toBe('\'=HYPERLINK("x")');
    const [sheet] = await readXlsxFile(await tablesXlsx([units]));
    expect(sheet!.sheet).toBe('Yksiköittäin');
    expect(sheet!.data[0]).toEqual(units.columns.map((c) => c.header));
    expect(sheet!.data.slice(1)).toEqual([
      ['Revontulten yhdistys', 1, 6, 6, 3, 3, 1, 0, 50],
      ['Saariston yhdistys', 1, 10, 9, 2, 2, 1, 0, 0],
      ['Tunturin yhdistys', 1, 2.22, 0, 1, 1, 1, 35, 0],
    ]);
  });
});
