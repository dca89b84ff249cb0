import type { IsoDate } from '../calendar/dates';
import { type TrainingStatus, isUpcomingOrOngoing } from './kinds';

export interface RegistrationFacts {
  isPublic: boolean;
  status: TrainingStatus;
  startsOn: IsoDate | null;
  registrationEndsOn: IsoDate | null;
  capacity: number | null;
}

export type RegistrationState =
  /** `freePlaces` null: no limit; 0: a registration goes to the waiting list. */
  | { open: true; deadline: IsoDate; freePlaces: number | null }
  | { open: false; reason: 'notPublic' | 'cancelled' | 'ended' | 'deadlinePassed'; deadline: IsoDate | null };

/** The statuses in which a public training is listed in the calendar (planned, running or held). */
export const listedStatuses = ['submitted', 'ongoing', 'ended', 'reported', 'approved'] as const satisfies readonly TrainingStatus[];

/** The last day to register: the one set on the plan, else the first session's day. */
export const registrationDeadline = (facts: RegistrationFacts): IsoDate | null => facts.registrationEndsOn ?? facts.startsOn;

/** Whether a visitor may register today, and whether a place is free or only the waiting list. */
export function registrationState(facts: RegistrationFacts, registered: number, today: IsoDate): RegistrationState {
  const deadline = registrationDeadline(facts);
  if (!facts.isPublic || facts.status === 'draft') return { open: false, reason: 'notPublic', deadline };
  if (facts.status === 'cancelled') return { open: false, reason: 'cancelled', deadline };
  if (!isUpcomingOrOngoing(facts.status)) return { open: false, reason: 'ended', deadline };
  if (!deadline || today > deadline) return { open: false, reason: 'deadlinePassed', deadline };
  return { open: true, deadline, freePlaces: facts.capacity === null ? null : Math.max(0, facts.capacity - registered) };
}
