import { hashPassword } from '../../server/access/passwords';
import type { Role } from '../../server/access/roles';
import { organisations, roleAssignments, units, users } from '../../server/db/schema';
import { businessIdFor } from '../../server/organisations/business-id';
import { unitPath } from '../../server/organisations/unit-path';
import type { DataGenerator, GenerateContext } from './context';
import { firstNames, lastNames, organisationKinds, organisationWords, places } from './names';

export const generatedPassword = 'generoitu-salasana-2026';

export const organisationCounts = (scale: number) => {
  const organisationCount = Math.max(1, Math.round(100 * scale));
  return {
    organisationCount,
    unitCount: Math.max(organisationCount, Math.round(2000 * scale)),
    userCount: Math.max(organisationCount * 3, Math.round(20000 * scale)),
  };
};

/** Splits `total` into `parts` near-equal whole numbers. */
const share = (total: number, parts: number, index: number) => Math.floor(total / parts) + (index < total % parts ? 1 : 0);

export const ascii = (text: string) =>
  text.toLowerCase().replace(/[äå]/g, 'a').replace(/ö/g, 'o').replace(/[^a-z0-9]+/g, '');

interface GeneratedUnit {
  id: string;
  kind: 'district' | 'region' | 'association';
}

function daysBefore(ctx: GenerateContext, maxDays: number): Date {
  return new Date(ctx.now.getTime() - ctx.random.int(0, maxDays) * 86_400_000);
}

/** Member organisations with unit trees (districts → associations) and their people. */
export const organisationsGenerator: DataGenerator = {
  name: 'organisations, units and users',
  rowCount(scale) {
    const { organisationCount, unitCount, userCount } = organisationCounts(scale);
    return organisationCount + unitCount + 2 * userCount;
  },
  async run(ctx) {
    const { organisationCount, unitCount, userCount } = organisationCounts(ctx.scale);
    const staffPasswordHash = await hashPassword(generatedPassword);
    let userNumber = 0;
    for (let o = 0; o < organisationCount; o++) {
      const organisationId = ctx.random.uuid();
      const name = `${ctx.random.pick(organisationWords)} ${ctx.random.pick(organisationKinds)} ${o + 1}`;
      await ctx.insert(organisations, [
        { id: organisationId, name, businessId: businessIdFor(3_000_000 + o * 7), createdAt: daysBefore(ctx, 3650) },
      ]);

      const tree: GeneratedUnit[] = [];
      const unitRows: (typeof units.$inferInsert)[] = [];
      const orgUnits = share(unitCount, organisationCount, o);
      const districtCount = Math.max(1, Math.round(orgUnits / 7));
      const districts: { id: string; path: string }[] = [];
      for (let d = 0; d < Math.min(districtCount, orgUnits); d++) {
        const id = ctx.random.uuid();
        const path = unitPath(id, null);
        districts.push({ id, path });
        tree.push({ id, kind: 'district' });
        unitRows.push({ id, organisationId, parentId: null, path, kind: 'district', name: `${ctx.random.pick(places)} piiri ${d + 1}`, createdAt: daysBefore(ctx, 3650) });
      }
      for (let a = districts.length; a < orgUnits; a++) {
        const id = ctx.random.uuid();
        // Most associations sit under a district; a few answer to the organisation directly.
        const parent = ctx.random.chance(0.9) ? ctx.random.pick(districts) : null;
        tree.push({ id, kind: 'association' });
        unitRows.push({
          id,
          organisationId,
          parentId: parent?.id ?? null,
          path: unitPath(id, parent?.path ?? null),
          kind: 'association',
          name: `${ctx.random.pick(places)} yhdistys ${a + 1}`,
          trainsWithCentre: ctx.random.chance(0.85),
          createdAt: daysBefore(ctx, 3650),
        });
      }
      await ctx.insert(units, unitRows);

      const people = share(userCount, organisationCount, o);
      const associations = tree.filter((u) => u.kind === 'association');
      const grants: { role: Role; unitId: string | null }[] = [];
      for (let i = 0; i < Math.min(2, people); i++) grants.push({ role: 'org_admin', unitId: null });
      for (const district of tree.filter((u) => u.kind === 'district')) {
        if (grants.length < people) grants.push({ role: 'unit_coordinator', unitId: district.id });
      }
      const trainerCount = Math.round(people * 0.3);
      for (let i = 0; grants.length < people && i < trainerCount; i++) {
        grants.push({ role: 'trainer', unitId: (associations.length ? ctx.random.pick(associations) : ctx.random.pick(tree)).id });
      }
      while (grants.length < people) grants.push({ role: 'participant', unitId: null });

      const userRows: (typeof users.$inferInsert)[] = [];
      const roleRows: (typeof roleAssignments.$inferInsert)[] = [];
      for (const grant of grants) {
        const id = ctx.random.uuid();
        const first = ctx.random.pick(firstNames);
        const last = ctx.random.pick(lastNames);
        userNumber++;
        const roll = ctx.random.next();
        userRows.push({
          id,
          email: `${ascii(first)}.${ascii(last)}${userNumber}@jarjesto${o + 1}.example`,
          name: `${first} ${last}`,
          passwordHash: grant.role === 'participant' ? null : staffPasswordHash,
          language: roll < 0.05 ? 'sv' : roll < 0.07 ? 'en' : 'fi',
          status: grant.role === 'trainer' && roll > 0.97 ? 'pending' : roll > 0.985 ? 'deactivated' : 'active',
          createdAt: daysBefore(ctx, 3650),
        });
        roleRows.push({ id: ctx.random.uuid(), userId: id, role: grant.role, organisationId, unitId: grant.unitId, createdAt: daysBefore(ctx, 365) });
      }
      await ctx.insert(users, userRows);
      await ctx.insert(roleAssignments, roleRows);
    }
  },
};
