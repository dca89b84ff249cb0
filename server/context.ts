import type { Actor } from './access/roles';
import type { Clock } from './clock';
import type { Database, Queryable, Transaction } from './db/types';

/** What every domain function is given: the database, the clock and, when signed in, the actor. */
export interface DomainContext<Q extends Queryable = Database> {
  db: Q;
  clock: Clock;
}
export interface ActorContext<Q extends Queryable = Database> extends DomainContext<Q> {
  actor: Actor;
}
export type WriteContext = DomainContext<Transaction>;
