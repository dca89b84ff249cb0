import { desc, eq } from 'drizzle-orm';
import { emailOutbox } from '../../server/db/schema';
import type { Database } from '../../server/db/types';

export async function emailsTo(db: Database, address: string) {
  return db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, address)).orderBy(desc(emailOutbox.id));
}

/** The token of the newest emailed link to the address. */
export async function lastLinkToken(db: Database, address: string): Promise<string> {
  const [email] = await emailsTo(db, address);
  const token = email && /token=([A-Za-z0-9_-]+)/.exec(email.bodyText)?.[1];
  if (!token) throw new Error(`No link emailed to ${address}`);
  return token;
}

/** The secret of the newest emailed link under `/<path>/<secret>` (cancel links, feedback links) to the address. */
export async function linkSecretEmailedTo(db: Database, address: string, path: 'registrations' | 'feedback'): Promise<string> {
  const [email] = await emailsTo(db, address);
  const token = email && new RegExp(`/${path}/([A-Za-z0-9_-]{43})`).exec(email.bodyText)?.[1];
  if (!token) throw new Error(`No /${path}/ link emailed to ${address}`);
  return token;
}

export const cancelTokenEmailedTo = (db: Database, address: string) => linkSecretEmailedTo(db, address, 'registrations');
