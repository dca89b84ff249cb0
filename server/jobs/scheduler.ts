import { sendDueReminders } from '../calendar/reminders';
import type { DomainContext } from '../context';
import { requestFeedback } from '../trainings/feedback';
import { advanceTrainingStatuses } from '../trainings/status';

/**
 * The timed work: today's calendar reminders, trainings moving to ongoing and ended, and feedback links for trainings that ended. Safe to run
 * from any number of instances at once.
 */
export async function runScheduledJobs(ctx: DomainContext, links: { publicUrl: string }): Promise<{ reminders: number; trainingStatuses: number; feedbackLinks: number }> {
  const reminders = await sendDueReminders(ctx, links);
  const trainingStatuses = await advanceTrainingStatuses(ctx);
  // After the statuses: a training that ended today asks for feedback in the same run.
  return { reminders, trainingStatuses, feedbackLinks: await requestFeedback(ctx, links) };
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
