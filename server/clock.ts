/** Every use of "now" goes through a clock so that tests can stand on any day of the year. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that can be set and moved; used by tests and, behind TEST_CLOCK=1, by e2e tests. */
export class AdjustableClock implements Clock {
  private offsetMs = 0;
  private frozenAt: number | null = null;

  now(): Date {
    return new Date(this.frozenAt ?? Date.now() + this.offsetMs);
  }

  /** Moves "now" to the given instant; time keeps running from there unless frozen. */
  set(instant: Date, options: { frozen?: boolean } = {}): void {
    if (options.frozen) {
      this.frozenAt = instant.getTime();
    } else {
      this.frozenAt = null;
      this.offsetMs = instant.getTime() - Date.now();
    }
  }

  reset(): void {
    this.offsetMs = 0;
    this.frozenAt = null;
  }
}
