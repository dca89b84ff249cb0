import type { TopicClass, trainingTypes } from '../trainings/kinds';

type TrainingType = (typeof trainingTypes)[number];

/** Age groups of the participants, by their age in the training's year. */
export const ageGroups = ['under15', 'from15to29', 'from30to44', 'from45to64', 'over64'] as const;
export type AgeGroup = (typeof ageGroups)[number];
export const genderKeys = ['female', 'male', 'other', 'notTold'] as const;
export type GenderKey = (typeof genderKeys)[number];

/** What the figures are broken down by; `total` is the one row of everything, `organisationTopic` "<organisation>|<topic class>". */
export const dimensions = ['total', 'organisation', 'unit', 'type', 'topicClass', 'month', 'year', 'gender', 'ageGroup', 'organisationTopic'] as const;
export type Dimension = (typeof dimensions)[number];
/** The breakdowns of people only: trainings and hours do not split by who came. */
export const personDimensions: readonly Dimension[] = ['gender', 'ageGroup'];

/** Which trainings are counted: their years, and optionally one organisation, a unit's subtree, a type, a topic class. */
export interface StatisticsQuery {
  firstYear: number;
  lastYear: number;
  /** Null: every organisation the viewer may see (the centre's view). */
  organisationId: string | null;
  /** A unit and the units under it. */
  unitId: string | null;
  type: TrainingType | null;
  topicClass: TopicClass | null;
  /** Only trainings whose expense report is approved (the realised figures the authorities get). */
  realisedOnly?: boolean;
  /** Without peer study groups, whose hours come from their own quota and not from the grant. */
  withoutPeerGroups?: boolean;
}

/** The figures of one row: of trainings (not for the person breakdowns) and of their participants. */
export interface Figures {
  trainings: number;
  /** Teaching hours in hundredths: as planned (every counted training) and realised (approved reports). */
  plannedHundredths: number;
  realisedHundredths: number;
  /** Approved support in payment batches marked paid. */
  supportPaidCents: number;
  /** Registered participants (not waiting or cancelled), each training once per person. */
  participations: number;
  /** Different people (by email, or name and birth year without one) and those of them first-timers this year. */
  people: number;
  firstTimers: number;
  /** Lectures that reported attendance as counts: the largest session's count, no names behind it. */
  countedAttendance: number;
}

export const noFigures = (): Figures => ({ trainings: 0, plannedHundredths: 0, realisedHundredths: 0, supportPaidCents: 0, participations: 0, people: 0, firstTimers: 0, countedAttendance: 0 });
