/** The fixed lists a training is described by (no database or server code: forms in the browser use them). */
export const trainingTypes = ['course', 'lecture', 'peerGroup', 'onlineCourse', 'other'] as const;
export const trainingModes = ['onSite', 'online', 'hybrid'] as const;
export const trainingStatuses = ['draft', 'submitted', 'ongoing', 'ended', 'reported', 'approved', 'cancelled'] as const;
/** Topic classes (aiheluokka) a training is filed under; statistics group by them. */
export const topicClasses = ['organisation', 'society', 'culture', 'languages', 'health', 'environment', 'technology', 'education', 'religion', 'other'] as const;
/** The regions (maakunta) of Finland, for the public calendar's filter. */
export const regions = [
  'uusimaa',
  'varsinaisSuomi',
  'satakunta',
  'kantaHame',
  'pirkanmaa',
  'paijatHame',
  'kymenlaakso',
  'etelaKarjala',
  'etelaSavo',
  'pohjoisSavo',
  'pohjoisKarjala',
  'keskiSuomi',
  'etelaPohjanmaa',
  'pohjanmaa',
  'keskiPohjanmaa',
  'pohjoisPohjanmaa',
  'kainuu',
  'lappi',
  'ahvenanmaa',
] as const;
export const participantStatuses = ['registered', 'waiting', 'cancelled'] as const;
export const participantSources = ['registration', 'trainer'] as const;
export const genders = ['female', 'male', 'other'] as const;
export const trainingSorts = ['startsOn', 'name', 'hours', 'status', 'updated'] as const;

export type TrainingStatus = (typeof trainingStatuses)[number];

/** Held to its end: waiting for its expense report, reported, or approved. */
export const endedStatuses = ['ended', 'reported', 'approved'] as const satisfies readonly TrainingStatus[];
export const hasEnded = (status: TrainingStatus) => (endedStatuses as readonly TrainingStatus[]).includes(status);

/** Submitted and not yet ended: it holds hours, takes registrations and moves on by the calendar. */
export const isUpcomingOrOngoing = (status: TrainingStatus) => status === 'submitted' || status === 'ongoing';
export type TrainingSort = (typeof trainingSorts)[number];
export type TopicClass = (typeof topicClasses)[number];
export type Region = (typeof regions)[number];
export type ParticipantStatus = (typeof participantStatuses)[number];
export type Gender = (typeof genders)[number];
