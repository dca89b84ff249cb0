import type { AddressInfo } from 'node:net';
import type { ServerBuild } from 'react-router';
import { createServer } from 'vite';
import { createSession } from '../../server/access/sessions';
import { type Clock, systemClock } from '../../server/clock';
import { loadConfig } from '../../server/config';
import type { Database } from '../../server/db/types';
import { createHttpApp } from '../../server/http/create-app';
import { sessionCookie } from '../../app/http/session.server';

export interface TestServer {
  url: string;
  build: ServerBuild;
  /** A Cookie header signed in as the user (a session row made directly, so any role works). */
  cookieFor(userId: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The real HTTP stack (security middleware, React Router, every route) on a loopback port,
 * with route modules compiled from source by Vite, over the given test database.
 */
export async function startTestServer(db: Database, clock: Clock = systemClock): Promise<TestServer> {
  const vite = await createServer({ server: { middlewareMode: true, hmr: false, ws: false }, appType: 'custom', logLevel: 'error' });
  const build = (await vite.ssrLoadModule('virtual:react-router/server-build')) as ServerBuild;
  const config = { ...loadConfig({}), NODE_ENV: 'test' as const };
  const app = createHttpApp(build, '/nonexistent-build', { db, clock, config, testClock: null, smtpConfigured: false });
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    build,
    async cookieFor(userId) {
      const { token } = await createSession({ db, clock }, userId, 1, 'test');
      return (await sessionCookie.serialize(token)).split(';')[0]!;
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await vite.close();
    },
  };
}
