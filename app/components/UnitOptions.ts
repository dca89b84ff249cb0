/** A unit as a select option, indented by its depth in the tree. */
export const unitOption = (id: string, name: string, depth: number) => ({ value: id, label: `${'– '.repeat(depth)}${name}` });

/** Units as select options in tree order, indented by depth (paths are "/a/b/"). */
export function unitSelectOptions(units: { id: string; name: string; path: string }[]) {
  return units.map((u) => unitOption(u.id, u.name, u.path.split('/').length - 3));
}
