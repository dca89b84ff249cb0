import { type SQL, and, eq, inArray, like, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { type Action, type Rule, actions } from './actions';
import { type Actor, type RoleGrant, centreRoles, memberOrganisationIds } from './roles';

/** What an action is done to. Omit both fields for actions that are not about one organisation. */
export interface Target {
  organisationId?: string;
  unitPath?: string;
  /** Who owns the thing (a training's planner); for a new thing, the actor. */
  ownerUserId?: string;
}

function grantMatches(rule: Rule, grant: RoleGrant, target: Target, actorUserId: string): boolean {
  switch (rule.scope) {
    case 'signedIn':
      return true;
    case 'centre':
      return rule.roles.includes(grant.role) && centreRoles.includes(grant.role);
    case 'organisation':
      return (
        rule.roles.includes(grant.role) &&
        grant.organisationId !== null &&
        (target.organisationId === undefined || grant.organisationId === target.organisationId)
      );
    case 'own':
      return (target.ownerUserId === undefined || target.ownerUserId === actorUserId) && grantMatches({ scope: 'unitSubtree', roles: rule.roles }, grant, target, actorUserId);
    case 'unitSubtree':
      return (
        rule.roles.includes(grant.role) &&
        grant.unitPath !== null &&
        // On a whole organisation, a unit role gives its part of it (lists are then filtered in SQL).
        (target.unitPath !== undefined
          ? target.unitPath.startsWith(grant.unitPath)
          : target.organisationId === undefined || grant.organisationId === target.organisationId)
      );
  }
}

export function can(actor: Actor, action: Action, target: Target = {}): boolean {
  const rules: readonly Rule[] = actions[action];
  return rules.some((rule) => rule.scope === 'signedIn' || actor.grants.some((g) => grantMatches(rule, g, target, actor.userId)));
}

export type Decision = 'allow' | 'forbidden' | 'notFound';

/** Another organisation's resource is not found (its existence stays hidden); one's own is forbidden. */
export function decide(actor: Actor, action: Action, target: Target = {}): Decision {
  if (can(actor, action, target)) return 'allow';
  const seesEveryOrganisation = actor.grants.some((g) => centreRoles.includes(g.role));
  if (target.organisationId && !seesEveryOrganisation && !memberOrganisationIds(actor).has(target.organisationId)) {
    return 'notFound';
  }
  return 'forbidden';
}

export function permittedActions<A extends Action>(actor: Actor, candidates: readonly A[], target: Target = {}): A[] {
  return candidates.filter((action) => can(actor, action, target));
}

/**
 * The SQL condition that keeps only rows the actor may see for a list action.
 * `unitPath` is the row's unit path; rows without a unit match only organisation-wide rules, and
 * rows without an owner column match no `own` rule.
 */
export function scopeCondition(
  actor: Actor,
  action: Action,
  columns: { organisationId: AnyPgColumn; unitPath?: AnyPgColumn; ownerUserId?: AnyPgColumn },
): SQL {
  const conditions: SQL[] = [];
  for (const rule of actions[action] as readonly Rule[]) {
    if (rule.scope === 'signedIn') return sql`true`;
    const grants = actor.grants.filter((g) => rule.roles.includes(g.role));
    if (grants.length === 0) continue;
    if (rule.scope === 'centre') {
      if (grants.some((g) => centreRoles.includes(g.role))) return sql`true`;
    } else if (rule.scope === 'organisation') {
      const ids = [...new Set(grants.flatMap((g) => (g.organisationId ? [g.organisationId] : [])))];
      if (ids.length) conditions.push(inArray(columns.organisationId, ids));
    } else if (rule.scope === 'unitSubtree' && columns.unitPath) {
      for (const g of grants) if (g.unitPath) conditions.push(like(columns.unitPath, `${g.unitPath}%`));
    } else if (rule.scope === 'own' && columns.unitPath && columns.ownerUserId) {
      for (const g of grants) if (g.unitPath) conditions.push(and(like(columns.unitPath, `${g.unitPath}%`), eq(columns.ownerUserId, actor.userId))!);
    }
  }
  return conditions.length ? (or(...conditions) as SQL) : sql`false`;
}
