import { Table } from '../Table';
import { useI18n } from '../../i18n/react';
import { formatEuros } from '../../../server/expenses/format';
import { formatHundredths } from '../../../server/hours/format';
import type { Cell, CellKind, StatisticsTable } from '../../../server/statistics/tables';

/** A cell as the page shows it, in the reader's language. */
export function useCellText() {
  const { t, language, number } = useI18n();
  return (kind: CellKind, value: Cell): string => {
    if (value === null) return '–';
    if (typeof value === 'string') return value;
    if (kind === 'hours') return formatHundredths(language, value);
    if (kind === 'euros') return formatEuros(language, value);
    if (kind === 'change') return t('statistics.change', { value: `${value > 0 ? '+' : ''}${number(value / 10, 1)}` });
    return number(value);
  };
}

/** One statistics table with its downloads (the same table as CSV and XLSX, with the page's filters). */
export function StatisticsTableSection({ table, download, nested = false }: { table: StatisticsTable; download: (table: StatisticsTable['id'], format: 'csv' | 'xlsx') => string; nested?: boolean }) {
  const Heading = nested ? 'h3' : 'h2';
  const { t } = useI18n();
  const cellText = useCellText();
  const headingId = `table-${table.id}`;
  return (
    <section aria-labelledby={headingId} className="mb-8">
      <Heading id={headingId}>{table.title}</Heading>
      {table.rows.length === 0 ? (
        <p>{t('statistics.empty')}</p>
      ) : (
      <Table
        caption={table.title}
        // Two units may share a name: rows are told apart by their place.
        rowKey={(row) => String(row.place)}
        rows={table.rows.map((cells, place) => ({ cells, place }))}
        columns={table.columns.map((column, i) => ({ header: column.header, numeric: column.kind !== 'text', cell: (row: { cells: Cell[] }) => cellText(column.kind, row.cells[i] ?? null) }))}
      />
      )}
      <p className="mt-2 flex flex-wrap gap-4 text-sm">
        <span>{t('statistics.download')}:</span>
        {(['csv', 'xlsx'] as const).map((format) => (
          <a key={format} href={download(table.id, format)} aria-label={t('statistics.downloadAs', { table: table.title, format: format.toUpperCase() })}>
            {format.toUpperCase()}
          </a>
        ))}
      </p>
    </section>
  );
}
