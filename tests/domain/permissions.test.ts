import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decide } from '../../server/access/permissions';
import type { DatabaseHandle } from '../../server/db/client';
import { systemClock } from '../../server/clock';
import { seedDemoData } from '../../server/seed/demo';
import { listOrganisations } from '../../server/organisations/list-organisations';
import { getUnitTree } from '../../server/organisations/unit-tree';
import { listOrganisationUsers } from '../../server/organisations/list-users';
import { openTestDatabase } from '../support/database';
import { actorByEmail, demoOrgA, demoOrgB, organisationIdByName, unitByName } from '../support/demo';

let handle: DatabaseHandle;
let orgA: string;
let orgB: string;

beforeAll(async () => {
  handle = await openTestDatabase();
  await seedDemoData(handle.db);
  orgA = await organisationIdByName(handle.db, demoOrgA);
  orgB = await organisationIdByName(handle.db, demoOrgB);
});
afterAll(() => handle.close());

const ctxFor = async (email: string) => ({ db: handle.db, clock: systemClock, actor: await actorByEmail(handle.db, email) });

describe('access decisions', () => {
  it('lets centre staff read every organisation and its users', async () => {
    const { actor } = await ctxFor('asiantuntija@sivis.example');
    expect(decide(actor, 'organisation.read', { organisationId: orgB })).toBe('allow');
    expect(decide(actor, 'user.list', { organisationId: orgB })).toBe('allow');
    expect(decide(actor, 'audit.read')).toBe('forbidden');
  });

  it('answers 404 for another organisation and 403 for a forbidden action in one’s own', async () => {
    const { actor: orgAdmin } = await ctxFor('paakayttaja@kll.example');
    expect(decide(orgAdmin, 'organisation.read', { organisationId: orgA })).toBe('allow');
    expect(decide(orgAdmin, 'organisation.read', { organisationId: orgB })).toBe('notFound');
    expect(decide(orgAdmin, 'outbox.read')).toBe('forbidden');
    const { actor: trainer } = await ctxFor('kouluttaja1@kll.example');
    expect(decide(trainer, 'user.list', { organisationId: orgA })).toBe('forbidden');
    expect(decide(trainer, 'user.list', { organisationId: orgB })).toBe('notFound');
  });

  it('limits a coordinator to their unit’s subtree', async () => {
    const { actor } = await ctxFor('yhteyshenkilo@kll.example');
    const inside = await unitByName(handle.db, 'Revontulten yhdistys');
    const outside = await unitByName(handle.db, 'Saariston yhdistys');
    expect(decide(actor, 'unit.list', { organisationId: orgA, unitPath: inside.path })).toBe('allow');
    expect(decide(actor, 'unit.list', { organisationId: orgA, unitPath: outside.path })).toBe('forbidden');
    expect(decide(actor, 'user.list', { organisationId: orgA })).toBe('allow');
    expect(decide(actor, 'user.list', { organisationId: orgB })).toBe('notFound');
  });
});

describe('lists filtered in SQL', () => {
  it('shows centre staff all organisations and an org admin only their own', async () => {
    const staff = await listOrganisations(await ctxFor('asiantuntija@sivis.example'), { page: 1 });
    expect(staff.rows.map((o) => o.name).sort()).toEqual([demoOrgA, demoOrgB, 'Lähiluonnon Ystävät ry'].sort());
    const admin = await listOrganisations(await ctxFor('paakayttaja@kll.example'), { page: 1 });
    expect(admin.rows.map((o) => o.name)).toEqual([demoOrgA]);
    expect(admin.rows[0]).toMatchObject({ unitCount: 5 });
  });

  it('finds organisations by a part of the name, treating % literally', async () => {
    const ctx = await ctxFor('admin@sivis.example');
    expect((await listOrganisations(ctx, { search: 'kulttuuri', page: 1 })).rows.map((o) => o.name)).toEqual([demoOrgB]);
    expect((await listOrganisations(ctx, { search: '%', page: 1 })).total).toBe(0);
  });

  it('gives a coordinator only their subtree of units and its people', async () => {
    const ctx = await ctxFor('yhteyshenkilo@kll.example');
    const tree = await getUnitTree(ctx, orgA);
    expect(tree.map((u) => u.name)).toEqual(['Pohjoisen piiri']);
    expect(tree[0]!.children.map((u) => u.name)).toEqual(['Revontulten yhdistys', 'Tunturin yhdistys']);
    const people = await listOrganisationUsers(ctx, orgA, { page: 1 });
    const emails = people.rows.map((u) => u.email).sort();
    expect(emails).toEqual(['kouluttaja1@kll.example', 'kouluttaja2@kll.example', 'yhteyshenkilo@kll.example']);
  });

  it('gives an org admin the whole tree and every member', async () => {
    const ctx = await ctxFor('paakayttaja@kll.example');
    expect((await getUnitTree(ctx, orgA)).map((u) => u.name)).toEqual(['Etelän piiri', 'Pohjoisen piiri']);
    const people = await listOrganisationUsers(ctx, orgA, { page: 1 });
    expect(people.total).toBe(7);
  });
});
