import { parse } from 'csv-parse/sync';
import type { ParticipantDetails } from '../../server/trainings/registration';
import { type FieldError, validateForm } from './validation';
import { csvColumns, maxImportRows } from './participant-import';
import { addParticipantSchema, toParticipantDetails } from './participants';


/** What the name column's heading says in Finnish, Swedish or English. */
const headingWords = new Set(['nimi', 'namn', 'name', 'etunimi ja sukunimi', 'full name']);

/** Words people write for gender and for yes/no in Finnish, Swedish and English. */
const genderWords: Record<string, string> = {
  nainen: 'female', n: 'female', kvinna: 'female', k: 'female', female: 'female', f: 'female', woman: 'female',
  mies: 'male', m: 'male', man: 'male', male: 'male',
  muu: 'other', annan: 'other', other: 'other',
};
const yesNoWords: Record<string, string> = { kyllä: 'yes', kylla: 'yes', k: 'yes', ja: 'yes', j: 'yes', yes: 'yes', y: 'yes', '1': 'yes', ei: 'no', e: 'no', nej: 'no', no: 'no', '0': 'no' };

export interface CsvRowError {
  /** The line in the file (1-based, headings included). */
  line: number;
  field: (typeof csvColumns)[number] | 'row';
  error: FieldError;
}

export type CsvResult = { ok: true; people: ParticipantDetails[]; lines: number[] } | { ok: false; errors: CsvRowError[] };

/**
 * Reads pasted or uploaded rows (semicolon, comma or tab separated, as spreadsheets save them),
 * checks every row as the hand-entry form does and reports each problem by line and column.
 * Server only: the CSV parser needs Node's Buffer.
 */
export function parseParticipantCsv(text: string, currentYear: number): CsvResult {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
    const delimiter = [';', '\t', ','].find((d) => firstLine.includes(d)) ?? ';';
    // With `info`, each record knows the line it ends on, so blank lines do not shift the numbers reported.
    records = parse(text.replace(/^\uFEFF/, ''), { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, info: true }) as unknown as typeof records;
  } catch {
    return { ok: false, errors: [{ line: 1, field: 'row', error: { key: 'participants.errors.csvUnreadable' } }] };
  }
  // Only a row that starts with a heading is skipped: a first row with a mistake is reported, not dropped.
  const headed = records.length > 0 && headingWords.has((records[0]!.record[0] ?? '').toLowerCase());
  const rows = records.map(({ record, info }) => ({ cells: record, line: info.lines })).slice(headed ? 1 : 0);
  if (rows.length === 0) return { ok: false, errors: [{ line: 1, field: 'row', error: { key: 'participants.errors.csvEmpty' } }] };
  if (rows.length > maxImportRows) return { ok: false, errors: [{ line: 1, field: 'row', error: { key: 'participants.errors.csvTooMany', params: { max: maxImportRows } } }] };
  const schema = addParticipantSchema(currentYear);
  const errors: CsvRowError[] = [];
  const people: ParticipantDetails[] = [];
  const emails = new Map<string, number>();
  for (const { cells, line } of rows) {
    if (cells.length !== csvColumns.length) {
      errors.push({ line, field: 'row', error: { key: 'participants.errors.csvColumns', params: { expected: csvColumns.length, found: cells.length } } });
      continue;
    }
    const value = (column: (typeof csvColumns)[number]) => cells[csvColumns.indexOf(column)] ?? '';
    const fields: [string, string][] = [
      ['intent', 'add'],
      ...csvColumns.map((column): [string, string] => {
        const raw = value(column);
        const lower = raw.toLowerCase();
        if (column === 'gender') return [column, genderWords[lower] ?? raw];
        if (column === 'firstTimeThisYear') return [column, yesNoWords[lower] ?? raw];
        return [column, raw];
      }),
    ];
    const form = validateForm(schema, fields);
    if (!form.ok) {
      for (const [field, error] of Object.entries(form.errors)) errors.push({ line, field: field as CsvRowError['field'], error });
      continue;
    }
    const person = toParticipantDetails(form.data);
    const earlier = person.email ? emails.get(person.email) : undefined;
    if (earlier !== undefined) errors.push({ line, field: 'email', error: { key: 'participants.errors.csvDuplicate', params: { line: earlier } } });
    if (person.email) emails.set(person.email, line);
    people.push(person);
  }
  return errors.length ? { ok: false, errors } : { ok: true, people, lines: rows.map((r) => r.line) };
}
