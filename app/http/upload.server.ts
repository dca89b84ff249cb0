import type { z } from 'zod';
import { type FormResult, formErrorField, validateForm } from '../forms/validation';

/** Refused before reading: comfortably above the 2 MB image limit plus the other fields. */
const maxUploadBytes = 3 * 1024 * 1024;

/**
 * Reads a multipart form with one file field: the file's bytes (to be checked by content by the
 * domain), and the other fields validated like any form.
 */
export async function readUpload<S extends z.ZodObject>(
  request: Request,
  schema: S,
  fileField: string,
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
  const fileError = files.length !== 1 || typeof file === 'string' || !file ? { key: 'images.chooseFile' } : null;
  if (!form.ok || fileError) {
    const errors = form.ok ? {} : form.errors;
    return { ok: false, errors: fileError ? { ...errors, [fileField]: fileError } : errors, values: form.ok ? {} : form.values };
  }
  return { ok: true, data: { ...form.data, bytes: new Uint8Array(await (file as File).arrayBuffer()) } };
}
