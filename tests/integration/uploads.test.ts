import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/db/client';
import { seedDemoData } from '../../server/seed/demo';
import { openTestDatabase } from '../support/database';
import { actorByEmail, demoOrgA, organisationIdByName } from '../support/demo';
import { fingerprint } from '../support/fingerprint';
import { type TestServer, startTestServer } from '../support/http-app';
import { makePng } from '../../server/organisations/sample-images';

let handle: DatabaseHandle;
let server: TestServer;
let organisationId: string;
let cookie: string;

beforeAll(async () => {
  handle = await openTestDatabase();
  await seedDemoData(handle.db);
  server = await startTestServer(handle.db);
  organisationId = await organisationIdByName(handle.db, demoOrgA);
  cookie = await server.cookieFor((await actorByEmail(handle.db, 'paakayttaja@kll.example')).userId);
});
afterAll(async () => {
  await server?.close();
  await handle?.close();
});

function upload(bytes: Uint8Array, name: string, type: string) {
  const body = new FormData();
  body.append('kind', 'logo');
  body.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  return fetch(`${server.url}/organisations/${organisationId}/images`, { method: 'POST', body, headers: { Cookie: cookie, Origin: server.url } });
}

describe('uploading a logo over HTTP', () => {
  it.each([
    ['an SVG', new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'logo.svg', 'image/svg+xml', 'ei ole PNG- tai JPEG-kuva'],
    ['an executable renamed .png', new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0]), 'logo.png', 'image/png', 'ei ole PNG- tai JPEG-kuva'],
    ['a zero-byte file', new Uint8Array(), 'logo.png', 'image/png', 'Tiedosto on tyhjä'],
    ['a truncated PNG', makePng(200, 100).slice(0, 70), 'logo.png', 'image/png', 'vajaa tai vioittunut'],
  ])('refuses %s with a clear message and stores nothing', async (_, bytes, name, type, message) => {
    const before = await fingerprint(handle.db, ['sessions']);
    const response = await upload(bytes, name, type);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(message);
    expect(await fingerprint(handle.db, ['sessions'])).toEqual(before);
  });

  it('stores a PNG and serves it with caching headers; a new one replaces it', async () => {
    expect((await upload(makePng(200, 100), 'logo.png', 'image/png')).status).toBe(200);
    const served = await fetch(`${server.url}/organisations/${organisationId}/images/logo`, { headers: { Cookie: cookie } });
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('cache-control')).toContain('max-age');
    const etag = served.headers.get('etag')!;
    expect(Buffer.from(await served.arrayBuffer())).toEqual(Buffer.from(makePng(200, 100)));
    const again = await fetch(`${server.url}/organisations/${organisationId}/images/logo`, { headers: { Cookie: cookie, 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    await upload(makePng(300, 100), 'uusi.png', 'image/png');
    const replaced = await fetch(`${server.url}/organisations/${organisationId}/images/logo`, { headers: { Cookie: cookie, 'If-None-Match': etag } });
    expect(replaced.status).toBe(200);
  });
});
