import { organisationCounts } from './organisations';

/** Years of history, the anchor year's drafts included. */
export const historyYears = 10;

/**
 * Trainings an organisation holds a year: 200 at scale 1 (20 000 a year over the 100 organisations).
 * Below scale 1 the organisations are smaller too, down to a tenth at scale 0.1 and below, so that
 * the test scales stay quick.
 */
export const trainingsPerOrganisationYear = (scale: number) => Math.round(200 * Math.min(1, Math.max(0.1, scale)));

/** All the training plans at this scale. */
export const trainingCount = (scale: number) => organisationCounts(scale).organisationCount * trainingsPerOrganisationYear(scale) * historyYears;
