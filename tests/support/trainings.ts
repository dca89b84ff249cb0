import type { PlanInput } from '../../server/trainings/plans';

/** An eligible plan for the unit: two evening sessions in March 2027, 90 + 90 minutes (4 teaching hours). */
export const samplePlan = (unitId: string, changes: Partial<PlanInput> = {}): PlanInput => ({
  unitId,
  name: 'Kuorolaulun peruskurssi',
  description: '',
  type: 'course',
  mode: 'onSite',
  topicClass: 'culture',
  targetGroup: '',
  learningGoals: 'Äänenkäytön perusteet',
  plannedParticipants: 10,
  responsibleName: '',
  priceCents: 0,
  isPublic: false,
  capacity: null,
  registrationEndsOn: null,
  region: '',
  noOtherStateFunding: true,
  notSoldToCompanies: true,
  noVocationalQualification: true,
  sessions: [
    { date: '2027-03-02', start: '18:00', end: '19:30', breakMinutes: 0, place: 'Seurantalo', onlineLink: '' },
    { date: '2027-03-09', start: '18:00', end: '19:45', breakMinutes: 15, place: 'Seurantalo', onlineLink: '' },
  ],
  ...changes,
});
