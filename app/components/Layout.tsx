import type { ReactNode } from 'react';
import { Form, Link, useLocation } from 'react-router';
import { languages } from '../i18n';
import { useI18n } from '../i18n/react';

export interface NavItem {
  to: string;
  labelKey: 'nav.home' | 'nav.organisations' | 'nav.outbox' | 'nav.audit' | 'nav.throttling' | 'nav.centre' | 'nav.adminApplications' | 'nav.contacts' | 'nav.help' | 'nav.account' | 'nav.calendar' | 'nav.announcements' | 'nav.hours' | 'nav.trainings' | 'nav.expenseReports' | 'nav.paymentBatches' | 'nav.models' | 'nav.statistics' | 'nav.badges';
}

export interface Viewer {
  name: string;
}

export function Layout({ viewer, nav, children }: { viewer: Viewer | null; nav: NavItem[]; children: ReactNode }) {
  const { t, language } = useI18n();
  const location = useLocation();
  // One item is current: the longest whose path the page is under (hours pages sit under /organisations).
  const current = nav
    .filter((item) => (item.to === '/' ? location.pathname === '/' : location.pathname === item.to || location.pathname.startsWith(`${item.to}/`)))
    .sort((a, b) => b.to.length - a.to.length)[0]?.to;
  const here = location.pathname + location.search;
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:m-2 focus:bg-white focus:p-2">
        {t('app.skipToContent')}
      </a>
      <header className="bg-brand-900 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
          <Link to="/" className="text-xl font-bold text-white no-underline hover:text-brand-100">
            {t('app.name')}
          </Link>
          <div className="flex flex-wrap items-center gap-4">
            <Form method="post" action="/language" className="flex items-center gap-2">
              <input type="hidden" name="redirectTo" value={here} />
              <span className="text-sm" id="language-label">
                {t('language.label')}:
              </span>
              <div role="group" aria-labelledby="language-label" className="flex gap-1">
                {languages.map((lang) => (
                  <button
                    key={lang}
                    type="submit"
                    name="language"
                    value={lang}
                    lang={lang}
                    aria-pressed={lang === language}
                    className={`rounded px-2 py-1 text-sm ${lang === language ? 'bg-white text-brand-900 font-semibold' : 'text-white underline hover:bg-brand-700'}`}
                  >
                    {t(`language.${lang}`)}
                  </button>
                ))}
              </div>
            </Form>
            {viewer && (
              <>
                <span className="text-sm">{t('app.signedInAs', { name: viewer.name })}</span>
                <Form method="post" action="/logout">
                  <button type="submit" className="rounded border border-white px-3 py-1 text-sm hover:bg-brand-700">
                    {t('nav.signOut')}
                  </button>
                </Form>
              </>
            )}
          </div>
        </div>
        {viewer && nav.length > 0 && (
          <nav aria-label={t('app.mainNavigation')} className="bg-brand-700">
            <ul className="mx-auto flex max-w-6xl flex-wrap gap-1 px-4">
              {nav.map((item) => (
                <li key={item.to}>
                  <Link
                    to={item.to}
                    aria-current={item.to === current ? 'page' : undefined}
                    className={`block px-3 py-2 text-white no-underline hover:bg-brand-900 ${item.to === current ? 'bg-brand-900 font-semibold underline' : ''}`}
                  >
                    {t(item.labelKey)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
