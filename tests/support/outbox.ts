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

/** The secret of the newest cancel link (`/registrations/<secret>`) emailed to the address. */
export async function cancelTokenEmailedTo(db: Database, address: string): Promise<string> {
  const [email] = await emailsTo(db, address);
  const token = email && /\/registrations\/([A-Za-z0-9_-]{43})/.exec(email.bodyText)?.[1];
  if (!token) throw new Error(`No cancel link emailed to ${address}`);
  return token;
}
