import { Link } from 'react-router';
import type { ExpenseReportEventKind } from '../../../server/expenses/kinds';
import { formatDateTime } from '../../i18n';
import { useI18n } from '../../i18n/react';

interface Event {
  id: number;
  kind: ExpenseReportEventKind;
  version: number;
  comment: string;
  at: Date | string;
  actorName: string | null;
}

/** What happened to the report, newest first, with staff's comments; a link to compare versions. */
export function ReportHistory({ events, versions, compareBase }: { events: Event[]; versions: { version: number }[]; compareBase: string }) {
  const { t, language } = useI18n();
  if (events.length === 0) return null;
  return (
    <section aria-labelledby="history-title" className="mb-8">
      <h2 id="history-title">{t('expenses.history')}</h2>
      {versions.length >= 2 && (
        <p className="mb-3">
          <Link to={compareBase}>{t('expenses.compareVersions')}</Link>
        </p>
      )}
      <ol className="max-w-3xl space-y-3">
        {events.map((event) => (
          <li key={event.id} className="border-l-4 border-slate-300 pl-3">
            <p className="font-semibold">{t(`expenses.events.${event.kind}`, { version: event.version })}</p>
            <p className="text-sm text-slate-700">{`${formatDateTime(language, new Date(event.at))}${event.actorName ? ` · ${event.actorName}` : ''}`}</p>
            {event.comment && <p className="mt-1 whitespace-pre-line">{event.comment}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
