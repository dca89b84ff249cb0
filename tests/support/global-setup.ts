import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migratePgliteClient, openServer, pgliteExtensions } from '../../server/db/client';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteImagePath: string;
    templateDatabase: string | null;
  }
}

/**
 * Migrates once per run: a PGlite image every test file loads (far faster than initdb per
 * file), and, when DATABASE_URL is set, a template database each test file clones.
 */
export default async function setup(project: TestProject) {
  const dir = path.resolve('.tmp');
  fs.mkdirSync(dir, { recursive: true });
  const imagePath = path.join(dir, `pglite-image-${process.pid}.tar.gz`);
  const client = await PGlite.create({ extensions: pgliteExtensions });
  await migratePgliteClient(client);
  fs.writeFileSync(imagePath, Buffer.from(await (await client.dumpDataDir('gzip')).arrayBuffer()));
  await client.close();
  project.provide('pgliteImagePath', imagePath);

  let templateDatabase: string | null = null;
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    templateDatabase = `sivis_test_template_${process.pid}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${templateDatabase}`);
    await admin.query(`CREATE DATABASE ${templateDatabase}`);
    await admin.end();
    const template = await openServer(withDatabase(serverUrl, templateDatabase));
    await template.close();
  }
  project.provide('templateDatabase', templateDatabase);

  return async () => {
    fs.rmSync(imagePath, { force: true });
    if (serverUrl && templateDatabase) {
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${templateDatabase}`);
      await admin.end();
    }
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
