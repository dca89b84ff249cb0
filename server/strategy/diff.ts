import { diffWordsWithSpace } from 'diff';
import { type DevelopmentTarget, type StrategyContent, type StrategySection, strategySections } from './content';

/** A run of text as the later version has it: kept, added or removed. */
export interface DiffPart {
  text: string;
  change: 'same' | 'added' | 'removed';
}

export interface SectionDiff {
  section: StrategySection | 'targets';
  changed: boolean;
  parts: DiffPart[];
}

/** The development targets as lines of text, one per target, so they compare like the other parts. */
const targetsText = (targets: DevelopmentTarget[]) => targets.map((t) => [t.target, t.measure, t.owner, t.timetable].join(' — ')).join('\n');

function compare(section: SectionDiff['section'], before: string, after: string): SectionDiff {
  const parts = diffWordsWithSpace(before, after).map((c): DiffPart => ({ text: c.value, change: c.added ? 'added' : c.removed ? 'removed' : 'same' }));
  return { section, changed: parts.some((p) => p.change !== 'same'), parts };
}

/** What changed from one version to another, part by part, word by word (whitespace and line breaks kept). */
export function diffStrategies(before: StrategyContent, after: StrategyContent): SectionDiff[] {
  const sections = strategySections.map((s) => compare(s, before[s], after[s]));
  // The targets sit after the challenges, as in the form.
  sections.splice(3, 0, compare('targets', targetsText(before.targets), targetsText(after.targets)));
  return sections;
}
