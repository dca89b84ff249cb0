/** A list filter's select in a GET search form; the chosen value comes from the address. */
export function FilterSelect({ name, label, value, options }: { name: string; label: string; value: string; options: { value: string; label: string }[] }) {
  return (
    <div>
      <label htmlFor={`filter-${name}`} className="block font-semibold">
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={value} className="rounded border-2 border-slate-600 bg-white px-2 py-2">
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A list filter's text, search or date field in a GET search form. */
export function FilterInput({ name, label, value, type = 'text' }: { name: string; label: string; value: string; type?: 'text' | 'search' | 'date' }) {
  return (
    <div>
      <label htmlFor={`filter-${name}`} className="block font-semibold">
        {label}
      </label>
      <input id={`filter-${name}`} name={name} type={type} defaultValue={value} maxLength={100} className="rounded border-2 border-slate-600 px-3 py-2" />
    </div>
  );
}
