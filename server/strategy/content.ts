/** A development target of the strategy: what is to change, how it is measured, who sees to it, by when. */
export interface DevelopmentTarget {
  target: string;
  measure: string;
  owner: string;
  timetable: string;
}

/** A published target has all four parts; a draft may hold one being written. */
export const isWholeTarget = (target: DevelopmentTarget) => Boolean(target.target && target.measure && target.owner && target.timetable);

/** What a training strategy says: the result of the organisation's own discussion, in the spec's parts. */
export interface StrategyContent {
  /** How training serves the organisation's strategy. */
  purpose: string;
  currentState: string;
  challenges: string;
  targets: DevelopmentTarget[];
  targetGroups: string;
  qualityDevelopment: string;
  evaluation: string;
}

/** The free-text parts, in the order the form and the printout show them. */
export const strategySections = ['purpose', 'currentState', 'challenges', 'targetGroups', 'qualityDevelopment', 'evaluation'] as const;
export type StrategySection = (typeof strategySections)[number];

export const emptyStrategy = (): StrategyContent => ({ purpose: '', currentState: '', challenges: '', targets: [], targetGroups: '', qualityDevelopment: '', evaluation: '' });

/** Nothing written yet: such a draft is not published. */
export const isEmptyStrategy = (content: StrategyContent) => strategySections.every((s) => !content[s].trim()) && content.targets.length === 0;

/** The same words in every part and target (jsonb keeps its keys in its own order, so no string comparison). */
export const sameStrategy = (a: StrategyContent, b: StrategyContent) =>
  strategySections.every((s) => a[s] === b[s]) &&
  a.targets.length === b.targets.length &&
  a.targets.every((t, i) => t.target === b.targets[i]!.target && t.measure === b.targets[i]!.measure && t.owner === b.targets[i]!.owner && t.timetable === b.targets[i]!.timetable);
