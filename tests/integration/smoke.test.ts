import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/db/client';
import { seedDemoData } from '../../server/seed/demo';
import { openTestDatabase } from '../support/database';
import { actorByEmail } from '../support/demo';
import { type TestServer, startTestServer } from '../support/http-app';

let handle: DatabaseHandle;
let server: TestServer;
beforeAll(async () => {
  handle = await openTestDatabase();
  await seedDemoData(handle.db);
  server = await startTestServer(handle.db);
});
afterAll(async () => {
  await server?.close();
  await handle?.close();
});

it('serves the front page', async () => {
  const actor = await actorByEmail(handle.db, 'paakayttaja@kll.example');
  const res = await fetch(`${server.url}/`, { headers: { Cookie: await server.cookieFor(actor.userId) }, redirect: 'manual' });
  expect(res.status).toBe(200);
  expect(await res.text()).toContain('Tervetuloa');
});
