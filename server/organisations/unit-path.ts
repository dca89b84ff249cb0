/** The materialised path of a unit: its parent's path plus its own id. */
export const unitPath = (id: string, parentPath: string | null) => `${parentPath ?? '/'}${id}/`;
