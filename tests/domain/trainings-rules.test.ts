import { describe, expect, it } from 'vitest';
import { defaultSupportRules } from '../../server/centre/support-rules';
import { type PlanForEligibility, checkEligibility } from '../../server/trainings/eligibility';
import { hundredthsFromMinutes, sessionMinutes, teachingHundredths } from '../../server/trainings/teaching-hours';

const session = (start: string, end: string, breakMinutes = 0, date = '2027-03-02') => ({ date, start, end, breakMinutes });

describe('teaching hours', () => {
  it('are end − start − breaks per session, over noon too', () => {
    expect(sessionMinutes(session('09:00', '09:45'))).toBe(45);
    expect(sessionMinutes(session('11:30', '13:15', 15))).toBe(90);
    expect(sessionMinutes(session('17:00', '16:00'))).toBeNull();
    expect(sessionMinutes(session('09:00', '09:30', 30))).toBeNull();
    expect(sessionMinutes(session('9:00', '10:00'))).toBeNull();
  });

  it('divide the sum of all sessions by 45 and round half up once, never per session', () => {
    expect(hundredthsFromMinutes(45)).toBe(100);
    expect(hundredthsFromMinutes(90)).toBe(200);
    expect(hundredthsFromMinutes(1)).toBe(2); // 2.22…
    expect(hundredthsFromMinutes(2)).toBe(4); // 4.44…
    expect(hundredthsFromMinutes(7)).toBe(16); // 15.55… rounds up
    expect(hundredthsFromMinutes(9)).toBe(20); // exactly 20
    // 0.225 h is exactly half a hundredth above 0.22: half up gives 0.23.
    expect(hundredthsFromMinutes(10.125)).toBe(23);
    // Three sessions of 50 min: per-session rounding would give 3 × 1.11 = 3.33; once gives 150 / 45 = 3.33…
    expect(teachingHundredths([session('10:00', '10:50'), session('11:00', '11:50'), session('12:00', '12:50')])).toBe(333);
    // Two sessions of 7 min: per session 0.16 + 0.16 = 0.32, summed first 14 / 45 = 0.311… → 0.31.
    expect(teachingHundredths([session('10:00', '10:07'), session('11:00', '11:07')])).toBe(31);
  });
});

describe('eligibility', () => {
  const rules = defaultSupportRules(2027);
  const plan: PlanForEligibility = {
    name: 'Kuorolaulun peruskurssi',
    peerGroup: false,
    learningGoals: 'Osallistuja oppii äänenkäytön perusteet.',
    plannedParticipants: 12,
    sessions: [session('18:00', '19:30', 0, '2027-03-02'), session('18:00', '19:30', 0, '2027-03-09')],
    noOtherStateFunding: true,
    notSoldToCompanies: true,
    noVocationalQualification: true,
  };
  const context = { today: '2027-02-01', nextYearOpensOn: '2027-12-01' };
  const rulesOf = (changes: Partial<PlanForEligibility>, ctx = context) => checkEligibility({ ...plan, ...changes }, rules, ctx).map((f) => `${f.severity}:${f.rule}`);

  it('takes the year’s own forbidden words and minimums from the centre’s rules', () => {
    const own = { ...rules, forbiddenWords: ['sauna'], minTeachingHundredths: 500 };
    const found = (changes: Partial<PlanForEligibility>) => checkEligibility({ ...plan, ...changes }, own, context).map((f) => f.rule);
    expect(found({ name: 'Kesäleiri' })).toEqual(['minHours']);
    expect(found({ name: 'Saunailta', sessions: [session('09:00', '16:00')] })).toEqual(['forbiddenWord']);
  });

  it('passes a plan that meets every rule', () => {
    expect(rulesOf({})).toEqual([]);
  });

  it('blocks each hard rule by name', () => {
    expect(rulesOf({ sessions: [] })).toEqual(['hard:sessionsRequired']);
    expect(rulesOf({ sessions: [session('18:00', '18:40')] })).toEqual(['hard:minHours']);
    expect(rulesOf({ learningGoals: '  ' })).toEqual(['hard:learningGoal']);
    expect(rulesOf({ sessions: [session('18:00', '19:30', 0, '2027-12-30'), session('18:00', '19:30', 0, '2028-01-02')] })).toEqual(['hard:oneCalendarYear']);
    expect(rulesOf({ name: 'Yhdistyksen SYYSKOKOUS' })).toEqual(['hard:forbiddenWord']);
    expect(rulesOf({ name: 'Luontoretki' })).toEqual(['hard:forbiddenWord']);
    expect(rulesOf({ name: 'Kesäleiri' })).toEqual(['hard:forbiddenWord']);
    expect(rulesOf({ noOtherStateFunding: false })).toEqual(['hard:declarations']);
    expect(rulesOf({}, { ...context, today: '2027-03-03' })).toEqual(['hard:plannedBeforeStart']);
  });

  it('lets next year’s trainings be planned only from the calendar’s opening day', () => {
    const nextYear = { sessions: [session('18:00', '19:30', 0, '2028-02-01')] };
    expect(rulesOf(nextYear, { today: '2027-11-30', nextYearOpensOn: '2027-12-01' })).toEqual(['hard:nextYearNotOpen']);
    expect(rulesOf(nextYear, { today: '2027-12-01', nextYearOpensOn: '2027-12-01' })).toEqual([]);
    expect(rulesOf({ sessions: [session('18:00', '19:30', 0, '2029-02-01')] }, { today: '2027-12-01', nextYearOpensOn: '2027-12-01' })).toEqual(['hard:nextYearNotOpen']);
  });

  it('warns, without blocking, when fewer participants are planned than the minimum', () => {
    expect(rulesOf({ plannedParticipants: 6 })).toEqual(['soft:minParticipants']);
  });

  it('holds peer study groups to their own minimums: 5 members and 10 hours a year', () => {
    const peer = { peerGroup: true, plannedParticipants: 5 };
    expect(rulesOf(peer)).toEqual(['hard:minHours']);
    const tenHours = Array.from({ length: 5 }, (_, i) => session('18:00', '19:30', 0, `2027-03-0${i + 2}`));
    expect(rulesOf({ ...peer, sessions: tenHours })).toEqual([]);
    expect(rulesOf({ ...peer, sessions: tenHours, plannedParticipants: 4 })).toEqual(['soft:minParticipants']);
  });
});
