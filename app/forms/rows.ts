/**
 * The rows of repeated fields (each column a list of values, one per row) that have anything typed,
 * with their 0-based row numbers as the fields are named. `fields` names each row property after its
 * column; a row left wholly empty is not a row.
 */
export function filledRows<K extends string, C extends string>(data: Record<C, string[]>, fields: Record<K, C>): ({ index: number } & Record<K, string>)[] {
  const pairs = Object.entries(fields) as [K, C][];
  const count = Math.max(0, ...pairs.map(([, column]) => data[column].length));
  const rows: ({ index: number } & Record<K, string>)[] = [];
  for (let index = 0; index < count; index++) {
    const values = Object.fromEntries(pairs.map(([key, column]) => [key, data[column][index]?.trim() ?? ''])) as Record<K, string>;
    if (pairs.some(([key]) => values[key] !== '')) rows.push({ index, ...values });
  }
  return rows;
}
