import type { Language } from '../../app/i18n';
import { and, eq, ne } from 'drizzle-orm';
import { formatDateRange } from '../calendar/format';
import type { WriteContext } from '../context';
import { organisations, trainingParticipants, trainings } from '../db/schema';
import { enqueueTemplatedEmail } from '../notifications/templated-email';

/** What a participant's email says about the training. */
export interface TrainingForEmail {
  id: string;
  name: string;
  organisationName: string;
  startsOn: string | null;
  endsOn: string | null;
}

export type ParticipantEmail = 'participantRegistered' | 'participantWaiting' | 'participantPromoted' | 'participantCancelled' | 'participantRemoved' | 'participantTrainingCancelled' | 'participantAlreadyRegistered' | 'participantFeedback';

/** Emails a participant about their place; `cancelToken` adds the link that cancels it. */
export async function emailParticipant(
  ctx: WriteContext,
  to: { email: string; language: Language; name: string },
  key: ParticipantEmail,
  training: TrainingForEmail,
  links: { publicUrl: string; cancelToken?: string; position?: number; feedbackToken?: string },
) {
  if (!to.email) return;
  await enqueueTemplatedEmail(ctx, to, key, {
    name: to.name,
    training: training.name,
    organisation: training.organisationName,
    dates: training.startsOn && training.endsOn ? formatDateRange(to.language, training.startsOn, training.endsOn) : '',
    trainingUrl: `${links.publicUrl}/training-calendar/${training.id}`,
    cancelUrl: links.cancelToken ? `${links.publicUrl}/registrations/${links.cancelToken}` : '',
    position: String(links.position ?? ''),
    feedbackUrl: links.feedbackToken ? `${links.publicUrl}/feedback/${links.feedbackToken}` : '',
  });
}

/** When a training is cancelled, everyone with a place or on the waiting list is told (their places stay as history). */
export async function tellParticipantsOfCancellation(ctx: WriteContext, trainingId: string, links: { publicUrl: string }) {
  const [training] = await ctx.db
    .select({ id: trainings.id, name: trainings.name, organisationName: organisations.name, startsOn: trainings.startsOn, endsOn: trainings.endsOn })
    .from(trainings)
    .innerJoin(organisations, eq(organisations.id, trainings.organisationId))
    .where(eq(trainings.id, trainingId));
  const people = await ctx.db
    .select({ name: trainingParticipants.name, email: trainingParticipants.email, language: trainingParticipants.language })
    .from(trainingParticipants)
    .where(and(eq(trainingParticipants.trainingId, trainingId), ne(trainingParticipants.status, 'cancelled'), ne(trainingParticipants.email, '')));
  for (const person of people) await emailParticipant(ctx, person, 'participantTrainingCancelled', training!, links);
}
