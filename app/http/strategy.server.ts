import { data } from 'react-router';

/** A strategy version's number in an address or query; anything else cannot exist. */
export function versionParam(value: string | null | undefined): number {
  if (!value || !/^\d{1,4}$/.test(value)) throw data(null, { status: 404 });
  return Number(value);
}
