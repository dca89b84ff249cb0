import { Form } from 'react-router';
import type { CsvRowError } from '../../forms/participant-csv.server';
import { csvColumns, maxImportRows } from '../../forms/participant-import';
import { CsvErrors } from './CsvErrors';
import type { FieldErrors } from '../../forms/validation';
import { useI18n } from '../../i18n/react';
import { ErrorSummary, FileField, FormState, SubmitButton, TextArea } from '../forms';

/** Pasted rows or an uploaded file (CSV as spreadsheets save it); nothing is added unless every row is valid. */
export function ImportParticipantsForm({ serverState }: { serverState: { errors: FieldErrors; values: Record<string, string>; csvErrors: CsvRowError[] } | undefined }) {
  const { t } = useI18n();
  const labels = { rows: t('participants.importRows'), file: t('participants.importFile') };
  return (
    <FormState errors={serverState?.errors ?? {}} values={serverState?.values ?? {}} idPrefix="import-">
      <Form method="post" encType="multipart/form-data" aria-label={t('participants.importTitle')}>
        <ErrorSummary errors={serverState?.errors ?? {}} labels={labels} />
        <CsvErrors errors={serverState?.csvErrors ?? []} />
        <input type="hidden" name="intent" value="import" />
        <p className="mb-2 max-w-3xl">{t('participants.importHint', { max: maxImportRows })}</p>
        <p className="mb-4 max-w-3xl">
          {t('participants.importColumns')} <code>{csvColumns.map((c) => t(`participants.csvHeadings.${c}`)).join(';')}</code>
        </p>
        <TextArea name="rows" label={labels.rows} hint={t('participants.importRowsHint')} rows={6} />
        <FileField name="file" label={labels.file} hint={t('participants.importFileHint')} accept=".csv,.txt,text/csv,text/plain" />
        <SubmitButton>{t('participants.import')}</SubmitButton>
      </Form>
    </FormState>
  );
}
