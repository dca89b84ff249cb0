import { Link } from 'react-router';
import type { Route } from './+types/list';
import { requirePermission } from '../../http/authorize.server';
import { useI18n } from '../../i18n/react';
import { can } from '../../../server/access/permissions';
import { listCentreContacts, ownCentreContactIds } from '../../../server/contacts/contacts';

export async function loader({ request, context }: Route.LoaderArgs) {
  const ctx = await requirePermission(request, context, 'contacts.view');
  const [contacts, own] = await Promise.all([listCentreContacts(ctx), ownCentreContactIds(ctx)]);
  return { contacts, own, canEdit: can(ctx.actor, 'contacts.edit') };
}

export default function Contacts({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { contacts, own } = loaderData;
  // The organisation's own contact first, then everyone else by name.
  const sorted = [...contacts].sort((a, b) => Number(own.includes(b.id)) - Number(own.includes(a.id)));
  return (
    <>
      <title>{`${t('contacts.title')} – ${t('app.name')}`}</title>
      <h1>{t('contacts.title')}</h1>
      <p className="mb-6 max-w-3xl">{t('contacts.intro')}</p>
      {sorted.length === 0 ? (
        <p>{t('contacts.empty')}</p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {sorted.map((c) => {
            const highlighted = own.includes(c.id);
            return (
              <li key={c.id} className={`rounded border bg-white p-4 ${highlighted ? 'border-4 border-accent-500' : 'border-slate-300'}`}>
                {highlighted && <p className="mb-1 text-sm font-bold uppercase text-brand-900">{t('contacts.yourContact')}</p>}
                <h2 className="mt-0 mb-1 text-lg">{c.name}</h2>
                {c.title && <p className="mb-2 text-slate-700">{c.title}</p>}
                <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
                  {c.responsibilities && (
                    <>
                      <dt className="font-semibold">{t('contacts.responsibilities')}</dt>
                      <dd>{c.responsibilities}</dd>
                    </>
                  )}
                  {c.phone && (
                    <>
                      <dt className="font-semibold">{t('contacts.phone')}</dt>
                      <dd>
                        <a href={`tel:${c.phone.replace(/\s/g, '')}`}>{c.phone}</a>
                      </dd>
                    </>
                  )}
                  <dt className="font-semibold">{t('contacts.email')}</dt>
                  <dd>
                    <a href={`mailto:${c.email}`}>{c.email}</a>
                  </dd>
                </dl>
                {loaderData.canEdit && (
                  <p className="mt-2 text-sm">
                    <Link to={`/contacts/${c.id}`}>{t('contacts.edit', { name: c.name })}</Link>
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
