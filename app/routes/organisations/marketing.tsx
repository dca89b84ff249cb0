import { Link, data } from 'react-router';
import type { Route } from './+types/marketing';
import { HelpLink } from '../../components/HelpLink';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { baseUrl } from '../../http/base-url.server';
import { languages, translateDynamic } from '../../i18n';
import { useI18n } from '../../i18n/react';
import { centreBranding } from '../../../server/centre/branding';
import { getOrganisation } from '../../../server/organisations/get-organisation';

/** The marketing kit: the centre's logo, the cooperation sentence in every language and the organisation's feeds. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'marketingKit.view', { organisationId });
  const [organisation, centre] = await Promise.all([getOrganisation(ctx, organisationId), centreBranding(ctx)]);
  if (!organisation) throw data(null, { status: 404 });
  const publicUrl = baseUrl(context);
  const feedBase = `${publicUrl}/training-calendar/feeds/${organisationId}`;
  return {
    organisation: { id: organisationId, name: organisation.name },
    centre,
    sentences: languages.map((language) => ({ language, text: translateDynamic(language, 'marketing.sentence', { organisation: organisation.name, centre: centre.name }) })),
    calendarUrl: `${publicUrl}/training-calendar?organisation=${organisationId}`,
    jsonFeed: `${feedBase}/trainings.json`,
    icsFeed: `${feedBase}/trainings.ics`,
  };
}

/** A copyable block: selectable text in a labelled, read-only field. */
function CopyBlock({ id, label, value, rows = 2 }: { id: string; label: string; value: string; rows?: number }) {
  return (
    <div className="mb-4 max-w-3xl">
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <textarea id={id} readOnly rows={rows} value={value} className="mt-1 w-full rounded border-2 border-slate-600 bg-slate-50 p-2 font-mono text-sm" />
    </div>
  );
}

export default function MarketingKit({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { organisation, centre, sentences } = loaderData;
  const snippet = `<div id="sivis-trainings"></div>\n<script>\nfetch('${loaderData.jsonFeed}')\n  .then((r) => r.json())\n  .then((feed) => {\n    const list = document.createElement('ul');\n    for (const t of feed.trainings) {\n      const item = list.appendChild(document.createElement('li'));\n      const link = item.appendChild(document.createElement('a'));\n      link.href = t.url;\n      link.textContent = t.startsOn + ' ' + t.name;\n    }\n    document.getElementById('sivis-trainings').append(list, feed.cooperation);\n  });\n</script>`;
  return (
    <>
      <title>{`${t('marketing.title')} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to={`/organisations/${organisation.id}`}>{organisation.name}</Link>
      </p>
      <h1>{t('marketing.title')}</h1>
      <HelpLink area="trainings" />
      <p className="mb-6 max-w-3xl">{t('marketing.intro', { centre: centre.name })}</p>
      <h2>{t('marketing.logoTitle')}</h2>
      {centre.logoVersion ? (
        <div className="mb-6 flex flex-wrap items-center gap-6">
          <img src={`/centre/images/logo?v=${centre.logoVersion}`} alt={t('publicCalendar.logoOf', { name: centre.name })} className="h-24 w-auto border border-slate-300 bg-white p-2" />
          <a href={`/centre/images/logo?v=${centre.logoVersion}`} download className="font-semibold">
            {t('marketing.downloadLogo')}
          </a>
        </div>
      ) : (
        <p className="mb-6">{t('marketing.noLogo')}</p>
      )}
      <p className="mb-6 max-w-3xl">{t('marketing.logoRules')}</p>
      <h2>{t('marketing.sentenceTitle')}</h2>
      {sentences.map((s) => (
        <CopyBlock key={s.language} id={`sentence-${s.language}`} label={t(`language.${s.language}`)} value={s.text} />
      ))}
      <h2>{t('marketing.feedsTitle')}</h2>
      <p className="mb-4 max-w-3xl">{t('marketing.feedsIntro')}</p>
      <p className="mb-4">
        <a href={loaderData.calendarUrl}>{t('marketing.calendarLink')}</a>
      </p>
      <CopyBlock id="feed-json" label={t('marketing.jsonFeed')} value={loaderData.jsonFeed} />
      <CopyBlock id="feed-ics" label={t('marketing.icsFeed')} value={loaderData.icsFeed} />
      <CopyBlock id="embed-snippet" label={t('marketing.snippet')} value={snippet} rows={14} />
    </>
  );
}
