import { count, desc } from 'drizzle-orm';
import type { ActorContext } from '../context';
import { emailOutbox } from '../db/schema';
import { type Page, pageOffset, pageSize, toPage } from '../pagination';

export async function listOutbox(ctx: ActorContext, options: { page: number }): Promise<Page<typeof emailOutbox.$inferSelect>> {
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(emailOutbox)
      .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
      .limit(pageSize)
      .offset(pageOffset(options.page)),
    ctx.db.select({ n: count() }).from(emailOutbox),
  ]);
  return toPage(rows, total?.n ?? 0, options.page);
}
