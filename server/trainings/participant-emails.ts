import { randomBytes } from 'node:crypto';
import type { Language } from '../../app/i18n';
import { hashToken } from '../access/tokens';
import { formatDateRange } from '../calendar/format';
import type { WriteContext } from '../context';
import { enqueueTemplatedEmail } from '../notifications/templated-email';

/** What a participant's email says about the training. */
export interface TrainingForEmail {
  id: string;
  name: string;
  organisationName: string;
  startsOn: string | null;
  endsOn: string | null;
}

/** A new secret for a participant's cancel link, and the hash stored in its place. */
export function newCancelToken() {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export type ParticipantEmail = 'participantRegistered' | 'participantWaiting' | 'participantPromoted' | 'participantCancelled' | 'participantRemoved';

/** Emails a participant about their place; `cancelToken` adds the link that cancels it. */
export async function emailParticipant(
  ctx: WriteContext,
  to: { email: string; language: Language; name: string },
  key: ParticipantEmail,
  training: TrainingForEmail,
  links: { publicUrl: string; cancelToken?: string; position?: number },
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
  });
}
