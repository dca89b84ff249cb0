import type { Language } from '../../i18n';
import { formatCredits } from '../../../server/models/format';
import type { SelectOption } from '../forms';

/** Approved model versions as the plan form's choices: "Name (version 2, 1,5 op)". */
export function modelOptionsOf(versions: { versionId: string; name: string; version: number; creditTenths: number | null }[], language: Language, versionWord: string): SelectOption[] {
  return versions.map((v) => ({ value: v.versionId, label: `${v.name} (${versionWord} ${v.version}${v.creditTenths !== null ? `, ${formatCredits(language, v.creditTenths)} op` : ''})` }));
}
