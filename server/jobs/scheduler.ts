import { sendDueReminders } from '../calendar/reminders';
import { releaseUnreportedReservations } from '../expenses/release';
import type { DomainContext } from '../context';
import { requestFeedback } from '../trainings/feedback';
import { advanceTrainingStatuses } from '../trainings/status';

/**
 * The timed work: today's calendar reminders, trainings moving to ongoing and ended, and feedback links for trainings that ended, and the reservations of trainings not reported by the January deadline. Safe to run
 * from any number of instances at once.
 */
export async function runScheduledJobs(
  ctx: DomainContext,
  links: { publicUrl: string },
): Promise<{ reminders: number; trainingStatuses: number; feedbackLinks: number; releasedReservations: number }> {
  const reminders = await sendDueReminders(ctx, links);
  const trainingStatuses = await advanceTrainingStatuses(ctx);
  // After the statuses: a training that ended today asks for feedback in the same run.
  const feedbackLinks = await requestFeedback(ctx, links);
  return { reminders, trainingStatuses, feedbackLinks, releasedReservations: await releaseUnreportedReservations(ctx) };
}

/** Runs the jobs at start and then every `intervalMs`, one run at a time, until stopped. */
export function startScheduler(ctx: DomainContext, links: { publicUrl: string }, intervalMs: number, log: (line: string) => void) {
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = running.then(() => runScheduledJobs(ctx, links)).catch((error) => log(`Scheduled jobs failed: ${error}`));
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
