import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelDesign } from '../support/models';
import { AdjustableClock } from '../../server/clock';
import type { DatabaseHandle } from '../../server/db/client';
import { auditLog, trainingModelVersions, trainings } from '../../server/db/schema';
import { savePlan } from '../../server/trainings/plans';
import { samplePlan } from '../support/trainings';
import type { ModelContent } from '../../server/models/content';
import { approvedModelVersions, getModel, listOrganisationModels, modelsForReview } from '../../server/models/lists';
import { createModel, takeModelStep } from '../../server/models/models';
import { seedDemoData } from '../../server/seed/demo';
import { openTestDatabase } from '../support/database';
import { actorByEmail, demoOrgA, demoOrgB, organisationIdByName, unitByName } from '../support/demo';
import { emailsTo } from '../support/outbox';

let handle: DatabaseHandle;
const clock = new AdjustableClock();
const links = { publicUrl: 'http://sivis.test' };
let orgA: string;
let orgB: string;
const as = async (email: string) => ({ db: handle.db, clock, actor: await actorByEmail(handle.db, email) });
const admin = () => as('paakayttaja@kll.example');
const staff = () => as('asiantuntija@sivis.example');


beforeAll(async () => {
  handle = await openTestDatabase();
  await seedDemoData(handle.db);
  orgA = await organisationIdByName(handle.db, demoOrgA);
  orgB = await organisationIdByName(handle.db, demoOrgB);
  clock.set(new Date('2027-02-01T09:00:00Z'), { frozen: true });
});
afterAll(() => handle.close());

describe('a training model', () => {
  it('is drafted, submitted, commented, returned, revised and approved with its credits fixed', async () => {
    const created = await createModel(await admin(), orgA, modelDesign({ activities: [] }));
    const target = { organisationId: orgA, modelId: created.modelId };
    // Incomplete, then under 27 hours: refused, nothing changes.
    expect(await takeModelStep(await admin(), target, 'submit', { content: modelDesign({ activities: [] }) }, links)).toMatchObject({ ok: false, error: 'models.errors.incomplete', missing: ['activities'] });
    expect(await takeModelStep(await admin(), target, 'submit', { content: modelDesign({ activities: [{ kind: 'independent', amount: 2600, description: '' }] }) }, links)).toEqual({ ok: false, error: 'models.errors.underMinimum' });
    expect(await takeModelStep(await admin(), target, 'submit', { content: modelDesign() }, links)).toMatchObject({ ok: true });
    expect(await takeModelStep(await admin(), target, 'save', { content: modelDesign({ name: 'Muutettu' }) }, links)).toEqual({ ok: false, error: 'models.errors.notAllowed' });
    expect((await emailsTo(handle.db, 'asiantuntija@sivis.example'))[0]!.subject).toBe('Koulutusmalli käsiteltäväksi: Yhdistyksen taloudenhoitaja');
    expect((await modelsForReview(await staff())).map((m) => m.modelId)).toContain(created.modelId);

    expect(await takeModelStep(await staff(), target, 'startReview', {}, links)).toMatchObject({ ok: true });
    expect(await takeModelStep(await staff(), target, 'comment', { comment: 'Onko harjoituksia riittävästi?' }, links)).toMatchObject({ ok: true });
    expect((await emailsTo(handle.db, 'paakayttaja@kll.example'))[0]!.bodyText).toContain('Onko harjoituksia riittävästi?');
    // The admin's answer goes to the reviewer only.
    expect(await takeModelStep(await admin(), target, 'comment', { comment: 'Lisäämme kaksi tuntia.' }, links)).toMatchObject({ ok: true });
    expect((await emailsTo(handle.db, 'asiantuntija@sivis.example'))[0]!.bodyText).toContain('Lisäämme kaksi tuntia.');
    expect(await emailsTo(handle.db, 'assistentti@sivis.example')).toHaveLength(1);
    expect(await takeModelStep(await staff(), target, 'return', { comment: 'Lisää harjoitukset.' }, links)).toMatchObject({ ok: true });
    expect(await takeModelStep(await admin(), target, 'submit', { content: modelDesign({ activities: [...modelDesign().activities, { kind: 'practice', amount: 200, description: 'Lisäharjoitus' }] }) }, links)).toMatchObject({ ok: true });
    expect(await takeModelStep(await staff(), target, 'approve', {}, links)).toMatchObject({ ok: true });

    const model = (await getModel(await staff(), orgA, created.modelId))!;
    // 15 + 12 + 2 + 4 = 33 h of work: 1.2 op.
    expect(model.versions).toHaveLength(1);
    expect(model.versions[0]).toMatchObject({ version: 1, status: 'approved', workloadThousandths: 33_000, creditTenths: 12 });
    expect(model.versions[0]!.comments.map((c) => [c.side, c.body])).toEqual([
      ['centre', 'Onko harjoituksia riittävästi?'],
      ['organisation', 'Lisäämme kaksi tuntia.'],
      ['centre', 'Lisää harjoitukset.'],
    ]);
    const actions = (await handle.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, created.modelId))).map((a) => a.action);
    expect(actions).toEqual(['model.created', 'model.submitted', 'model.reviewStarted', 'model.commented', 'model.commented', 'model.returned', 'model.submitted', 'model.approved']);
  });

  it('changes after approval as a new version that needs approval; the approved one stays usable and frozen', async () => {
    const created = await createModel(await admin(), orgA, modelDesign({ name: 'Puheenjohtajan perusteet' }));
    const target = { organisationId: orgA, modelId: created.modelId };
    await takeModelStep(await admin(), target, 'submit', { content: modelDesign({ name: 'Puheenjohtajan perusteet' }) }, links);
    await takeModelStep(await staff(), target, 'approve', {}, links);
    const approved = (await approvedModelVersions(await admin(), orgA)).find((v) => v.modelId === created.modelId)!;
    expect(approved).toMatchObject({ version: 1, creditTenths: 11 });

    const next = await takeModelStep(await admin(), target, 'newVersion', {}, links);
    expect(next).toMatchObject({ ok: true });
    expect(await takeModelStep(await admin(), target, 'save', { content: modelDesign({ name: 'Puheenjohtajan perusteet', outcomes: ['Osaa johtaa kokousta'] }) }, links)).toMatchObject({ ok: true });
    // Version 1 is as approved; the draft is version 2, and plans still get version 1.
    const [v1] = await handle.db.select().from(trainingModelVersions).where(eq(trainingModelVersions.id, approved.versionId));
    expect(v1!.content.outcomes).toEqual(modelDesign().outcomes);
    expect((await approvedModelVersions(await admin(), orgA)).find((v) => v.modelId === created.modelId)!.versionId).toBe(approved.versionId);
    expect((await listOrganisationModels(await admin(), orgA)).find((m) => m.modelId === created.modelId)).toMatchObject({ version: 2, status: 'draft' });
    // A trainer sees only the approved version.
    expect((await listOrganisationModels(await as('kouluttaja1@kll.example'), orgA)).find((m) => m.modelId === created.modelId)).toMatchObject({ version: 1, status: 'approved' });
  });

  it('can be the base of its organisation’s training plans once approved, whose goals then come from it', async () => {
    const created = await createModel(await admin(), orgA, modelDesign({ name: 'Kokoustaito' }));
    const target = { organisationId: orgA, modelId: created.modelId };
    const trainer = await as('kouluttaja1@kll.example');
    const unitId = (await unitByName(handle.db, 'Revontulten yhdistys')).id;
    const plan = (modelVersionId: string) => ({ ...samplePlan(unitId, { name: 'Kokoustaidon kurssi', learningGoals: 'Omat tavoitteet', targetGroup: '' }), modelVersionId });
    // Not approved yet: refused.
    expect(await savePlan(trainer, orgA, null, plan(created.versionId))).toEqual({ ok: false, error: 'trainings.errors.modelNotApproved' });
    await takeModelStep(await admin(), target, 'submit', { content: modelDesign({ name: 'Kokoustaito' }) }, links);
    await takeModelStep(await staff(), target, 'approve', {}, links);
    const saved = await savePlan(trainer, orgA, null, plan(created.versionId));
    expect(saved).toMatchObject({ ok: true });
    const [row] = await handle.db.select().from(trainings).where(eq(trainings.id, (saved as { id: string }).id));
    expect(row).toMatchObject({ modelVersionId: created.versionId, learningGoals: 'Osaa laatia talousarvion\nOsaa pitää kirjanpitoa', targetGroup: 'Yhdistysten rahastonhoitajat' });
    // Another organisation's trainer cannot base a plan on it.
    const other = await as('kouluttaja1@kyk.example');
    const otherUnit = (await unitByName(handle.db, 'Rannikon kuoroyhdistys')).id;
    expect(await savePlan(other, orgB, null, { ...samplePlan(otherUnit), modelVersionId: created.versionId })).toEqual({ ok: false, error: 'trainings.errors.modelNotApproved' });
  });

  it('is found only through its own organisation', async () => {
    const created = await createModel(await admin(), orgA, modelDesign());
    expect(await takeModelStep(await staff(), { organisationId: orgB, modelId: created.modelId }, 'approve', {}, links)).toEqual({ ok: false, error: 'notFound' });
    expect(await getModel(await staff(), orgB, created.modelId)).toBeNull();
  });

  it('is rejected for good with a reason', async () => {
    const created = await createModel(await admin(), orgA, modelDesign({ name: 'Hylättävä' }));
    const target = { organisationId: orgA, modelId: created.modelId };
    await takeModelStep(await admin(), target, 'submit', { content: modelDesign({ name: 'Hylättävä' }) }, links);
    expect(await takeModelStep(await staff(), target, 'reject', { comment: 'Ei osaamisperusteinen.' }, links)).toMatchObject({ ok: true });
    expect((await emailsTo(handle.db, 'paakayttaja@kll.example'))[0]!.subject).toBe('Koulutusmalli hylättiin: Hylättävä');
    for (const step of ['save', 'submit', 'comment', 'newVersion'] as const) {
      expect(await takeModelStep(await admin(), target, step, { content: modelDesign(), comment: 'x' }, links)).toEqual({ ok: false, error: 'models.errors.notAllowed' });
    }
  });

  it('lets each side take only its own steps', async () => {
    const created = await createModel(await admin(), orgA, modelDesign({ name: 'Omat askeleet' }));
    const target = { organisationId: orgA, modelId: created.modelId };
    expect(await takeModelStep(await staff(), target, 'submit', { content: modelDesign() }, links)).toEqual({ ok: false, error: 'models.errors.notAllowed' });
    expect(await takeModelStep(await admin(), target, 'submit', { content: modelDesign() }, links)).toMatchObject({ ok: true });
    expect(await takeModelStep(await admin(), target, 'approve', {}, links)).toEqual({ ok: false, error: 'models.errors.notAllowed' });
    expect(await takeModelStep(await as('kouluttaja1@kll.example'), target, 'comment', { comment: 'Hei' }, links)).toEqual({ ok: false, error: 'models.errors.notAllowed' });
    expect(await takeModelStep(await as('paakayttaja@kyk.example'), target, 'comment', { comment: 'Hei' }, links)).toEqual({ ok: false, error: 'models.errors.notAllowed' });
  });
});
