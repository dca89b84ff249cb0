import type { CostCategory } from './kinds';

/** A realised session as the report states it (times "HH:MM", Europe/Helsinki). */
export interface ReportSession {
  date: string;
  start: string;
  end: string;
  breakMinutes: number;
}

export interface CostItem {
  category: CostCategory;
  description: string;
  amountCents: number;
}

/** What the trainer writes in the report; the calculation and the versions are made from it. */
export interface ReportContent {
  sessions: ReportSession[];
  costs: CostItem[];
  participantFeesCents: number;
  otherFundingCents: number;
  otherFundingSource: string;
  marketingDeclaration: boolean;
  notes: string;
}

/** The year's figures the calculation uses (from the centre's support rules). */
export interface SupportRates {
  hourlyRateCents: number;
  costCapBasisPoints: number;
}

/** Participants' travel counts only up to this share of the other cost items (basis points). */
export const participantTravelCapBasisPoints = 2000;

/** Which of the three limits set the support (or none: nothing to support). */
export type BindingLimit = 'byHours' | 'byCosts' | 'costsLessFunding';

/** Every number of the calculation, so that the form and the review can explain each one. */
export interface SupportBreakdown {
  hourlyRateCents: number;
  costCapBasisPoints: number;
  realisedHundredths: number;
  /** The cost items other than participants' travel, and participants' travel as entered. */
  otherCostsCents: number;
  participantTravelCents: number;
  /** 20 % of the other cost items: the most participants' travel can count. */
  participantTravelCapCents: number;
  participantTravelCountedCents: number;
  eligibleCostsCents: number;
  byHoursCents: number;
  byCostsCents: number;
  otherFundingCents: number;
  costsLessFundingCents: number;
  supportCents: number;
  binding: BindingLimit;
}

/** a × b ÷ d rounded half up, in integers (a, b, d ≥ 0): a product of cents or hundredths to the cent. */
export function mulDivHalfUp(a: number, b: number, d: number): number {
  return Math.floor((2 * a * b + d) / (2 * d));
}

/**
 * The support of the product spec, section 6: eligible costs are the cost items with participants'
 * travel counted up to 20 % of the others; support = min(rate × realised hours, cap % × eligible
 * costs, eligible costs − other funding), never below zero. Each product is rounded half up to the
 * cent; participant fees do not reduce the support.
 */
export function calculateSupport(rates: SupportRates, realisedHundredths: number, costs: Pick<CostItem, 'category' | 'amountCents'>[], otherFundingCents: number): SupportBreakdown {
  const sum = (items: typeof costs) => items.reduce((total, item) => total + item.amountCents, 0);
  const otherCostsCents = sum(costs.filter((c) => c.category !== 'participantTravel'));
  const participantTravelCents = sum(costs.filter((c) => c.category === 'participantTravel'));
  const participantTravelCapCents = mulDivHalfUp(otherCostsCents, participantTravelCapBasisPoints, 10_000);
  const participantTravelCountedCents = Math.min(participantTravelCents, participantTravelCapCents);
  const eligibleCostsCents = otherCostsCents + participantTravelCountedCents;
  const byHoursCents = mulDivHalfUp(rates.hourlyRateCents, realisedHundredths, 100);
  const byCostsCents = mulDivHalfUp(rates.costCapBasisPoints, eligibleCostsCents, 10_000);
  const costsLessFundingCents = eligibleCostsCents - otherFundingCents;
  const limits: [BindingLimit, number][] = [
    ['byHours', byHoursCents],
    ['byCosts', byCostsCents],
    ['costsLessFunding', costsLessFundingCents],
  ];
  const [binding, lowest] = limits.reduce((min, limit) => (limit[1] < min[1] ? limit : min));
  return {
    hourlyRateCents: rates.hourlyRateCents,
    costCapBasisPoints: rates.costCapBasisPoints,
    realisedHundredths,
    otherCostsCents,
    participantTravelCents,
    participantTravelCapCents,
    participantTravelCountedCents,
    eligibleCostsCents,
    byHoursCents,
    byCostsCents,
    otherFundingCents,
    costsLessFundingCents,
    supportCents: Math.max(0, lowest),
    binding,
  };
}
