/**
 * The workload calculator of a training model (product spec section 7): the study centres' shared
 * multipliers turn each activity into the participant's hours of work, 27 hours make one credit.
 * Pure and exact: everything is in thousandths of an hour (a lecture's 1.5 × 0.01 h is 15), so no
 * floating point touches the figures. Shared by the server and the browser's live calculation.
 */

export const activityKinds = ['lecture', 'activityBased', 'practice', 'independent', 'easyReading', 'demandingReading'] as const;
export type ActivityKind = (typeof activityKinds)[number];

/** Reading is counted in pages, the rest in hours of the activity itself (in hundredths). */
export const isReading = (kind: ActivityKind) => kind === 'easyReading' || kind === 'demandingReading';

/**
 * Thousandths of an hour of work per unit: per hundredth of an hour of the activity (× 1.5 → 15,
 * × 2 → 20, × 1 → 10), or per page (0.05 h → 50, 0.11 h → 110).
 */
export const workPerUnit: Record<ActivityKind, number> = {
  lecture: 15,
  activityBased: 20,
  practice: 20,
  independent: 10,
  easyReading: 50,
  demandingReading: 110,
};

export interface Activity {
  kind: ActivityKind;
  /** Hundredths of an hour for timed activities, pages for reading. */
  amount: number;
  description: string;
}

/** One credit is 27 hours of the participant's work; a model below that is refused, not rounded up. */
export const thousandthsPerCredit = 27_000;

export interface Workload {
  /** Each activity's work, in thousandths of an hour, in the order given. */
  perActivity: number[];
  totalThousandths: number;
  /** Credits in tenths, rounded half up (40.5 h → 15 → 1.5 op); null under 27 hours. */
  creditTenths: number | null;
}

export function calculateWorkload(activities: readonly Pick<Activity, 'kind' | 'amount'>[]): Workload {
  const perActivity = activities.map((a) => a.amount * workPerUnit[a.kind]);
  const totalThousandths = perActivity.reduce((sum, n) => sum + n, 0);
  // total / 2700 tenths, half up: floor((2·total + 2700) / 5400).
  const creditTenths = totalThousandths < thousandthsPerCredit ? null : Math.floor((2 * totalThousandths + thousandthsPerCredit / 10) / ((2 * thousandthsPerCredit) / 10));
  return { perActivity, totalThousandths, creditTenths };
}
