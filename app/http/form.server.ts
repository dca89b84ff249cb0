import { data } from 'react-router';
import type { z } from 'zod';
import { type FieldError, type FieldErrors, type FormResult, formErrorField, validateForm } from '../forms/validation';

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

/**
 * Reads a form that is one of several (told apart by its `intent` field) and validates it with
 * that form's schema. An unknown intent is a form-level error.
 */
export async function readIntentForm<M extends Record<string, z.ZodObject>>(request: Request, schemas: M) {
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    return { intent: null, ok: false as const, errors: { [formErrorField]: { key: 'forms.invalidValue' } } as FieldErrors, values: {} as Record<string, string> };
  }
  return validateIntentForm(formData, schemas);
}

type IntentFormResult<M extends Record<string, z.ZodObject>> =
  | { [K in keyof M]: { intent: K } & FormResult<z.infer<M[K]>> }[keyof M]
  | { intent: null; ok: false; errors: FieldErrors; values: Record<string, string> };

/** Validates already-read form data (from which a file may have been taken) as one of several forms. */
export function validateIntentForm<M extends Record<string, z.ZodObject>>(formData: FormData, schemas: M, without: string[] = []): IntentFormResult<M> {
  const intent = formData.getAll('intent');
  const name = intent.length === 1 && typeof intent[0] === 'string' && Object.hasOwn(schemas, intent[0]) ? intent[0] : null;
  if (!name) return { intent: null, ok: false, errors: { [formErrorField]: { key: 'forms.invalidValue' } }, values: {} };
  const entries = [...formData.entries()].filter(([field]) => !without.includes(field));
  return { intent: name, ...validateForm(schemas[name]!, entries) } as never;
}

/**
 * A refusal shown next to one field (or above the form, with `_form`), keeping what the user typed.
 * `extra` tells a page of several forms which one answered (its intent).
 */
export function fieldRefusal<Extra extends object = object>(field: string, error: FieldError, values: Record<string, string> = {}, status = 400, extra?: Extra) {
  const errors: FieldErrors = { [field]: error };
  return data({ ok: false as const, errors, values, ...(extra as Extra) }, { status });
}
