import { useState } from 'react';
import { useErrorText, useFormState } from './forms';

/** One column of a repeated row: a select of options, or a text input. */
export interface RowColumn {
  name: string;
  label: string;
  /** Options make it a select (with the placeholder first); without them it is a text input. */
  options?: { value: string; label: string }[];
  placeholder?: string;
  inputMode?: 'decimal';
  /** Tailwind width and alignment classes of the control. */
  width: string;
}

/** Rows left empty for new items, so that they can be added without JavaScript. */
export const spareRows = 3;

/**
 * Rows of the same fields (cost items, activities), each a fieldset whose fields are named by
 * column and indexed by row (`field-<column>.<row>`), with their errors beside them. The rows are
 * the ones last typed (after a refused submission) or the stored ones, plus spare empty rows; a
 * button adds more with JavaScript.
 */
export function RepeatedRows({ legend, hint, rowLegend, addLabel, columns, stored }: { legend: string; hint: string; rowLegend: (number: number) => string; addLabel: string; columns: RowColumn[]; stored: Record<string, string>[] }) {
  const { values, errors } = useFormState();
  const errorText = useErrorText();
  const empty = Object.fromEntries(columns.map((c) => [c.name, '']));
  const [rows, setRows] = useState(() => {
    const kept = values[columns[0]!.name]?.split('\n');
    const typed = kept ? kept.map((_, i) => Object.fromEntries(columns.map((c) => [c.name, values[c.name]?.split('\n')[i] ?? '']))) : stored;
    // Rows keep their places (errors name rows by number); only the empty ones at the end go.
    const lastFilled = typed.findLastIndex((row) => columns.some((c) => row[c.name]));
    return [...typed.slice(0, lastFilled + 1), ...Array.from({ length: spareRows }, () => empty)];
  });
  return (
    <>
      <fieldset className="mb-4">
        <legend className="mb-2 text-lg font-semibold">{legend}</legend>
        <p className="mb-3 max-w-3xl text-sm text-slate-700">{hint}</p>
        {rows.map((row, index) => (
          <fieldset key={index} className="mb-3 flex flex-wrap items-start gap-3 border-l-4 border-slate-300 pl-3">
            <legend className="font-semibold">{rowLegend(index + 1)}</legend>
            {columns.map((column) => {
              const id = `field-${column.name}.${index}`;
              const error = errors[`${column.name}.${index}`];
              const common = { id, name: column.name, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${id}-error` : undefined } as const;
              const frame = `mt-1 block rounded border-2 px-2 py-1 ${error ? 'border-error-700' : 'border-slate-600'} ${column.width}`;
              return (
                <div key={column.name}>
                  <label htmlFor={id} className="block text-sm font-semibold">
                    {column.label}
                  </label>
                  {column.options ? (
                    <select {...common} defaultValue={row[column.name]} className={`${frame} bg-white`}>
                      <option value="">{column.placeholder}</option>
                      {column.options.map((option) => (
                        <option key={option.value} value={option.value}>
                          {option.label}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <input {...common} type="text" inputMode={column.inputMode} defaultValue={row[column.name]} className={frame} />
                  )}
                  {error && (
                    <p id={`${id}-error`} className="max-w-72 text-sm font-semibold text-error-700">
                      {errorText(error)}
                    </p>
                  )}
                </div>
              );
            })}
          </fieldset>
        ))}
      </fieldset>
      <p className="mb-6">
        <button type="button" onClick={() => setRows((current) => [...current, empty])} className="rounded border-2 border-brand-600 bg-white px-3 py-1 font-semibold text-brand-700">
          {addLabel}
        </button>
      </p>
    </>
  );
}
