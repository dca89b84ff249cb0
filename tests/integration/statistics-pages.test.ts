import { parse } from 'csv-parse/sync';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdjustableClock } from '../../server/clock';
import type { DatabaseHandle } from '../../server/db/client';
import { seedDemoData } from '../../server/seed/demo';
import { openTestDatabase } from '../support/database';
import { actorByEmail } from '../support/demo';
import { type TestServer, startTestServer } from '../support/http-app';
import { statisticsDataset } from '../support/statistics-data';

let handle: DatabaseHandle;
let server: TestServer;
let ids: Awaited<ReturnType<typeof statisticsDataset>>;
const clock = new AdjustableClock();
const year2027 = 'firstYear=2027&lastYear=2027';

async function get(email: string, path: string) {
  const cookie = await server.cookieFor((await actorByEmail(handle.db, email)).userId);
  const response = await fetch(`${server.url}${path}`, { headers: { Cookie: cookie }, redirect: 'manual' });
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: Buffer.from(await response.arrayBuffer()) };
}
const text = (response: { body: Buffer }) => response.body.toString('utf8');

beforeAll(async () => {
  handle = await openTestDatabase();
  await seedDemoData(handle.db);
  ids = await statisticsDataset(handle.db);
  clock.set(new Date('2027-12-01T10:00:00Z'), { frozen: true });
  server = await startTestServer(handle.db, clock);
}, 120_000);
afterAll(async () => {
  await server?.close();
  await handle?.close();
});

describe('the statistics pages', () => {
  it('show the organisation’s figures, both charts with their summaries and tables, and download links', async () => {
    const page = await get('paakayttaja@kll.example', `/organisations/${ids.orgA}/statistics?${year2027}`);
    expect(page.status).toBe(200);
    const html = text(page);
    for (const figure of ['18,22', '15,00', '50,00 €', 'Saariston yhdistys', 'Luennoilla laskettuja']) expect(html).toContain(figure);
    expect(html).toContain('Vuonna 2027 on suunniteltu 18,22 ja toteutunut 15,00 opetustuntia; myönnettyjä tunteja on 50,00, joista suunnitelmat kattavat 36 %.');
    expect(html).toContain('Eniten koulutuksia alkoi kuukautena maaliskuu 2027: 2.');
    expect(html.match(/<svg[^>]*role="img"/g)).toHaveLength(2);
    expect(html).toContain(`/organisations/${ids.orgA}/statistics/export?firstYear=2027&amp;lastYear=2027&amp;table=units&amp;format=csv`);
  });

  it('never show a coordinator the numbers or names of sibling units, on the page or in a download', async () => {
    const page = text(await get('yhteyshenkilo@kll.example', `/organisations/${ids.orgA}/statistics?${year2027}`));
    expect(page).toContain('Revontulten yhdistys');
    expect(page).not.toContain('Saariston yhdistys');
    expect(page).not.toContain('Etelän piiri');
    // Their planned 8,22 hours, not the organisation's 18,22.
    expect(page).toContain('8,22');
    expect(page).not.toContain('18,22');
    const csv = text(await get('yhteyshenkilo@kll.example', `/organisations/${ids.orgA}/statistics/export?${year2027}&table=units&format=csv`));
    expect(parse(csv, { bom: true, delimiter: ';' }).map((r: string[]) => r[0])).toEqual(['Yksikkö', 'Revontulten yhdistys', 'Tunturin yhdistys']);
    const sibling = await get('yhteyshenkilo@kll.example', `/organisations/${ids.orgA}/statistics?${year2027}&unit=${ids.saaristo}`);
    expect(sibling.status).toBe(400);
    expect(text(sibling)).toContain('id="field-unit-error"');
    expect(text(sibling)).not.toContain('Saariston yhdistys');
  });

  it('download a table as XLSX and the centre’s yearly report as CSV', async () => {
    const xlsx = await get('asiantuntija@sivis.example', `/statistics/export?${year2027}&table=organisations&format=xlsx`);
    expect(xlsx.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const [sheet] = await readXlsxFile(xlsx.body);
    expect(sheet!.data.slice(1).map((r) => r.slice(0, 4))).toEqual([
      ['Kansanliikkeiden Liitto ry', 3, 18.22, 15],
      ['Kulttuuriyhdistysten Keskusliitto ry', 1, 2, 2],
    ]);
    const report = await get('asiantuntija@sivis.example', '/statistics/report/download?year=2027&format=csv');
    expect(report.type).toBe('text/csv; charset=utf-8');
    const rows: string[][] = parse(text(report), { bom: true, delimiter: ';' });
    expect(rows.at(-1)).toEqual(['Yhteensä', '', '', '3', '17,00', '7', '6', '0']);
  });

  // GET filter forms are not in the POST bad-input harness: the same kinds of bad input, here.
  const scriptValue = '<script>alert("x")</script>';
  const badFilters: [string, string, string][] = [
    ['a year of the wrong kind', 'firstYear=20x7', 'id="field-firstYear-error"'],
    ['a year out of range', 'lastYear=1999', 'id="field-lastYear-error"'],
    ['an over-long year', `firstYear=${'2'.repeat(5)}`, 'id="field-firstYear-error"'],
    ['more than ten years', 'firstYear=2010&lastYear=2027', 'id="field-lastYear-error"'],
    ['the last year before the first', 'firstYear=2027&lastYear=2026', 'id="field-lastYear-error"'],
    ['a year given twice', 'firstYear=2027&firstYear=2026', 'id="field-firstYear-error"'],
    ['an unknown type', 'type=meeting', 'id="field-type-error"'],
    ['a topic with markup', `topic=${encodeURIComponent(scriptValue)}`, 'id="field-topic-error"'],
    ['a unit that is not an id', "unit=x'%3B%20DROP%20TABLE%20units%3B%20--", 'id="field-unit-error"'],
    ['an unknown field', 'isAdmin=true', 'Lomakkeessa oli tuntematon kenttä'],
  ];
  it.each(badFilters)('refuse %s with a 400 and the error shown', async (_, query, shown) => {
    const page = await get('paakayttaja@kll.example', `/organisations/${ids.orgA}/statistics?${query}`);
    expect(page.status).toBe(400);
    expect(text(page)).toContain(shown);
    expect(text(page)).not.toContain(scriptValue);
  });

  it('find no table the view does not have: units of all organisations, organisations of one', async () => {
    expect((await get('asiantuntija@sivis.example', `/statistics/export?${year2027}&table=units&format=csv`)).status).toBe(404);
    expect((await get('asiantuntija@sivis.example', `/organisations/${ids.orgA}/statistics/export?${year2027}&table=organisations&format=csv`)).status).toBe(404);
  });

  it('refuse a download of an unknown table or format, saying why', async () => {
    const download = await get('asiantuntija@sivis.example', `/statistics/export?${year2027}&table=secrets&format=pdf`);
    expect(download.status).toBe(400);
    expect(text(download)).toContain('Taulukkoa ei voitu ladata näillä rajauksilla:');
    expect(text(download)).toContain('table:');
    expect(text(download)).toContain('format:');
  });
});
