import { z } from 'zod';

/** A translated message: an i18n key under `forms.` or a domain key, with its parameters. */
export interface FieldError {
  key: string;
  params?: Record<string, string | number>;
}
export type FieldErrors = Record<string, FieldError>;

/** Where the form-level error (e.g. an unknown field) is reported. */
export const formErrorField = '_form';

// Control characters other than tab and newlines, and the replacement character that
// invalid UTF-8 decodes to, cannot be stored meaningfully: refuse them.
const unstorable = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/;

function issueToError(issue: z.core.$ZodIssue): FieldError {
  switch (issue.code) {
    case 'invalid_type':
      return { key: issue.input === undefined || issue.input === '' ? 'forms.required' : 'forms.invalidValue' };
    case 'too_small':
      return Number(issue.minimum) <= 1 && issue.origin === 'string'
        ? { key: 'forms.required' }
        : { key: 'forms.tooShort', params: { min: Number(issue.minimum) } };
    case 'too_big':
      return { key: 'forms.tooLong', params: { max: Number(issue.maximum) } };
    case 'invalid_format':
      return { key: issue.format === 'email' ? 'forms.invalidEmail' : 'forms.invalidValue' };
    case 'custom':
      return { key: issue.message };
    default:
      return { key: 'forms.invalidValue' };
  }
}

/** A field that may repeat (a group of checkboxes): a zod array, possibly with a default. */
function isListField(field: unknown): boolean {
  const inner = field instanceof z.ZodDefault ? field.unwrap() : field;
  return inner instanceof z.ZodArray;
}

/** `values` are the fields as typed, also on success: a later refusal (a domain rule) gives them back. */
export type FormResult<T> = { ok: true; data: T; values: Record<string, string> } | { ok: false; errors: FieldErrors; values: Record<string, string> };

/**
 * Validates submitted fields against a zod object schema: unknown fields, files, repeated
 * fields and unstorable characters are refused; each field gets at most one error.
 */
export function validateForm<S extends z.ZodObject>(schema: S, entries: Iterable<[string, FormDataEntryValue]>, options: { keep?: (name: string) => boolean } = {}): FormResult<z.infer<S>> {
  const values: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  const errors: FieldErrors = {};
  const known = new Set(Object.keys(schema.shape));
  for (const [name, value] of entries) {
    if (!known.has(name)) {
      errors[formErrorField] = { key: 'forms.unknownField' };
      continue;
    }
    if (typeof value === 'string' && isListField(schema.shape[name])) {
      // A list field (checkboxes) repeats its name; the form gets it back one value per line.
      if (unstorable.test(value)) errors[name] = { key: 'forms.invalidText' };
      (lists[name] ??= []).push(value);
      values[name] = lists[name].join('\n');
      continue;
    }
    if (typeof value !== 'string' || name in values) {
      errors[name] = { key: 'forms.invalidValue' };
      continue;
    }
    if (unstorable.test(value)) errors[name] = { key: 'forms.invalidText' };
    values[name] = value;
  }
  const parsed = schema.safeParse({ ...values, ...lists });
  // Passwords and the like (options.keep) are never sent back, whatever the outcome.
  const kept = Object.fromEntries(Object.entries(values).filter(([name]) => options.keep?.(name) ?? true));
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, data: parsed.data, values: kept };
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = String(issue.path[0] ?? formErrorField);
    errors[field] ??= issueToError(issue);
  }
  return { ok: false, errors, values: kept };
}

/**
 * The button of a page an emailed link opens (cancel a place, consent, sign in): the press does it,
 * never the GET, so a mail scanner following the link uses nothing up.
 */
export const confirmSchema = z.object({ confirm: z.literal('yes') });
