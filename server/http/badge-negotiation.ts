import type { RequestHandler } from 'express';

const documentPath = /^\/badges\/(achievements|credentials)\/[0-9a-f-]{36}$/i;

/**
 * Content negotiation of the public badge documents: one address serves people the page and
 * machines the JSON-LD (or a credential's signed VC-JWT). The page is a React Router route, which
 * can only answer HTML, so a machine's request is passed on to the document's resource route.
 */
export const badgeDocumentNegotiation: RequestHandler = (req, res, next) => {
  const match = req.method === 'GET' || req.method === 'HEAD' ? documentPath.exec(req.path) : null;
  if (!match) return next();
  res.setHeader('Vary', 'Accept');
  // The best of what the client accepts, by its q-values; a browser's */* gets the page.
  const wanted = req.accepts(['text/html', 'application/vc+jwt', 'application/ld+json', 'application/json']);
  const file = wanted === 'application/vc+jwt' && match[1] === 'credentials' ? 'credential.jwt' : wanted === 'application/ld+json' || wanted === 'application/json' ? `${match[1] === 'credentials' ? 'credential' : 'achievement'}.json` : null;
  if (file) {
    const query = req.url.slice(req.path.length);
    // React Router's adapter builds the request from originalUrl.
    req.url = req.originalUrl = `${req.path}/${file}${query}`;
  }
  next();
};
