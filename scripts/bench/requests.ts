import { type BenchCase, type Fixtures, benchPath, withFixtures } from './cases';

/** A multipart body as a browser would send it, with a fixed boundary. */
export function multipart(body: Exclude<BenchCase['body'], string | undefined>): { contentType: string; bytes: Buffer } {
  const boundary = '----sivisverkko-bench';
  const parts = Object.entries(body.fields).map(
    ([name, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
  );
  const { file } = body;
  parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`),
    Buffer.from(file.content()),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { contentType: `multipart/form-data; boundary=${boundary}`, bytes: Buffer.concat(parts) };
}


/** The request a case makes, its fixtures filled in, as the user of `cookie` (a cross-site check passes: same Origin). */
export function benchRequest(url: string, benchCase: BenchCase, fixtures: Fixtures, cookie: string | null) {
  const headers: Record<string, string> = { Origin: url };
  if (cookie) headers.Cookie = cookie;
  let body: Buffer | undefined;
  if (typeof benchCase.body === 'string') {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    body = Buffer.from(withFixtures(benchCase.body, benchCase, fixtures));
  } else if (benchCase.body) {
    const encoded = multipart(benchCase.body);
    headers['Content-Type'] = encoded.contentType;
    body = encoded.bytes;
  }
  return { url: `${url}${benchPath(benchCase, fixtures)}`, method: benchCase.method, headers, body };
}
