import { type FormEvent, type ReactNode, createContext, useContext, useEffect, useRef, useState } from 'react';
import { Form, type FormProps } from 'react-router';
import type { z } from 'zod';
import { type FieldError, type FieldErrors, formErrorField, validateForm } from '../forms/validation';
import { translateDynamic } from '../i18n';
import { useI18n } from '../i18n/react';

interface FormState {
  errors: FieldErrors;
  values: Record<string, string>;
  /** Keeps field ids unique when one page has several forms with the same fields. */
  idPrefix?: string;
}
const FormStateContext = createContext<FormState>({ errors: {}, values: {} });

/** The surrounding form's errors and kept values, for fields that lay themselves out (repeating rows). */
export const useFormState = () => useContext(FormStateContext);

export function useErrorText() {
  const { language } = useI18n();
  return (error: FieldError) => translateDynamic(language, error.key, error.params);
}

/**
 * A form validated by the same zod schema in the browser (when JS runs) and on the server.
 * Shows an error summary at the top and keeps the user's input after a server-side error.
 */
export function ValidatedForm<S extends z.ZodObject>({
  schema,
  serverState,
  children,
  labels,
  idPrefix,
  ...formProps
}: FormProps & {
  schema: S;
  serverState?: { errors: FieldErrors; values: Record<string, string> } | undefined;
  labels: Record<string, string>;
  /** Needed when a page has several forms with the same field names. */
  idPrefix?: string;
  children: ReactNode;
}) {
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const errors = clientErrors ?? serverState?.errors ?? {};
  const formRef = useRef<HTMLFormElement>(null);
  // Passwords are never shown again after a failed submission, with or without JS.
  useEffect(() => {
    if (serverState) for (const input of formRef.current?.querySelectorAll<HTMLInputElement>('input[type=password]') ?? []) input.value = '';
  }, [serverState]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    // The pressed button's name and value (an intent) are part of what is sent.
    const data = new FormData(event.currentTarget);
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    if (submitter instanceof HTMLButtonElement && submitter.name) data.append(submitter.name, submitter.value);
    const result = validateForm(schema, data.entries());
    if (!result.ok) {
      event.preventDefault();
      setClientErrors(result.errors);
    } else {
      setClientErrors(null);
    }
  };
  return (
    <FormStateContext.Provider value={{ errors, values: serverState?.values ?? {}, idPrefix: idPrefix ?? '' }}>
      <Form ref={formRef} noValidate onSubmit={onSubmit} {...formProps}>
        <ErrorSummary errors={errors} labels={labels} />
        {children}
      </Form>
    </FormStateContext.Provider>
  );
}

/** Gives fields their errors and kept values, for forms that cannot use ValidatedForm (uploads). */
export function FormState({ errors, values, idPrefix, children }: FormState & { children: ReactNode }) {
  return <FormStateContext.Provider value={{ errors, values, idPrefix: idPrefix ?? '' }}>{children}</FormStateContext.Provider>;
}

export function ErrorSummary({ errors, labels }: { errors: FieldErrors; labels: Record<string, string> }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { idPrefix = '' } = useContext(FormStateContext);
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  useEffect(() => {
    if (entries.length) ref.current?.focus();
  }, [errors]);
  if (!entries.length) return null;
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title" className="mb-6 border-4 border-error-700 bg-white p-4">
      <h2 id="error-summary-title" className="mt-0 text-lg">
        {t('forms.errorSummaryTitle')}
      </h2>
      <ul className="list-disc pl-6">
        {entries.map(([field, error]) => (
          <li key={field}>
            {field === formErrorField ? (
              errorText(error)
            ) : (
              <a href={`#${idPrefix}field-${field}`} className="font-semibold text-error-700">
                {labels[field] ? `${labels[field]}: ` : ''}
                {errorText(error)}
              </a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A field's ids, its error and the hint and error paragraphs that describe it to screen readers. */
function useFieldParts(name: string, hint: string | undefined) {
  const { errors, values, idPrefix = '' } = useContext(FormStateContext);
  const errorText = useErrorText();
  const error = errors[name];
  const id = `${idPrefix}field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const messages = (
    <>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="font-semibold text-error-700">
          {errorText(error)}
        </p>
      )}
    </>
  );
  return { id, error, kept: values[name], describedBy, messages, frame: `mb-5 ${error ? 'border-l-4 border-error-700 pl-3' : ''}` };
}

/** Label, hint and error around one control, wired up for screen readers (GOV.UK pattern). */
function Field({ name, label, hint, children }: { name: string; label: string; hint?: string | undefined; children: (control: ControlProps) => ReactNode }) {
  const { id, error, kept, describedBy, messages, frame } = useFieldParts(name, hint);
  return (
    <div className={frame}>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {messages}
      {children({
        id,
        name,
        kept,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
        className: `mt-1 block w-full max-w-md rounded border-2 px-3 py-2 ${error ? 'border-error-700' : 'border-slate-600'}`,
      })}
    </div>
  );
}

interface ControlProps {
  id: string;
  name: string;
  /** What the user typed before a failed submission. */
  kept: string | undefined;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  className: string;
}

export function TextField({
  name,
  label,
  hint,
  type = 'text',
  autoComplete,
  defaultValue,
  required = true,
  inputMode,
}: {
  name: string;
  label: string;
  hint?: string;
  type?: 'text' | 'email' | 'password' | 'url' | 'tel' | 'date';
  autoComplete?: string;
  defaultValue?: string;
  required?: boolean;
  /** The phone keyboard to show ("numeric" for counts and years). */
  inputMode?: 'numeric' | 'decimal';
}) {
  return (
    <Field name={name} label={label} hint={hint}>
      {({ kept, ...control }) => (
        <input {...control} type={type} autoComplete={autoComplete} inputMode={inputMode} defaultValue={kept ?? defaultValue} aria-required={required || undefined} />
      )}
    </Field>
  );
}

export function FileField({ name, label, hint, accept }: { name: string; label: string; hint?: string; accept: string }) {
  return <Field name={name} label={label} hint={hint}>{({ kept: _kept, className: _className, ...control }) => <input {...control} type="file" accept={accept} className="mt-1 block" />}</Field>;
}

export function TextArea({ name, label, hint, defaultValue, rows = 8 }: { name: string; label: string; hint?: string; defaultValue?: string; rows?: number }) {
  return (
    <Field name={name} label={label} hint={hint}>
      {({ kept, className, ...control }) => <textarea {...control} rows={rows} defaultValue={kept ?? defaultValue} className={`${className} max-w-3xl`} />}
    </Field>
  );
}

export function SubmitButton({ children }: { children: ReactNode }) {
  return (
    <button type="submit" className="rounded bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
      {children}
    </button>
  );
}

/** A button for an action that removes or ends something: outlined in the error colour. */
export function DangerButton({ children }: { children: ReactNode }) {
  return (
    <button type="submit" className="rounded border-2 border-error-700 bg-white px-4 py-2 font-semibold text-error-700">
      {children}
    </button>
  );
}

/** One checkbox sending "yes" when ticked, with its error next to it. */
export function CheckboxField({ name, label, defaultChecked = false }: { name: string; label: string; defaultChecked?: boolean }) {
  const { id, error, kept, describedBy, messages } = useFieldParts(name, undefined);
  return (
    <div className="mb-4">
      {messages}
      <p className="flex items-center gap-2">
        <input
          id={id}
          type="checkbox"
          name={name}
          value="yes"
          defaultChecked={kept !== undefined ? kept === 'yes' : defaultChecked}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className="h-5 w-5"
        />
        <label htmlFor={id}>{label}</label>
      </p>
    </div>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

/** A native select with label, hint and error; options may be grouped (optgroups). */
export function SelectField({
  name,
  label,
  hint,
  placeholder,
  options,
  groups,
  defaultValue,
}: {
  name: string;
  label: string;
  hint?: string;
  placeholder: string;
  options?: SelectOption[];
  groups?: { label: string; options: SelectOption[] }[];
  defaultValue?: string;
}) {
  const renderOptions = (list: SelectOption[]) =>
    list.map((option) => (
      <option key={option.value} value={option.value}>
        {option.label}
      </option>
    ));
  return (
    <Field name={name} label={label} hint={hint}>
      {({ kept, className, ...control }) => (
        <select {...control} defaultValue={kept ?? defaultValue ?? ''} className={`${className} bg-white`}>
          <option value="">{placeholder}</option>
          {options && renderOptions(options)}
          {groups?.map((group) => (
            <optgroup key={group.label} label={group.label}>
              {renderOptions(group.options)}
            </optgroup>
          ))}
        </select>
      )}
    </Field>
  );
}

/**
 * Radio buttons (one choice) or checkboxes (a list field) in a fieldset whose legend names them;
 * the error sits under the legend, as for the other fields.
 */
export function ChoiceGroup({
  name,
  legend,
  hint,
  type,
  options,
  defaultValues = [],
  scrollable = false,
}: {
  name: string;
  legend: string;
  hint?: string;
  type: 'radio' | 'checkbox';
  options: SelectOption[];
  defaultValues?: string[];
  /** Long lists (organisations) scroll inside a box of their own. */
  scrollable?: boolean;
}) {
  const { id, error, kept, describedBy, messages, frame } = useFieldParts(name, hint);
  const checked = new Set(kept !== undefined ? kept.split('\n') : defaultValues);
  return (
    <fieldset id={id} tabIndex={-1} aria-describedby={describedBy} className={frame}>
      <legend className="font-semibold">{legend}</legend>
      {messages}
      <ul className={`mt-1 space-y-1 ${scrollable ? 'max-h-72 max-w-xl overflow-y-auto rounded border-2 border-slate-600 bg-white p-2' : ''}`}>
        {options.map((option, i) => (
          <li key={option.value} className="flex items-center gap-2">
            <input id={`${id}-${i}`} type={type} name={name} value={option.value} defaultChecked={checked.has(option.value)} aria-invalid={error ? true : undefined} className="h-5 w-5" />
            <label htmlFor={`${id}-${i}`}>{option.label}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
