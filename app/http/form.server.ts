import type { z } from 'zod';
import { type FormResult, formErrorField, validateForm } from '../forms/validation';

/** Reads and validates a submitted form; a body that cannot be read is a form-level error. */
export async function readForm<S extends z.ZodObject>(
  request: Request,
  schema: S,
  options: { keep?: (name: string) => boolean } = {},
): Promise<FormResult<z.infer<S>>> {
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    return { ok: false, errors: { [formErrorField]: { key: 'forms.invalidValue' } }, values: {} };
  }
  return validateForm(schema, formData.entries(), options);
}

/** Passwords are never sent back to the browser. */
export const keepAllButPasswords = (name: string) => !/password/i.test(name);
