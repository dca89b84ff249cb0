/** The fixed lists a training is described by (no database or server code: forms in the browser use them). */
export const trainingTypes = ['course', 'lecture', 'peerGroup', 'onlineCourse', 'other'] as const;
export const trainingModes = ['onSite', 'online', 'hybrid'] as const;
export const trainingStatuses = ['draft', 'submitted', 'ongoing', 'ended', 'reported', 'approved', 'cancelled'] as const;
/** Topic classes (aiheluokka) a training is filed under; statistics group by them. */
export const topicClasses = ['organisation', 'society', 'culture', 'languages', 'health', 'environment', 'technology', 'education', 'religion', 'other'] as const;
export const trainingSorts = ['startsOn', 'name', 'hours', 'status', 'updated'] as const;

export type TrainingStatus = (typeof trainingStatuses)[number];
export type TrainingSort = (typeof trainingSorts)[number];
