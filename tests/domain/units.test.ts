import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decide } from '../../server/access/permissions';
import { AdjustableClock } from '../../server/clock';
import type { DatabaseHandle } from '../../server/db/client';
import { auditLog, units } from '../../server/db/schema';
import { createUnit, moveUnit, setCoordinator, unitCoordinators, updateUnit } from '../../server/organisations/units';
import { seedDemoData } from '../../server/seed/demo';
import { openTestDatabase } from '../support/database';
import { actorByEmail, demoOrgA, demoOrgB, organisationIdByName, unitByName } from '../support/demo';

let handle: DatabaseHandle;
let orgA: string;
const clock = new AdjustableClock();

beforeAll(async () => {
  handle = await openTestDatabase();
  await seedDemoData(handle.db);
  orgA = await organisationIdByName(handle.db, demoOrgA);
});
afterAll(() => handle.close());

const admin = async () => ({ db: handle.db, clock, actor: await actorByEmail(handle.db, 'paakayttaja@kll.example') });

describe('building the unit tree', () => {
  it('creates units at any depth with their paths', async () => {
    const ctx = await admin();
    const district = await unitByName(handle.db, 'Pohjoisen piiri');
    const region = await createUnit(ctx, orgA, { name: 'Lapin alue', kind: 'region', parentId: district.id });
    if (!region.ok) throw new Error('not created');
    const association = await createUnit(ctx, orgA, { name: 'Kaamoksen yhdistys', kind: 'association', parentId: region.unitId });
    if (!association.ok) throw new Error('not created');
    const row = await unitByName(handle.db, 'Kaamoksen yhdistys');
    expect(row.path).toBe(`${district.path}${region.unitId}/${association.unitId}/`);
    const foreign = await unitByName(handle.db, 'Rannikon kuoroyhdistys');
    expect(await createUnit(ctx, orgA, { name: 'x', kind: 'association', parentId: foreign.id })).toMatchObject({ ok: false, error: 'units.parentNotFound' });
  });

  it('moves a unit with its subtree, and refuses a move into its own subtree', async () => {
    const ctx = await admin();
    const region = await unitByName(handle.db, 'Lapin alue');
    const south = await unitByName(handle.db, 'Etelän piiri');
    expect(await moveUnit(ctx, orgA, region.id, south.id)).toMatchObject({ ok: true });
    expect((await unitByName(handle.db, 'Kaamoksen yhdistys')).path.startsWith(`${south.path}${region.id}/`)).toBe(true);
    const child = await unitByName(handle.db, 'Kaamoksen yhdistys');
    expect(await moveUnit(ctx, orgA, region.id, child.id)).toMatchObject({ ok: false, error: 'units.cycle' });
    expect(await moveUnit(ctx, orgA, region.id, region.id)).toMatchObject({ ok: false, error: 'units.cycle' });
    expect(await moveUnit(ctx, orgA, region.id, null)).toMatchObject({ ok: true });
    expect((await unitByName(handle.db, 'Kaamoksen yhdistys')).path).toBe(`/${region.id}/${child.id}/`);
  });

  it('keeps the coordinator’s subtree access following a move', async () => {
    const ctx = await admin();
    const north = await unitByName(handle.db, 'Pohjoisen piiri');
    const association = await unitByName(handle.db, 'Revontulten yhdistys');
    const south = await unitByName(handle.db, 'Etelän piiri');
    await moveUnit(ctx, orgA, association.id, south.id);
    const coordinator = await actorByEmail(handle.db, 'yhteyshenkilo@kll.example');
    const moved = await unitByName(handle.db, 'Revontulten yhdistys');
    expect(decide(coordinator, 'unit.list', { organisationId: orgA, unitPath: moved.path })).toBe('forbidden');
    await moveUnit(ctx, orgA, association.id, north.id);
  });

  it('deactivates, but not while active units are under it, and audits before and after', async () => {
    const ctx = await admin();
    const region = await unitByName(handle.db, 'Lapin alue');
    const base = { name: region.name, kind: region.kind, trainsWithCentre: true };
    expect(await updateUnit(ctx, orgA, region.id, { ...base, active: false })).toMatchObject({ ok: false, error: 'units.hasActiveChildren' });
    const child = await unitByName(handle.db, 'Kaamoksen yhdistys');
    expect(await updateUnit(ctx, orgA, child.id, { name: child.name, kind: child.kind, trainsWithCentre: false, active: false })).toMatchObject({ ok: true });
    expect(await updateUnit(ctx, orgA, region.id, { ...base, name: 'Lapin alue (vanha)', active: false })).toMatchObject({ ok: true });
    expect(await handle.db.select().from(units).where(eq(units.id, region.id))).toMatchObject([{ name: 'Lapin alue (vanha)', active: false }]);
    const audits = await handle.db.select().from(auditLog).where(eq(auditLog.targetId, region.id));
    expect(audits.find((a) => a.action === 'unit.updated')!.details).toMatchObject({ before: { name: 'Lapin alue', active: true }, after: { active: false } });
  });

  it('assigns and removes coordinators from the organisation’s own people only', async () => {
    const ctx = await admin();
    const south = await unitByName(handle.db, 'Etelän piiri');
    const trainer = await actorByEmail(handle.db, 'kouluttaja1@kll.example');
    expect(await setCoordinator(ctx, orgA, south.id, trainer.userId, true)).toMatchObject({ ok: true });
    expect(await setCoordinator(ctx, orgA, south.id, trainer.userId, true)).toMatchObject({ ok: false, error: 'units.alreadyCoordinator' });
    expect((await unitCoordinators(ctx, south.id)).map((c) => c.id)).toEqual([trainer.userId]);
    const outsider = await actorByEmail(handle.db, 'kouluttaja1@kyk.example');
    expect(await setCoordinator(ctx, orgA, south.id, outsider.userId, true)).toMatchObject({ ok: false, error: 'units.notAMember' });
    expect(await setCoordinator(ctx, orgA, south.id, trainer.userId, false)).toMatchObject({ ok: true });
    expect(await unitCoordinators(ctx, south.id)).toEqual([]);
    const orgB = await organisationIdByName(handle.db, demoOrgB);
    expect(await setCoordinator(ctx, orgB, south.id, trainer.userId, true)).toEqual({ ok: false, error: 'notFound' });
  });
});
