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
