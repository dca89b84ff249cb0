import type { Activity } from './workload';

/** What a model version says: its design, and the activities its workload is calculated from. */
export interface ModelContent {
  name: string;
  targetGroup: string;
  /** Learning outcomes (osaamistavoitteet), one per item, in the order written. */
  outcomes: string[];
  content: string;
  assessmentMethod: string;
  assessmentCriteria: string;
  activities: Activity[];
}

export const emptyModelContent = (): ModelContent => ({ name: '', targetGroup: '', outcomes: [], content: '', assessmentMethod: '', assessmentCriteria: '', activities: [] });

export type MissingPart = 'name' | 'targetGroup' | 'outcomes' | 'content' | 'assessmentMethod' | 'assessmentCriteria' | 'activities';

/** What a submitted model must have (a draft may be saved incomplete). */
export function missingParts(content: ModelContent): MissingPart[] {
  const missing: MissingPart[] = [];
  for (const part of ['name', 'targetGroup', 'content', 'assessmentMethod', 'assessmentCriteria'] as const) if (!content[part].trim()) missing.push(part);
  if (content.outcomes.filter((o) => o.trim()).length === 0) missing.push('outcomes');
  if (content.activities.length === 0) missing.push('activities');
  return missing;
}
