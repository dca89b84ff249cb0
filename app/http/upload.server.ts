import { data } from 'react-router';
import type { z } from 'zod';
import type { ActorContext } from '../../server/context';
import { saveImage } from '../../server/organisations/images';
import { imageUploadSchema } from '../forms/images';
import { type FieldErrors, type FormResult, formErrorField, validateForm } from '../forms/validation';

/** Refused before reading: comfortably above the 2 MB image limit plus the other fields. */
const maxUploadBytes = 3 * 1024 * 1024;

/**
 * Reads a multipart form with one file field: the file's bytes (to be checked by content by the
 * domain), and the other fields validated like any form. An optional file left unchosen reads as
 * no bytes.
 */
export async function readUpload<S extends z.ZodObject>(
  request: Request,
  schema: S,
  fileField: string,
  options: { optional?: boolean } = {},
): Promise<FormResult<z.infer<S> & { bytes: Uint8Array }>> {
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > maxUploadBytes) return { ok: false, errors: { [fileField]: { key: 'images.tooLarge' } }, values: {} };
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    return { ok: false, errors: { [formErrorField]: { key: 'forms.invalidValue' } }, values: {} };
  }
  const files = formData.getAll(fileField);
  const file = files[0];
  const fields = [...formData.entries()].filter(([name]) => name !== fileField);
  const form = validateForm(schema, fields);
  // A browser sends an empty file part when nothing was chosen: with an optional file, that is no file.
  const noFile = files.length === 0 || (files.length === 1 && file instanceof File && file.size === 0 && !file.name);
  if (options.optional && noFile) {
    return form.ok ? { ok: true, data: { ...form.data, bytes: new Uint8Array() }, values: form.values } : form;
  }
  const fileError = files.length !== 1 || typeof file === 'string' || !file ? { key: 'images.chooseFile' } : null;
  if (!form.ok || fileError) {
    const errors = form.ok ? {} : form.errors;
    return { ok: false, errors: fileError ? { ...errors, [fileField]: fileError } : errors, values: form.values };
  }
  return { ok: true, data: { ...form.data, bytes: new Uint8Array(await (file as File).arrayBuffer()) }, values: form.values };
}

/** The action of an images page: read the upload, let the domain check and store it. */
export async function uploadImage(request: Request, ctx: ActorContext, owner: { ownerKey: string; organisationId: string | null }) {
  const form = await readUpload(request, imageUploadSchema, 'file');
  if (!form.ok) return data({ ok: false as const, kind: form.values.kind ?? null, errors: form.errors, values: form.values }, { status: 400 });
  const result = await saveImage(ctx, {
    ...owner,
    kind: form.data.kind,
    bytes: form.data.bytes,
    signerName: form.data.signerName ?? '',
    signerTitle: form.data.signerTitle ?? '',
  });
  if (!result.ok) {
    return data({ ok: false as const, kind: form.data.kind, errors: { file: { key: result.error } } as FieldErrors, values: {} }, { status: 400 });
  }
  return { ok: true as const, kind: form.data.kind };
}
