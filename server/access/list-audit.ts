import { count, desc, eq } from 'drizzle-orm';
import type { ActorContext } from '../context';
import { auditLog, users } from '../db/schema';
import { type Page, pageOffset, pageSize, toPage } from '../pagination';

export interface AuditRow {
  id: number;
  at: Date;
  action: string;
  actorName: string | null;
  details: Record<string, unknown>;
  ip: string | null;
}

export async function listAudit(ctx: ActorContext, options: { page: number }): Promise<Page<AuditRow>> {
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        action: auditLog.action,
        actorName: users.name,
        details: auditLog.details,
        ip: auditLog.ip,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(pageSize)
      .offset(pageOffset(options.page)),
    ctx.db.select({ n: count() }).from(auditLog),
  ]);
  return toPage(rows, total?.n ?? 0, options.page);
}
