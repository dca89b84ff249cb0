import { describe, expect, it } from 'vitest';
import { calculateWorkload } from '../../server/models/workload';
import { type ModelStatus, type ModelStep, modelStatuses, modelSteps, nextStatus } from '../../server/models/workflow';

describe('the workload calculator', () => {
  it('applies the shared multipliers to each activity', () => {
    const workload = calculateWorkload([
      { kind: 'lecture', amount: 1000 }, // 10 h × 1.5 = 15 h
      { kind: 'activityBased', amount: 400 }, // 4 h × 2 = 8 h
      { kind: 'practice', amount: 300 }, // 3 h × 2 = 6 h
      { kind: 'independent', amount: 250 }, // 2.5 h × 1 = 2.5 h
      { kind: 'easyReading', amount: 40 }, // 40 pages × 0.05 h = 2 h
      { kind: 'demandingReading', amount: 50 }, // 50 pages × 0.11 h = 5.5 h
    ]);
    expect(workload.perActivity).toEqual([15_000, 8_000, 6_000, 2_500, 2_000, 5_500]);
    expect(workload.totalThousandths).toBe(39_000);
    // 39 h ÷ 27 = 1.444… → 1.4 op.
    expect(workload.creditTenths).toBe(14);
  });

  it('keeps a lecture’s half-hundredths exact', () => {
    // 0.01 h × 1.5 = 0.015 h, three times: 0.045 h — no floating-point drift.
    expect(calculateWorkload([{ kind: 'lecture', amount: 1 }, { kind: 'lecture', amount: 1 }, { kind: 'lecture', amount: 1 }]).totalThousandths).toBe(45);
  });

  it('rounds credits half up to one decimal', () => {
    // 40.5 h ÷ 27 = 1.5 exactly; 39.15 h ÷ 27 = 1.45 → 1.5; 39.145 h → 1.4498… → 1.4.
    expect(calculateWorkload([{ kind: 'independent', amount: 4050 }]).creditTenths).toBe(15);
    expect(calculateWorkload([{ kind: 'independent', amount: 3915 }]).creditTenths).toBe(15);
    expect(calculateWorkload([{ kind: 'independent', amount: 3913 }, { kind: 'lecture', amount: 1 }]).creditTenths).toBe(14);
    // 27 h is exactly 1.0 op; 54 h 2.0 op.
    expect(calculateWorkload([{ kind: 'practice', amount: 1350 }]).creditTenths).toBe(10);
    expect(calculateWorkload([{ kind: 'practice', amount: 2700 }]).creditTenths).toBe(20);
  });

  it('refuses under 27 hours instead of rounding up to one credit', () => {
    expect(calculateWorkload([{ kind: 'independent', amount: 2699 }]).creditTenths).toBeNull();
    expect(calculateWorkload([]).creditTenths).toBeNull();
    // 26.99 h of lectures (× 1.5 = 40.485 h) is enough, the activity's own hours are not what counts.
    expect(calculateWorkload([{ kind: 'lecture', amount: 1800 }]).creditTenths).toBe(10);
  });
});

describe('the model workflow', () => {
  const allowed: [ModelStatus, ModelStep, ModelStatus | 'newDraft'][] = [
    ['draft', 'save', 'draft'],
    ['returned', 'save', 'returned'],
    ['draft', 'submit', 'submitted'],
    ['returned', 'submit', 'submitted'],
    ['submitted', 'startReview', 'inReview'],
    ['submitted', 'return', 'returned'],
    ['inReview', 'return', 'returned'],
    ['submitted', 'approve', 'approved'],
    ['inReview', 'approve', 'approved'],
    ['submitted', 'reject', 'rejected'],
    ['inReview', 'reject', 'rejected'],
    ['submitted', 'comment', 'submitted'],
    ['inReview', 'comment', 'inReview'],
    ['returned', 'comment', 'returned'],
    ['approved', 'newVersion', 'newDraft'],
  ];
  it.each(allowed)('allows %s → %s (to %s)', (from, step, to) => {
    expect(nextStatus(from, step)).toBe(to);
  });

  // Every other pair is refused: e.g. approving a draft, editing an approved or rejected version, commenting on a draft.
  const forbidden = modelStatuses.flatMap((from) => modelSteps.filter((step) => !allowed.some(([f, s]) => f === from && s === step)).map((step) => [from, step] as const));
  it.each(forbidden)('refuses %s → %s', (from, step) => {
    expect(nextStatus(from, step)).toBeNull();
  });

  it('covers all 48 pairs', () => {
    expect(allowed.length + forbidden.length).toBe(modelStatuses.length * modelSteps.length);
  });
});
