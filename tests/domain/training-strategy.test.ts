import { eq } from 'drizzle-orm';
import { PDFDict, PDFDocument, PDFName, type PDFPage, PDFStream } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdjustableClock } from '../../server/clock';
import type { DatabaseHandle } from '../../server/db/client';
import { auditLog, organisations } from '../../server/db/schema';
import { seedDemoData } from '../../server/seed/demo';
import { type StrategyContent, emptyStrategy } from '../../server/strategy/content';
import { diffStrategies } from '../../server/strategy/diff';
import { renderStrategyPdf } from '../../server/strategy/pdf';
import { commentStrategy, createStrategy, getStrategy, getStrategyVersion, listStrategies, publishStrategy, saveStrategyDraft } from '../../server/strategy/strategies';
import { draftOpenedOn, publishCurrent, saveCurrent } from '../support/strategy';
import { makePng } from '../../server/organisations/sample-images';
import { openTestDatabase } from '../support/database';
import { actorByEmail, demoOrgA, organisationIdByName } from '../support/demo';
import { emailsTo } from '../support/outbox';
import { pdfText } from '../support/pdf-text';

/** The image XObjects a page draws from. */
function imageCount(page: PDFPage) {
  const xObjects = page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  return (xObjects?.values() ?? []).filter((ref) => page.doc.context.lookup(ref, PDFStream).dict.get(PDFName.of('Subtype')) === PDFName.of('Image')).length;
}

let handle: DatabaseHandle;
const clock = new AdjustableClock();
const links = { publicUrl: 'http://sivis.test' };
let orgA: string;
const as = async (email: string) => ({ db: handle.db, clock, actor: await actorByEmail(handle.db, email) });
const admin = () => as('paakayttaja@kll.example');
const contactEmail = 'asiantuntija@sivis.example';

const first: StrategyContent = {
  ...emptyStrategy(),
  purpose: 'Koulutus vahvistaa jäsenyhdistysten toimintaa.',
  currentState: 'Järjestämme vuosittain noin 40 kurssia.',
  targets: [{ target: 'Uusia kouluttajia', measure: '10 uutta kouluttajaa', owner: 'Koulutuspäällikkö', timetable: '2028' }],
};

beforeAll(async () => {
  handle = await openTestDatabase();
  await seedDemoData(handle.db);
  orgA = await organisationIdByName(handle.db, demoOrgA);
  // The centre's expert is organisation A's contact at the centre.
  await handle.db.update(organisations).set({ centreContactUserId: (await actorByEmail(handle.db, contactEmail)).userId }).where(eq(organisations.id, orgA));
  clock.set(new Date('2027-02-01T09:00:00Z'), { frozen: true });
});
afterAll(() => handle.close());

describe('a training strategy', () => {
  it('is drafted, published as numbered versions that stay as they were, and listed by period', async () => {
    const created = await createStrategy(await admin(), orgA, { firstYear: 2027, lastYear: 2030 });
    if (!created.ok) throw new Error(created.error);
    expect(await createStrategy(await admin(), orgA, { firstYear: 2027, lastYear: 2030 })).toEqual({ ok: false, error: 'strategy.errors.periodTaken' });
    expect(await publishCurrent(await admin(), orgA, created.id, emptyStrategy())).toEqual({ ok: false, error: 'strategy.errors.empty' });

    expect(await saveCurrent(await admin(), orgA, created.id, first)).toMatchObject({ ok: true });
    expect((await getStrategy(handle.db, orgA, created.id))?.draft).toEqual(first);
    expect(await publishCurrent(await admin(), orgA, created.id, first)).toEqual({ ok: true, version: 1 });
    // Publishing the same again makes no new version.
    expect(await publishCurrent(await admin(), orgA, created.id, first)).toEqual({ ok: false, error: 'strategy.errors.unchanged' });

    clock.set(new Date('2027-09-01T09:00:00Z'), { frozen: true });
    const second = { ...first, challenges: 'Kouluttajia on liian vähän.', purpose: 'Koulutus vahvistaa jäsenyhdistysten ja vapaaehtoisten toimintaa.' };
    await saveCurrent(await admin(), orgA, created.id, { ...second, evaluation: 'Kesken' });
    // A saved draft does not change what was published.
    expect((await getStrategyVersion(handle.db, orgA, created.id, 1))?.content).toEqual(first);
    expect(await publishCurrent(await admin(), orgA, created.id, second)).toEqual({ ok: true, version: 2 });
    const strategy = await getStrategy(handle.db, orgA, created.id);
    expect(strategy?.versions.map((v) => v.version)).toEqual([2, 1]);
    expect((await getStrategyVersion(handle.db, orgA, created.id, 1))?.content).toEqual(first);
    expect((await getStrategyVersion(handle.db, orgA, created.id, 2))?.content).toEqual(second);
    expect((await listStrategies(handle.db, orgA)).find((s) => s.id === created.id)).toMatchObject({ firstYear: 2027, lastYear: 2030, latestVersion: 2 });
    // Another organisation's address finds nothing.
    expect(await getStrategy(handle.db, await organisationIdByName(handle.db, 'Kulttuuriyhdistysten Keskusliitto ry'), created.id)).toBeNull();
    const audited = await handle.db.select({ action: auditLog.action, details: auditLog.details }).from(auditLog).where(eq(auditLog.targetId, created.id));
    expect(audited.map((a) => a.action)).toEqual(['strategy.created', 'strategy.published', 'strategy.published']);
  });

  it('saves a draft with a target half written, but publishes only whole targets', async () => {
    const created = await createStrategy(await admin(), orgA, { firstYear: 2035, lastYear: 2036 });
    if (!created.ok) throw new Error(created.error);
    const halfWritten = { ...first, targets: [...first.targets, { target: 'Verkkokursseja', measure: '', owner: 'Toiminnanjohtaja', timetable: '' }] };
    expect(await saveCurrent(await admin(), orgA, created.id, halfWritten)).toMatchObject({ ok: true });
    expect((await getStrategy(handle.db, orgA, created.id))?.draft.targets[1]).toEqual(halfWritten.targets[1]);
    expect(await publishCurrent(await admin(), orgA, created.id, halfWritten)).toEqual({ ok: false, error: 'strategy.errors.targetPartMissing' });
    expect((await getStrategy(handle.db, orgA, created.id))?.versions).toEqual([]);
  });

  it('refuses a save or a publish typed over a draft saved since, keeping the newer draft', async () => {
    const created = await createStrategy(await admin(), orgA, { firstYear: 2037, lastYear: 2038 });
    if (!created.ok) throw new Error(created.error);
    const openedInTwoTabs = await draftOpenedOn(await admin(), orgA, created.id);
    clock.set(new Date('2027-10-01T09:00:00Z'), { frozen: true });
    // The other tab saves first.
    const saved = await saveStrategyDraft(await admin(), orgA, created.id, first, openedInTwoTabs);
    if (!saved.ok) throw new Error(saved.error);
    clock.set(new Date('2027-10-01T09:05:00Z'), { frozen: true });
    const stale = { ...first, purpose: 'Vanhasta välilehdestä' };
    expect(await saveStrategyDraft(await admin(), orgA, created.id, stale, openedInTwoTabs)).toEqual({ ok: false, error: 'strategy.errors.savedElsewhere', savedAt: saved.savedAt });
    expect(await publishStrategy(await admin(), orgA, created.id, stale, openedInTwoTabs)).toEqual({ ok: false, error: 'strategy.errors.savedElsewhere', savedAt: saved.savedAt });
    expect((await getStrategy(handle.db, orgA, created.id))?.draft).toEqual(first);
    // Sent again with the newer draft's time, it replaces that draft knowingly.
    expect(await saveStrategyDraft(await admin(), orgA, created.id, stale, saved.savedAt)).toMatchObject({ ok: true });
    expect((await getStrategy(handle.db, orgA, created.id))?.draft.purpose).toBe('Vanhasta välilehdestä');
  });

  it('finds no other organisation’s strategy through one’s own organisation', async () => {
    const orgB = await organisationIdByName(handle.db, 'Kulttuuriyhdistysten Keskusliitto ry');
    const adminB = await as('paakayttaja@kyk.example');
    const theirs = await createStrategy(adminB, orgB, { firstYear: 2027, lastYear: 2030 });
    if (!theirs.ok) throw new Error(theirs.error);
    const published = await publishCurrent(adminB, orgB, theirs.id, first);
    expect(published).toEqual({ ok: true, version: 1 });
    const openedOn = await draftOpenedOn(adminB, orgB, theirs.id);
    expect(await saveStrategyDraft(await admin(), orgA, theirs.id, first, openedOn)).toEqual({ ok: false, error: 'notFound' });
    expect(await publishStrategy(await admin(), orgA, theirs.id, { ...first, purpose: 'Toinen' }, openedOn)).toEqual({ ok: false, error: 'notFound' });
    expect(await commentStrategy(await as(contactEmail), orgA, theirs.id, 1, 'Ei näy', links)).toEqual({ ok: false, error: 'notFound' });
    expect(await getStrategyVersion(handle.db, orgA, theirs.id, 1)).toBeNull();
    expect((await getStrategy(handle.db, orgB, theirs.id))?.draft).toEqual(first);
  });

  it('compares any two versions part by part, word by word', () => {
    const later = { ...first, purpose: 'Koulutus vahvistaa jäsenyhdistysten ja vapaaehtoisten toimintaa.', targets: [...first.targets, { target: 'Verkkokursseja', measure: '5 kurssia', owner: 'Toiminnanjohtaja', timetable: '2029' }] };
    const sections = diffStrategies(first, later);
    const purpose = sections.find((s) => s.section === 'purpose')!;
    expect(purpose.changed).toBe(true);
    expect(purpose.parts.filter((p) => p.change === 'added').map((p) => p.text.trim())).toEqual(['ja vapaaehtoisten']);
    expect(purpose.parts.filter((p) => p.change === 'removed')).toEqual([]);
    const targets = sections.find((s) => s.section === 'targets')!;
    expect(targets.parts.filter((p) => p.change === 'added').map((p) => p.text).join('')).toContain('Verkkokursseja — 5 kurssia — Toiminnanjohtaja — 2029');
    expect(sections.find((s) => s.section === 'currentState')).toMatchObject({ changed: false });
    // The parts in the form's order, targets after the challenges.
    expect(sections.map((s) => s.section)).toEqual(['purpose', 'currentState', 'challenges', 'targets', 'targetGroups', 'qualityDevelopment', 'evaluation']);
    // Back the other way, the same words are removed.
    expect(diffStrategies(later, first).find((s) => s.section === 'purpose')!.parts.filter((p) => p.change === 'removed').map((p) => p.text.trim())).toEqual(['ja vapaaehtoisten']);
  });

  it('takes comments from the organisation’s centre contact only, and emails its admins', async () => {
    const created = await createStrategy(await admin(), orgA, { firstYear: 2031, lastYear: 2034 });
    if (!created.ok) throw new Error(created.error);
    await publishCurrent(await admin(), orgA, created.id, first);
    expect(await commentStrategy(await as('admin@sivis.example'), orgA, created.id, 1, 'Hyvä', links)).toEqual({ ok: false, error: 'strategy.errors.notCentreContact' });
    expect(await commentStrategy(await as(contactEmail), orgA, created.id, 2, 'Ei versiota', links)).toEqual({ ok: false, error: 'notFound' });
    expect(await commentStrategy(await as(contactEmail), orgA, created.id, 1, '  Tavoitteille voisi lisätä mittarit.  ', links)).toEqual({ ok: true });
    const version = await getStrategyVersion(handle.db, orgA, created.id, 1);
    expect(version?.comments.map((c) => [c.authorName, c.body])).toEqual([[(await actorByEmail(handle.db, contactEmail)).name, 'Tavoitteille voisi lisätä mittarit.']]);
    const [mail] = await emailsTo(handle.db, 'paakayttaja@kll.example');
    expect(mail!.subject).toBe('Koulutusstrategiaa kommentoitu: Kansanliikkeiden Liitto ry 2031–2034');
    expect(mail!.bodyText).toContain('Tavoitteille voisi lisätä mittarit.');
    expect(mail!.bodyText).toContain(`http://sivis.test/organisations/${orgA}/strategies/${created.id}/versions/1`);
  });

  it('prints a version with the organisation’s logo and every part, over as many pages as it needs', async () => {
    const long = { ...first, currentState: Array.from({ length: 80 }, (_, i) => `Kappale ${i + 1}: koulutuksen nykytila ja sen kehitys vuosittain.`).join('\n') };
    const pdf = await renderStrategyPdf({ organisationName: 'Kansanliikkeiden Liitto ry', logo: { mimeType: 'image/png', bytes: makePng(120, 40) }, firstYear: 2027, lastYear: 2030, version: 3, publishedAt: new Date('2027-09-01T09:00:00Z'), publishedByName: 'Ilmari Esimerkki', content: long }, 'fi');
    const text = await pdfText(pdf);
    for (const expected of ['Koulutusstrategia 2027–2030: Kansanliikkeiden Liitto ry', 'Versio 3', 'Miten koulutus palvelee järjestön strategiaa', 'Kehittämistavoitteet', 'Uusia kouluttajia', 'Mittari: 10 uutta kouluttajaa', 'Kappale 80', 'Arviointi']) expect(text).toContain(expected);
    const printed = await PDFDocument.load(pdf);
    expect(printed.getPageCount()).toBeGreaterThan(1);
    expect(imageCount(printed.getPage(0))).toBe(1);
    // Without a logo, the first page has no picture.
    const plain = await PDFDocument.load(await renderStrategyPdf({ organisationName: 'Kansanliikkeiden Liitto ry', logo: null, firstYear: 2027, lastYear: 2030, version: 1, publishedAt: new Date('2027-09-01T09:00:00Z'), publishedByName: 'Ilmari Esimerkki', content: first }, 'fi'));
    expect(plain.getPageCount()).toBe(1);
    expect(imageCount(plain.getPage(0))).toBe(0);
  });
});
