import type { SupportRules } from '../centre/support-rules';
import type { Finding } from '../trainings/eligibility';
import { teachingHundredths } from '../trainings/teaching-hours';
import type { ReportContent } from './support';

export interface RealisedTraining {
  year: number;
  peerGroup: boolean;
  /** Participants of at least the year's minimum age who attended at least once. */
  attendedAdults: number;
}

/**
 * The support rules on what was realised: held sessions inside the training's year, the minimum
 * teaching hours, the minimum of participants aged 15+ who attended, and the marketing declaration.
 * Every finding is hard: a report that does not meet them cannot be approved.
 */
export function checkRealisedEligibility(training: RealisedTraining, content: ReportContent, rules: SupportRules): Finding[] {
  const findings: Finding[] = [];
  const hard = (rule: Finding['rule'], params?: Finding['params']) => findings.push({ rule, severity: 'hard', ...(params ? { params } : {}) });
  if (content.sessions.length === 0) hard('sessionsRequired');
  if (content.sessions.some((s) => Number(s.date.slice(0, 4)) !== training.year)) hard('sessionYear', { year: training.year });
  const hours = teachingHundredths(content.sessions);
  const minHours = training.peerGroup ? rules.peerMinHundredths : rules.minTeachingHundredths;
  if (content.sessions.length > 0 && hours < minHours) hard('minHours', { hundredths: hours, minimum: minHours });
  const minimum = training.peerGroup ? rules.peerMinMembers : rules.minParticipants;
  if (training.attendedAdults < minimum) hard('minAttended', { attended: training.attendedAdults, minimum, age: rules.minParticipantAge });
  if (!content.marketingDeclaration) hard('marketingDeclaration');
  return findings;
}
