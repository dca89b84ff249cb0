/**
 * A process that writes to the database as the app does, in transactions of five outbox rows each,
 * and says on stdout which batch it committed; the kill test stops it with SIGKILL mid-write.
 * DATABASE_URL or DATA_DIR as for the app. Bounded: it stops by itself after 100 000 batches.
 */
import { openDatabase } from '../../server/db/client';
import { emailOutbox } from '../../server/db/schema';

const handle = await openDatabase({ DATABASE_URL: process.env.DATABASE_URL, DATA_DIR: process.env.DATA_DIR ?? '' });
for (let batch = 1; batch <= 100_000; batch++) {
  const now = new Date();
  await handle.db.transaction(async (tx) => {
    for (let row = 0; row < 5; row++) {
      await tx.insert(emailOutbox).values({ toAddress: `era${batch}@example.test`, subject: `Erä ${batch}`, bodyText: 'x'.repeat(4000), attachments: [], nextAttemptAt: now, createdAt: now });
    }
  });
  process.stdout.write(`committed ${batch}\n`);
}
await handle.close();
