import { data } from 'react-router';
import { z } from 'zod';
import type { Route } from './+types/test-clock';

const clockSchema = z.object({ now: z.iso.datetime({ offset: true }).optional(), reset: z.literal('1').optional() });

/** Exists only when the server runs with TEST_CLOCK=1: end-to-end tests set the server's time here. */
export async function action({ request, context }: Route.ActionArgs) {
  const clock = context.app.testClock;
  if (!clock) throw data(null, { status: 404 });
  const parsed = clockSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw data(null, { status: 400 });
  if (parsed.data.reset) clock.reset();
  else if (parsed.data.now) clock.set(new Date(parsed.data.now), { frozen: true });
  return { now: clock.now().toISOString() };
}

export async function loader({ context }: Route.LoaderArgs) {
  if (!context.app.testClock) throw data(null, { status: 404 });
  return { now: context.app.testClock.now().toISOString() };
}
