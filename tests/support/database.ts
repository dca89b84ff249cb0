import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { type DatabaseHandle, openServer, pgliteExtensions, wrapPglite } from '../../server/db/client';
import { withDatabase } from './global-setup';

/**
 * A migrated, empty database of the test file's own: PGlite loaded from the run's image,
 * or, with DATABASE_URL set, a clone of the run's template database on that server.
 */
export async function openTestDatabase(): Promise<DatabaseHandle & { url?: string; anotherInstance?: () => Promise<DatabaseHandle> }> {
  const serverUrl = process.env.DATABASE_URL;
  const template = inject('templateDatabase');
  if (serverUrl && template) {
    const name = `sivis_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    await admin.end();
    const handle = await openServer(withDatabase(serverUrl, name), { migrate: false });
    return {
      ...handle,
      url: withDatabase(serverUrl, name),
      // On a server, a second pool on the same database stands for a second app instance.
      anotherInstance: () => openServer(withDatabase(serverUrl, name), { migrate: false }),
      async close() {
        await handle.close();
        const dropper = new pg.Client({ connectionString: serverUrl });
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS ${name}`);
        await dropper.end();
      },
    };
  }
  const image = new Blob([fs.readFileSync(inject('pgliteImagePath'))]);
  return wrapPglite(await PGlite.create({ loadDataDir: image, extensions: pgliteExtensions }));
}
