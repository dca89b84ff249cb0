import path from 'node:path';
import { createRequestHandler } from '@react-router/express';
import express from 'express';
import type { ServerBuild } from 'react-router';
import type { AppContext } from '../app-context';
import { badgeDocumentNegotiation } from './badge-negotiation';
import { securityMiddleware } from './security';

export function createHttpApp(build: ServerBuild, buildDir: string, base: Omit<AppContext, 'nonce' | 'ip'>) {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(securityMiddleware(base.config.SECURE_COOKIES));
  app.use('/assets', express.static(path.join(buildDir, 'client/assets'), { immutable: true, maxAge: '1y', index: false }));
  app.use(express.static(path.join(buildDir, 'client'), { maxAge: '1h', index: false }));
  app.get('/healthz', (_req, res) => {
    res.type('text/plain').send('ok');
  });
  app.use(badgeDocumentNegotiation);
  app.all(
    '/{*splat}',
    createRequestHandler({
      build,
      mode: base.config.NODE_ENV === 'production' ? 'production' : 'development',
      getLoadContext: (req, res) => ({ app: { ...base, nonce: res.locals.nonce as string, ip: req.ip ?? null } }),
    }),
  );
  return app;
}
