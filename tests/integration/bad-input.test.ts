import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/db/client';
import { seedDemoData } from '../../server/seed/demo';
import { openTestDatabase } from '../support/database';
import { fingerprint } from '../support/fingerprint';
import { actorByEmail } from '../support/demo';
import { type TestServer, startTestServer } from '../support/http-app';
import type { TestRole } from './access-expectations';
import { type FormCase, formCases } from './form-cases';

const emails: Partial<Record<TestRole, string>> = { org_admin: 'paakayttaja@kll.example', trainer: 'kouluttaja1@kll.example' };
const scriptValue = '<script>alert("x")</script>';
const sqlValue = "x'; DROP TABLE users; --";

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

const encode = (pairs: [string, string][]) => new URLSearchParams(pairs).toString();

async function submit(form: FormCase, body: string | Blob) {
  const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url };
  const email = emails[form.as];
  if (email) headers.Cookie = await server.cookieFor((await actorByEmail(handle.db, email)).userId);
  const response = await fetch(`${server.url}${form.path}`, { method: 'POST', headers, body, redirect: 'manual' });
  return { status: response.status, html: await response.text() };
}

interface BadCase {
  label: string;
  field: string | null;
  body: string | Blob;
  /** Well-formed free text: may pass validation, so only harmlessness is asserted. */
  harmlessOnly?: boolean;
}

function badCases(form: FormCase): BadCase[] {
  const valid = Object.entries(form.valid);
  const withField = (field: string, values: string[]) => encode([...valid.filter(([n]) => n !== field), ...values.map((v) => [field, v] as [string, string])]);
  const cases: BadCase[] = [{ label: 'an unknown field', field: null, body: encode([...valid, ['isAdmin', 'true']]) }];
  for (const [field, spec] of Object.entries(form.fields)) {
    if (spec.required) cases.push({ label: `${field} missing`, field, body: withField(field, []) });
    cases.push({ label: `${field} over-long`, field, body: withField(field, ['a'.repeat(spec.maxLength + 1)]) });
    cases.push({ label: `${field} given twice`, field, body: withField(field, [form.valid[field] ?? 'a', 'b']) });
    if (spec.wrongKind) cases.push({ label: `${field} of the wrong kind`, field, body: withField(field, [spec.wrongKind]) });
    for (const [label, value] of [['markup', scriptValue], ['SQL-looking text', sqlValue]] as const) {
      cases.push({ label: `${field} with ${label}`, field, body: withField(field, [value]), harmlessOnly: spec.freeText });
    }
    const prefix = encode(valid.filter(([n]) => n !== field));
    cases.push({
      label: `${field} with invalid UTF-8`,
      field,
      body: new Blob([`${prefix}${prefix ? "&" : ""}${field}=ok`, new Uint8Array([0xc3, 0x28, 0xff])]),
    });
  }
  return cases;
}

describe.each(formCases)('the $name form', (form) => {
  it.each(badCases(form))('refuses $label without a 500, writing nothing, with an error shown', async (bad) => {
    const before = await fingerprint(handle.db, ['sessions']);
    const { status, html } = await submit(form, bad.body);
    expect(status).toBeLessThan(500);
    expect(html).not.toContain(scriptValue);
    const after = await fingerprint(handle.db, ['sessions']);
    if (bad.harmlessOnly) {
      // Well-formed free text may be accepted (and then stored verbatim): every table is still there.
      expect(Object.keys(after)).toEqual(Object.keys(before));
      return;
    }
    expect(after).toEqual(before);
    expect(status).toBe(400);
    if (form.errorsShownAs === 'errorPage') {
      expect(html).toContain('Pyyntöä ei voitu käsitellä');
    } else if (bad.field) {
      expect(html).toContain(`id="field-${bad.field}-error"`);
    } else {
      expect(html).toContain('Lomakkeessa oli tuntematon kenttä');
    }
  });

  // Last, because it changes data (a password): proves the harness drives a working form.
  it('accepts a valid submission', async () => {
    const { status } = await submit(form, encode(Object.entries(form.valid)));
    expect(status).toBe(form.validStatus);
  });
});
