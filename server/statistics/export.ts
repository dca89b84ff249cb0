import { stringify } from 'csv-stringify/sync';
import writeXlsxFile, { type Row } from 'write-excel-file/node';
import type { Language } from '../../app/i18n';
import type { Cell, CellKind, StatisticsTable } from './tables';

/** A number as spreadsheets in the language read it: no digit grouping, a decimal comma in Finnish and Swedish. */
const plainDecimal = (language: Language, value: number, digits: number) => (language === 'en' ? value.toFixed(digits) : value.toFixed(digits).replace('.', ','));

/** The cell's value as exported: hundredths and cents become hours and euros, tenths of a per cent per cent. */
function exportedValue(kind: CellKind, value: Cell): number | string | null {
  if (value === null || typeof value === 'string') return value;
  if (kind === 'hours' || kind === 'euros') return value / 100;
  if (kind === 'change') return value / 10;
  return value;
}

/**
 * A table as CSV the way Finnish spreadsheets open it: UTF-8 with a byte-order mark, `;` between
 * fields, decimal commas (points in English), a header row.
 */
export function tableCsv(table: StatisticsTable, language: Language): string {
  const rows = table.rows.map((row) =>
    row.map((value, i) => {
      const kind = table.columns[i]!.kind;
      const exported = exportedValue(kind, value);
      if (typeof exported === 'number') return plainDecimal(language, exported, kind === 'count' ? 0 : kind === 'change' ? 1 : 2);
      // A name starting like a formula (=, +, -, @) is not run as one when the file is opened.
      return exported && /^[=+\-@]/.test(exported) ? `'${exported}` : (exported ?? '');
    }),
  );
  return `\ufeff${stringify([table.columns.map((c) => c.header), ...rows], { delimiter: ';', record_delimiter: '\r\n' })}`;
}

/** An Excel sheet's name: at most 31 characters, none of []:*?/\ */
const sheetName = (title: string) => title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

/** Tables as an XLSX workbook, a sheet each; numbers are numbers (hours and euros with two decimals). */
export async function tablesXlsx(tables: StatisticsTable[]): Promise<Buffer> {
  return writeXlsxFile(
    tables.map((table) => ({
      sheet: sheetName(table.title),
      columns: table.columns.map((c) => ({ width: c.kind === 'text' ? 36 : 16 })),
      data: [
        table.columns.map((c) => ({ value: c.header, fontWeight: 'bold' as const })),
        ...table.rows.map(
          (row): Row =>
            row.map((value, i) => {
              const kind = table.columns[i]!.kind;
              const exported = exportedValue(kind, value);
              if (typeof exported === 'number') return { value: exported, type: Number, format: kind === 'count' ? '0' : kind === 'change' ? '0.0' : '0.00' };
              return exported === null ? null : { value: exported, type: String };
            }),
        ),
      ],
    })),
  ).toBuffer();
}
