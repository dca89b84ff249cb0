import { data } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/test-clock';
import { baseUrl } from '../http/base-url.server';
import { runScheduledJobs } from '../../server/jobs/scheduler';

const clockSchema = z.object({
  now: z.iso.datetime({ offset: true }).optional(),
  reset: z.literal('1').optional(),
  runJobs: z.literal('1').optional(),
});

/** Exists only when the server runs with TEST_CLOCK=1: end-to-end tests set the server's time here. */
export async function action({ request, context }: Route.ActionArgs) {
  const clock = context.app.testClock;
  if (!clock) throw data(null, { status: 404 });
  const parsed = clockSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw data(null, { status: 400 });
  if (parsed.data.reset) clock.reset();
  else if (parsed.data.now) clock.set(new Date(parsed.data.now), { frozen: true });
  // Lets a test see the scheduler's work on the day it set, without waiting for the timer.
  const jobs = parsed.data.runJobs ? await runScheduledJobs({ db: context.app.db, clock }, { publicUrl: baseUrl(context) }) : null;
  return { now: clock.now().toISOString(), jobs };
}

export async function loader({ context }: Route.LoaderArgs) {
  if (!context.app.testClock) throw data(null, { status: 404 });
  return { now: context.app.testClock.now().toISOString() };
}
