import { sql } from 'drizzle-orm';
import { queryRows } from '../../server/db/query-rows';
import type { Database } from '../../server/db/types';

/** A digest of every table's contents: equal fingerprints mean nothing was written. */
export async function fingerprint(db: Database, except: string[] = []): Promise<Record<string, string>> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const result: Record<string, string> = {};
  for (const { name } of tables) {
    if (except.includes(name)) continue;
    const [row] = await queryRows<{ digest: string }>(
      db,
      sql.raw(`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from "${name}" t`),
    );
    result[name] = row!.digest;
  }
  return result;
}
