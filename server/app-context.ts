import type { AdjustableClock, Clock } from './clock';
import type { Config } from './config';
import type { Database } from './db/types';

/** Handed by the HTTP server to every loader and action as `context.app`. */
export interface AppContext {
  db: Database;
  clock: Clock;
  config: Config;
  /** Present only when TEST_CLOCK=1: lets end-to-end tests set the server's time. */
  testClock: AdjustableClock | null;
  /** Per-request CSP nonce for inline scripts. */
  nonce: string;
  ip: string | null;
  smtpConfigured: boolean;
}
