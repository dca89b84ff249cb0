import { Form, Link } from 'react-router';
import type { FieldErrors } from '../forms/validation';
import { useI18n } from '../i18n/react';
import { Notice } from './Notice';
import { ErrorSummary, FileField, FormState, SubmitButton, TextField } from './forms';

export type UploadOutcome =
  | { ok: true; kind: 'logo' | 'signature' }
  | { ok: false; kind: string | null; errors: FieldErrors; values: Record<string, string> }
  | undefined;

interface ImageSummary {
  sha256: string;
  width: number;
  height: number;
  uploadedAt: Date;
  signerName: string;
  signerTitle: string;
}

function UploadForm({ kind, actionData }: { kind: 'logo' | 'signature'; actionData: UploadOutcome }) {
  const { t } = useI18n();
  const mine = actionData && !actionData.ok && actionData.kind === kind ? actionData : undefined;
  const labels = { file: t('images.file'), signerName: t('images.signerName'), signerTitle: t('images.signerTitle') };
  return (
    <FormState errors={mine?.errors ?? {}} values={mine?.values ?? {}} idPrefix={`${kind}-`}>
      <Form method="post" encType="multipart/form-data" className="max-w-xl" aria-label={kind === 'logo' ? t('images.uploadLogo') : t('images.uploadSignature')}>
        <ErrorSummary errors={mine?.errors ?? {}} labels={labels} />
        <input type="hidden" name="kind" value={kind} />
        <FileField name="file" label={labels.file} hint={t('images.fileHint')} accept="image/png,image/jpeg" />
        {kind === 'signature' && (
          <>
            <TextField name="signerName" label={labels.signerName} />
            <TextField name="signerTitle" label={labels.signerTitle} />
          </>
        )}
        <SubmitButton>{kind === 'logo' ? t('images.uploadLogo') : t('images.uploadSignature')}</SubmitButton>
      </Form>
    </FormState>
  );
}

/** The page for one owner's logo and signature: current images, upload forms, certificate preview. */
export function ImagesPage({
  title,
  back,
  imageBase,
  centreName,
  logo,
  signature,
  actionData,
}: {
  title: string;
  back: { to: string; label: string };
  /** Where the images are served: `${imageBase}/logo`. */
  imageBase: string;
  centreName: string;
  logo: ImageSummary | null;
  signature: ImageSummary | null;
  actionData: UploadOutcome;
}) {
  const { t, dateTime } = useI18n();
  const src = (kind: 'logo' | 'signature', sha: string) => `${imageBase}/${kind}?v=${sha.slice(0, 12)}`;
  return (
    <>
      <title>{`${title} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to={back.to}>{back.label}</Link>
      </p>
      <h1>{title}</h1>
      {actionData?.ok && <Notice tone="ok">{t('images.uploaded')}</Notice>}
      {actionData && !actionData.ok && actionData.kind !== 'logo' && actionData.kind !== 'signature' && (
        // A submission that names neither image (a tampered form): its errors go here.
        <ErrorSummary errors={actionData.errors} labels={{}} />
      )}
      <p className="mb-6 max-w-3xl">{t('images.intro')}</p>
      <div className="grid gap-8 lg:grid-cols-2">
        {(['logo', 'signature'] as const).map((kind) => {
          const current = kind === 'logo' ? logo : signature;
          return (
            <section key={kind} aria-labelledby={`${kind}-title`} className="rounded border border-slate-300 bg-white p-4">
              <h2 id={`${kind}-title`} className="mt-0">
                {t(`images.${kind}`)}
              </h2>
              {current ? (
                <>
                  <img src={src(kind, current.sha256)} alt={t(`images.alt.${kind}`)} className="mb-2 max-h-32 max-w-full border border-slate-200" />
                  <p className="mb-4 text-sm">{t('images.current', { width: current.width, height: current.height, when: dateTime(current.uploadedAt) })}</p>
                  {kind === 'signature' && <p className="mb-4">{t('images.signedBy', { name: current.signerName, title: current.signerTitle })}</p>}
                </>
              ) : (
                <p className="mb-4">{t('images.none')}</p>
              )}
              <UploadForm kind={kind} actionData={actionData} />
            </section>
          );
        })}
      </div>
      <section aria-labelledby="preview-title" className="mt-8">
        <h2 id="preview-title">{t('images.previewTitle')}</h2>
        <div className="aspect-[1/1.414] max-w-md border border-slate-400 bg-white p-6 shadow">
          <div className="mb-8 flex items-start justify-between">
            <span className="font-bold">{centreName}</span>
            {logo && <img src={src('logo', logo.sha256)} alt={t('images.alt.logo')} className="max-h-12" />}
          </div>
          <p className="mb-2 text-center text-xl font-bold tracking-widest">{t('images.previewCertificate')}</p>
          <p className="mb-16 text-center text-sm">{t('images.previewText')}</p>
          {signature && (
            <div className="w-1/2">
              <img src={src('signature', signature.sha256)} alt={t('images.alt.signature')} className="max-h-12" />
              <p className="border-t border-slate-600 text-xs">{t('images.signedBy', { name: signature.signerName, title: signature.signerTitle })}</p>
            </div>
          )}
        </div>
      </section>
    </>
  );
}
