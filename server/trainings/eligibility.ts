import type { IsoDate } from '../calendar/dates';
import type { SupportRules } from '../centre/support-rules';
import { type SessionTimes, teachingHundredths } from './teaching-hours';

export interface PlanForEligibility {
  name: string;
  peerGroup: boolean;
  learningGoals: string;
  plannedParticipants: number;
  sessions: SessionTimes[];
  /** The planner's declarations (product spec section 5). */
  noOtherStateFunding: boolean;
  notSoldToCompanies: boolean;
  noVocationalQualification: boolean;
}

export type EligibilityRule =
  | 'sessionsRequired'
  | 'minHours'
  | 'minParticipants'
  | 'learningGoal'
  | 'oneCalendarYear'
  | 'forbiddenWord'
  | 'declarations'
  | 'plannedBeforeStart'
  | 'nextYearNotOpen'
  // The realised figures of an expense report (checked again on approval).
  | 'minAttended'
  | 'sessionYear'
  | 'marketingDeclaration';

/** A hard finding blocks submission; a soft one warns. Params name the numbers for the message. */
export interface Finding {
  rule: EligibilityRule;
  severity: 'hard' | 'soft';
  params?: Record<string, string | number>;
}

export interface EligibilityContext {
  /** Today in Helsinki. */
  today: IsoDate;
  /** From which day trainings of next year may be planned (the calendar's opening day this year). */
  nextYearOpensOn: IsoDate;
}

/** The spec's support rules applied to a plan: every finding, hard ones first. */
export function checkEligibility(plan: PlanForEligibility, rules: SupportRules, context: EligibilityContext): Finding[] {
  const findings: Finding[] = [];
  const hard = (rule: EligibilityRule, params?: Finding['params']) => findings.push({ rule, severity: 'hard', ...(params ? { params } : {}) });
  if (plan.sessions.length === 0) hard('sessionsRequired');
  const hours = teachingHundredths(plan.sessions);
  const minHours = plan.peerGroup ? rules.peerMinHundredths : rules.minTeachingHundredths;
  if (plan.sessions.length > 0 && hours < minHours) hard('minHours', { hundredths: hours, minimum: minHours });
  if (plan.learningGoals.trim() === '') hard('learningGoal');
  const dates = plan.sessions.map((s) => s.date).sort();
  const years = new Set(dates.map((d) => d.slice(0, 4)));
  if (years.size > 1) hard('oneCalendarYear');
  const lowerName = plan.name.toLocaleLowerCase('fi');
  // Matched inside words: "syyskokous" is a meeting too.
  const word = rules.forbiddenWords.find((w) => lowerName.includes(w.toLocaleLowerCase('fi')));
  if (word) hard('forbiddenWord', { word });
  if (!plan.noOtherStateFunding || !plan.notSoldToCompanies || !plan.noVocationalQualification) hard('declarations');
  const first = dates[0];
  if (first && first < context.today) hard('plannedBeforeStart', { date: first });
  const todayYear = Number(context.today.slice(0, 4));
  const firstYear = first ? Number(first.slice(0, 4)) : todayYear;
  // Next year's trainings from the calendar's opening day on; none further ahead.
  if (firstYear > todayYear + 1 || (firstYear > todayYear && context.today < context.nextYearOpensOn)) hard('nextYearNotOpen', { date: context.nextYearOpensOn });
  const minParticipants = plan.peerGroup ? rules.peerMinMembers : rules.minParticipants;
  if (plan.plannedParticipants < minParticipants) {
    findings.push({ rule: 'minParticipants', severity: 'soft', params: { planned: plan.plannedParticipants, minimum: minParticipants } });
  }
  return findings;
}
