import { type RouteConfig, index, route } from '@react-router/dev/routes';

export default [
  index('routes/home.tsx'),
  route('login', 'routes/auth/login.tsx'),
  route('logout', 'routes/auth/logout.tsx'),
  route('language', 'routes/language.tsx'),
  route('account', 'routes/account/account.tsx'),
  route('organisations', 'routes/organisations/list.tsx'),
  route('organisations/:organisationId', 'routes/organisations/detail.tsx'),
  route('organisations/:organisationId/users', 'routes/organisations/users.tsx'),
  route('outbox', 'routes/notifications/outbox.tsx'),
  route('audit', 'routes/access/audit.tsx'),
  route('__test/clock', 'routes/test-clock.tsx'),
  route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig;
