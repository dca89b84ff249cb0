import { randomUUID } from 'node:crypto';
import { count } from 'drizzle-orm';
import { hashPassword } from '../access/passwords';
import type { Role } from '../access/roles';
import { badges, centreSettings, organisations, roleAssignments, units, users } from '../db/schema';
import type { Database, Transaction } from '../db/types';
import { businessIdFor } from '../organisations/business-id';
import { makeBadgePng } from '../organisations/sample-images';
import { unitPath } from '../organisations/unit-path';

export const demoPassword = 'demo-salasana-2026';

export interface DemoLogin {
  email: string;
  role: Role;
  where: string;
}

interface UnitSpec {
  name: string;
  kind: 'district' | 'region' | 'association';
  children?: UnitSpec[];
}

// Fictional organisations and people only.
const demoOrganisations: { name: string; slug: string; units: UnitSpec[] }[] = [
  {
    name: 'Kansanliikkeiden Liitto ry',
    slug: 'kll',
    units: [
      {
        name: 'Pohjoisen piiri',
        kind: 'district',
        children: [
          { name: 'Revontulten yhdistys', kind: 'association' },
          { name: 'Tunturin yhdistys', kind: 'association' },
        ],
      },
      { name: 'Etelän piiri', kind: 'district', children: [{ name: 'Saariston yhdistys', kind: 'association' }] },
    ],
  },
  {
    name: 'Kulttuuriyhdistysten Keskusliitto ry',
    slug: 'kyk',
    units: [
      {
        name: 'Länsi-Suomen alue',
        kind: 'region',
        children: [
          { name: 'Rannikon kuoroyhdistys', kind: 'association' },
          { name: 'Jokilaakson teatteriyhdistys', kind: 'association' },
        ],
      },
    ],
  },
  {
    name: 'Lähiluonnon Ystävät ry',
    slug: 'lly',
    units: [
      { name: 'Järviseudun piiri', kind: 'district', children: [{ name: 'Kallioniemen luontoyhdistys', kind: 'association' }] },
      { name: 'Metsäpolun yhdistys', kind: 'association' },
    ],
  },
];

const firstNames = ['Aino', 'Eero', 'Helmi', 'Ilmari', 'Kerttu', 'Lauri', 'Martta', 'Onni', 'Saara', 'Toivo', 'Venla', 'Veikko'];
const lastNames = ['Esimerkki', 'Kuvitelma', 'Testinen', 'Harjoitus', 'Malli', 'Demonen'];

async function insertUnits(tx: Transaction, organisationId: string, specs: UnitSpec[], parent: { id: string; path: string } | null) {
  const created: { id: string; name: string; path: string; kind: UnitSpec['kind'] }[] = [];
  for (const spec of specs) {
    const id = randomUUID();
    const path = unitPath(id, parent?.path ?? null);
    await tx.insert(units).values({ id, organisationId, parentId: parent?.id ?? null, name: spec.name, kind: spec.kind, path });
    created.push({ id, name: spec.name, path, kind: spec.kind });
    created.push(...(await insertUnits(tx, organisationId, spec.children ?? [], { id, path })));
  }
  return created;
}

/** The badge the demo's admins can apply for. */
const adminBadge = {
  awardedFor: 'application' as const,
  name: { fi: 'Sivisverkon pääkäyttäjä', sv: 'Huvudanvändare i Sivisverkko', en: 'Sivisverkko administrator' },
  description: {
    fi: 'Merkin saaja toimii jäsenjärjestönsä pääkäyttäjänä Sivisverkossa: hallinnoi käyttäjiä, jakaa opintotunteja ja huolehtii koulutusten raportoinnista.',
    sv: 'Mottagaren är huvudanvändare för sin medlemsorganisation i Sivisverkko: hanterar användare, fördelar studietimmar och ser till att utbildningarna rapporteras.',
    en: "The holder acts as their member organisation's administrator in Sivisverkko: manages users, distributes teaching hours and sees that trainings are reported.",
  },
  criteria: {
    fi: 'Toiminut jäsenjärjestön pääkäyttäjänä ja hoitanut pääkäyttäjän tehtävät; Opintokeskus hyväksyy hakemuksen.',
    sv: 'Har varit huvudanvändare för en medlemsorganisation och skött uppgifterna; studiecentralen godkänner ansökan.',
    en: "Has acted as a member organisation's administrator and carried out the duties; the study centre approves the application.",
  },
};

/** Seeds the fictional demo installation once; returns the logins, or null when data already exists. */
export async function seedDemoData(db: Database): Promise<DemoLogin[] | null> {
  const [existing] = await db.select({ n: count() }).from(centreSettings);
  if ((existing?.n ?? 0) > 0) return null;
  const passwordHash = await hashPassword(demoPassword);
  let personIndex = 0;
  const nextName = () => {
    const i = personIndex++;
    return `${firstNames[i % firstNames.length]} ${lastNames[Math.floor(i / firstNames.length) % lastNames.length]}`;
  };
  const logins: DemoLogin[] = [];
  return db.transaction(async (tx) => {
    // Fictional accounts: the centre pays support from its own, the first demo organisation has one to receive it (the second not yet).
    await tx.insert(centreSettings).values({ name: 'Opintokeskus Sivis', businessId: businessIdFor(1_000_000), address: 'Esimerkkikatu 1, 00100 Helsinki', iban: 'FI2112345600000785', bic: 'DEMOFIHH' });
    const addUser = async (
      email: string,
      grant: { role: Role; organisationId?: string; unitId?: string },
      where: string,
      options: { withPassword?: boolean; printed?: boolean } = {},
    ) => {
      const id = randomUUID();
      await tx.insert(users).values({ id, email, name: nextName(), passwordHash: options.withPassword === false ? null : passwordHash });
      await tx.insert(roleAssignments).values({ userId: id, role: grant.role, organisationId: grant.organisationId ?? null, unitId: grant.unitId ?? null });
      if (options.printed !== false) logins.push({ email, role: grant.role, where });
      return id;
    };
    const centreAdminId = await addUser('admin@sivis.example', { role: 'centre_admin' }, 'Opintokeskus Sivis');
    await addUser('asiantuntija@sivis.example', { role: 'centre_staff' }, 'Opintokeskus Sivis');
    await addUser('assistentti@sivis.example', { role: 'centre_staff' }, 'Opintokeskus Sivis', { printed: false });
    for (const [index, spec] of demoOrganisations.entries()) {
      const organisationId = randomUUID();
      await tx.insert(organisations).values({ id: organisationId, name: spec.name, businessId: businessIdFor(2_000_000 + index * 1000), ...(index === 0 ? { iban: 'FI5542345670000081', bic: 'KUVIFIHH' } : {}) });
      const created = await insertUnits(tx, organisationId, spec.units, null);
      const district = created[0]!;
      const associations = created.filter((u) => u.kind === 'association');
      const printed = index < 2;
      await addUser(`paakayttaja@${spec.slug}.example`, { role: 'org_admin', organisationId }, spec.name, { printed });
      await addUser(`yhteyshenkilo@${spec.slug}.example`, { role: 'unit_coordinator', organisationId, unitId: district.id }, district.name, { printed });
      for (const [i, association] of associations.entries()) {
        await addUser(`kouluttaja${i + 1}@${spec.slug}.example`, { role: 'trainer', organisationId, unitId: association.id }, association.name, {
          printed: printed && i === 0,
        });
      }
      for (let i = 1; i <= 2; i++) {
        await addUser(`osallistuja${i}@${spec.slug}.example`, { role: 'participant', organisationId }, spec.name, { withPassword: false, printed: false });
      }
    }
    await tx.insert(badges).values({ ...adminBadge, image: Buffer.from(makeBadgePng()).toString('base64'), createdBy: centreAdminId, createdAt: new Date(), updatedAt: new Date() });
    return logins;
  });
}
