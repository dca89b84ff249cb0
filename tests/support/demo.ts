import { eq } from 'drizzle-orm';
import { loadActor } from '../../server/access/actor';
import type { Actor } from '../../server/access/roles';
import { organisations, units, users } from '../../server/db/schema';
import type { Database } from '../../server/db/types';

export async function actorByEmail(db: Database, email: string): Promise<Actor> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  const actor = user && (await loadActor(db, user.id));
  if (!actor) throw new Error(`No active demo user ${email}`);
  return actor;
}

export async function organisationIdByName(db: Database, name: string): Promise<string> {
  const [row] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name));
  if (!row) throw new Error(`No organisation ${name}`);
  return row.id;
}

export async function unitByName(db: Database, name: string) {
  const [row] = await db.select().from(units).where(eq(units.name, name));
  if (!row) throw new Error(`No unit ${name}`);
  return row;
}

export const demoOrgA = 'Kansanliikkeiden Liitto ry';
export const demoOrgB = 'Kulttuuriyhdistysten Keskusliitto ry';
