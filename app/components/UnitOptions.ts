/** Units as select options in tree order, indented by depth (paths are "/a/b/"). */
export function unitSelectOptions(units: { id: string; name: string; path: string }[]) {
  return units.map((u) => ({ value: u.id, label: `${'– '.repeat(u.path.split('/').length - 3)}${u.name}` }));
}
