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
  path: (f: Fixtures) => string;
  body?: string;
  /** The answer every request must get; anything else counts as an error. */
  expectStatus: number;
  /** Lower for deliberately expensive actions (password hashing). */
  concurrency?: number;
}

export const baselineName = 'trivial page (/healthz)';

const page = (name: string, as: BenchUser, path: BenchCase['path']): BenchCase => ({ name, method: 'GET', as, path, expectStatus: 200 });
const action = (name: string, as: BenchUser, path: string, body: string, expectStatus: number, concurrency?: number): BenchCase => ({
  name,
  method: 'POST',
  as,
  path: () => path,
  body,
  expectStatus,
  ...(concurrency ? { concurrency } : {}),
});

export const benchCases: BenchCase[] = [
  page(baselineName, 'anonymous', () => '/healthz'),
  page('sign-in page', 'anonymous', () => '/login'),
  page('front page, org admin', 'orgAdmin', () => '/'),
  page('front page, centre staff', 'centreStaff', () => '/'),
  page('organisation list, centre staff', 'centreStaff', () => '/organisations'),
  page('organisation search, centre staff', 'centreStaff', () => '/organisations?q=liitto'),
  page('organisation page, org admin', 'orgAdmin', (f) => `/organisations/${f.organisationId}`),
  page('organisation page, coordinator', 'coordinator', (f) => `/organisations/${f.organisationId}`),
  page('largest organisation page, centre staff', 'centreStaff', (f) => `/organisations/${f.largestOrganisationId}`),
  page('largest organisation users, centre staff', 'centreStaff', (f) => `/organisations/${f.largestOrganisationId}/users`),
  page('organisation users, coordinator', 'coordinator', (f) => `/organisations/${f.organisationId}/users`),
  page('own account, trainer', 'trainer', () => '/account'),
  page('outbox, centre staff', 'centreStaff', () => '/outbox'),
  page('audit log, centre admin', 'centreAdmin', () => '/audit'),
  action('language switch', 'orgAdmin', '/language', 'language=fi&redirectTo=%2F', 302),
  action('sign-in (scrypt)', 'anonymous', '/login', `email=paakayttaja%40kll.example&password=${encodeURIComponent(demoPassword)}`, 302, 2),
];
