import { Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useRouteLoaderData } from 'react-router';
import type { Route } from './+types/root';
import './app.css';
import { ErrorPage } from './components/ErrorPage';
import { Layout as PageLayout } from './components/Layout';
import { requestLanguage } from './http/language.server';
import { navigationFor } from './http/navigation.server';
import { getSession } from './http/session.server';
import { defaultLanguage } from './i18n';
import { I18nProvider } from './i18n/react';

export async function loader({ request, context }: Route.LoaderArgs) {
  const session = await getSession(request, context);
  const language = await requestLanguage(request, session?.actor.language);
  return {
    language,
    nonce: context.app.nonce,
    viewer: session ? { name: session.actor.name } : null,
    nav: session ? navigationFor(session.actor) : [],
  };
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root');
  const language = data?.language ?? defaultLanguage;
  return (
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <I18nProvider language={language}>
          <PageLayout viewer={data?.viewer ?? null} nav={data?.nav ?? []}>
            {children}
          </PageLayout>
        </I18nProvider>
        <ScrollRestoration nonce={data?.nonce} />
        <Scripts nonce={data?.nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (!isRouteErrorResponse(error) && import.meta.env.DEV) console.error(error);
  return (
    <>
      <title>{`${status} – Sivisverkko`}</title>
      <ErrorPage status={status} windowClosed={isRouteErrorResponse(error) ? (error.data as { windowClosed?: string } | null)?.windowClosed : undefined} />
    </>
  );
}
