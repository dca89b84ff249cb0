/**
 * The pages and actions `npm run bench` measures. Registering one is one line: its name,
 * who requests it, and its path (from the fixtures the runner looks up on the server).
 */
import { demoPassword } from '../../server/seed/demo';

export const benchUsers = {
  anonymous: null,
  centreAdmin: 'admin@sivis.example',
  centreStaff: 'asiantuntija@sivis.example',
  orgAdmin: 'paakayttaja@kll.example',
  coordinator: 'yhteyshenkilo@kll.example',
  trainer: 'kouluttaja1@kll.example',
} as const;
export type BenchUser = keyof typeof benchUsers;

export interface Fixtures {
  /** The org admin's own demo organisation. */
  organisationId: string;
  /** The organisation with the most users (a generated one when generated data is present). */
  largestOrganisationId: string;
}

export interface BenchCase {
  name: string;
  method: 'GET' | 'POST';
  as: BenchUser;
  /** The route pattern, as in app/routes.ts ("/organisations/:organisationId"). */
  route: string;
  /** Values for the pattern's parameters, from the fixtures; defaults to the fixture of the same name. */
  params?: (f: Fixtures) => Record<string, string>;
  query?: string;
  body?: string;
  /** The answer every request must get; anything else counts as an error. */
  expectStatus: number;
  /** Lower for deliberately expensive actions (password hashing). */
  concurrency?: number;
}

export const baselineName = 'trivial page (/healthz)';

const page = (name: string, as: BenchUser, route: string, extra: Pick<BenchCase, 'params' | 'query'> = {}): BenchCase => ({
  name,
  method: 'GET',
  as,
  route,
  expectStatus: 200,
  ...extra,
});
const action = (name: string, as: BenchUser, route: string, body: string, expectStatus: number, concurrency?: number): BenchCase => ({
  name,
  method: 'POST',
  as,
  route,
  body,
  expectStatus,
  ...(concurrency ? { concurrency } : {}),
});
const largest = { params: (f: Fixtures) => ({ organisationId: f.largestOrganisationId }) };

/** The concrete URL path of a case. */
export function benchPath(benchCase: BenchCase, fixtures: Fixtures): string {
  const values: Record<string, string> = { ...fixtures, ...benchCase.params?.(fixtures) };
  const path = benchCase.route.replace(/:(\w+)/g, (_, name: string) => {
    const value = values[name];
    if (!value) throw new Error(`No fixture for :${name} in ${benchCase.route}`);
    return value;
  });
  return benchCase.query ? `${path}?${benchCase.query}` : path;
}

export const benchCases: BenchCase[] = [
  page(baselineName, 'anonymous', '/healthz'),
  page('sign-in page', 'anonymous', '/login'),
  page('front page, org admin', 'orgAdmin', '/'),
  page('front page, centre staff', 'centreStaff', '/'),
  page('organisation list, centre staff', 'centreStaff', '/organisations'),
  page('organisation search, centre staff', 'centreStaff', '/organisations', { query: 'q=liitto' }),
  page('organisation page, org admin', 'orgAdmin', '/organisations/:organisationId'),
  page('organisation page, coordinator', 'coordinator', '/organisations/:organisationId'),
  page('largest organisation page, centre staff', 'centreStaff', '/organisations/:organisationId', largest),
  page('largest organisation users, centre staff', 'centreStaff', '/organisations/:organisationId/users', largest),
  page('organisation users, coordinator', 'coordinator', '/organisations/:organisationId/users'),
  page('own account, trainer', 'trainer', '/account'),
  page('outbox, centre staff', 'centreStaff', '/outbox'),
  page('audit log, centre admin', 'centreAdmin', '/audit'),
  action('language switch', 'orgAdmin', '/language', 'language=fi&redirectTo=%2F', 302),
  // A wrong current password: the full check (scrypt) without changing the demo password.
  action('password change refused, trainer (scrypt)', 'trainer', '/account', 'currentPassword=wrong-password&newPassword=uusi-salasana-2027&confirmPassword=uusi-salasana-2027', 400, 2),
  action('sign-in (scrypt)', 'anonymous', '/login', `email=paakayttaja%40kll.example&password=${encodeURIComponent(demoPassword)}`, 302, 2),
];
