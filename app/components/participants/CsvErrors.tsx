import type { CsvRowError } from '../../forms/participant-csv.server';
import { useI18n } from '../../i18n/react';
import { useErrorText } from '../forms';

/** Every problem of a refused import, by line and column (named as in the file's headings), so the file can be fixed in one go. */
export function CsvErrors({ errors }: { errors: CsvRowError[] }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  if (errors.length === 0) return null;
  return (
    <div role="alert" className="mb-4 max-w-3xl border-l-4 border-error-700 bg-white p-3">
      <p className="font-semibold text-error-700">{t('participants.csvErrorsTitle', { count: errors.length })}</p>
      <ul className="mt-2 list-disc pl-6">
        {errors.map((e) => (
          <li key={`${e.line}-${e.field}`}>
            {t('participants.csvErrorLine', { line: e.line, field: e.field === 'row' ? t('participants.wholeRow') : t(`participants.csvHeadings.${e.field}`), message: errorText(e.error) })}
          </li>
        ))}
      </ul>
    </div>
  );
}
