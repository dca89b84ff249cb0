import { type IsoDate, addDays, utcMidnight } from '../calendar/dates';
import type { PlanInput, PlannedSession } from './plans';
import type { Plan } from './read';

const dayMs = 24 * 60 * 60 * 1000;

/**
 * An earlier training's sessions moved forward by whole weeks so that the first is today or later:
 * weekdays, times and spacing stay as they were.
 */
export function sessionsFromToday(sessions: PlannedSession[], today: IsoDate): PlannedSession[] {
  const first = sessions.map((s) => s.date).sort()[0];
  if (!first || first >= today) return sessions;
  const weeks = Math.ceil((utcMidnight(today).getTime() - utcMidnight(first).getTime()) / dayMs / 7);
  return sessions.map((s) => ({ ...s, date: addDays(s.date, weeks * 7) }));
}

/** A new plan prefilled from an earlier one: everything but its status, declarations and dates in the past. */
export function copyOfPlan(plan: Plan, today: IsoDate): PlanInput {
  return {
    unitId: plan.unitId,
    name: plan.name,
    description: plan.description,
    type: plan.type,
    mode: plan.mode,
    topicClass: plan.topicClass,
    targetGroup: plan.targetGroup,
    learningGoals: plan.learningGoals,
    modelVersionId: plan.modelVersionId,
    plannedParticipants: plan.plannedParticipants,
    responsibleName: plan.responsibleName,
    priceCents: plan.priceCents,
    isPublic: plan.isPublic,
    capacity: plan.capacity,
    region: plan.region,
    // The deadline belongs to the old dates.
    registrationEndsOn: null,
    // Declared again for each training.
    noOtherStateFunding: false,
    notSoldToCompanies: false,
    noVocationalQualification: false,
    sessions: sessionsFromToday(plan.sessions, today),
  };
}
