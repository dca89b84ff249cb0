import { translateDynamic } from '../../app/i18n';
import { memberAdmins } from '../access/approvers';
import type { DomainContext } from '../context';
import { calendarReminders } from '../db/schema';
import { enqueueEmails } from '../notifications/outbox';
import { templatedEmail } from '../notifications/templated-email';
import { type IsoDate, addDays, helsinkiDate, yearOf } from './dates';
import { formatEventDates, formatIsoDate } from './format';
import { type CalendarWindow, windowShapes } from './template';
import { type CalendarEvent, yearCalendars } from './year-calendar';

export type ReminderStage = 'opens' | 'closes7' | 'closes1';

/** Which reminders admins get: the grant-decision window is the centre's own work. */
const stagesByWindow: Partial<Record<CalendarWindow, ReminderStage[]>> = {
  additionalHours: ['opens', 'closes7', 'closes1'],
  hourProposals: ['opens', 'closes7', 'closes1'],
  nextYearTrainings: ['opens'],
  expenseReportDeadline: ['closes7', 'closes1'],
};

const dueOn = (stage: ReminderStage, event: CalendarEvent): IsoDate =>
  stage === 'opens' ? event.startsOn : addDays(event.endsOn, stage === 'closes7' ? -7 : -1);

export interface DueReminder {
  key: string;
  stage: ReminderStage;
  event: CalendarEvent;
}

/**
 * The reminders to send today. Each is sent from its day until the next one is due (the last until
 * the window closes; an opening until its year ends), so a scheduler that was down catches up
 * without sending stale warnings. A closing warning due on or before the opening day is left out:
 * the opening email already gives the dates. The key names the date a stage is about (the start for
 * the opening, the end for the warnings), so correcting the other date does not send it again.
 */
export function dueReminders(events: CalendarEvent[], today: IsoDate): DueReminder[] {
  return events.flatMap((event) => {
    if (!event.window) return [];
    const shape = windowShapes[event.window];
    const stages = (stagesByWindow[event.window] ?? [])
      .map((stage) => ({ stage, on: dueOn(stage, event) }))
      .filter(({ stage, on }) => stage === 'opens' || shape !== 'period' || on > event.startsOn);
    const lastDay = shape === 'opening' ? `${event.year}-12-31` : event.endsOn;
    return stages.flatMap(({ stage, on }, i) => {
      const until = i + 1 < stages.length ? addDays(stages[i + 1]!.on, -1) : lastDay;
      if (today < on || today > until) return [];
      const about = stage === 'opens' ? event.startsOn : event.endsOn;
      return [{ key: `${event.window}:${about}:${stage}`, stage, event }];
    });
  });
}

const emailKeys = { opens: 'reminderOpens', closes7: 'reminderCloses7', closes1: 'reminderCloses1' } as const;

/**
 * Emails today's reminders to every admin in their language. The reminder rows and the emails are
 * written in one transaction and the rows' key refuses a second copy, so two schedulers running at
 * once still send each reminder exactly once per recipient.
 */
export async function sendDueReminders(ctx: DomainContext, links: { publicUrl: string }): Promise<number> {
  const today = helsinkiDate(ctx.clock.now());
  // Next year's too: an early-January deadline is warned about in December.
  const calendars = await yearCalendars(ctx.db, [yearOf(today), yearOf(today) + 1]);
  let sent = 0;
  for (const reminder of dueReminders(calendars.flatMap((c) => c.events), today)) {
    sent += await ctx.db.transaction(async (tx) => {
      const admins = await memberAdmins(tx);
      if (admins.length === 0) return 0;
      const now = ctx.clock.now();
      const claimed = await tx
        .insert(calendarReminders)
        .values(admins.map((a) => ({ reminderKey: reminder.key, userId: a.id, sentAt: now })))
        .onConflictDoNothing()
        .returning({ userId: calendarReminders.userId });
      const claimedIds = new Set(claimed.map((c) => c.userId));
      const window = reminder.event.window!;
      const emails = admins
        .filter((a) => claimedIds.has(a.id))
        .map((admin) =>
          templatedEmail(admin, emailKeys[reminder.stage], {
            window: translateDynamic(admin.language, `calendar.windows.${window}`),
            dates: formatEventDates(admin.language, reminder.event),
            endDate: formatIsoDate(admin.language, reminder.event.endsOn),
            instructions: translateDynamic(admin.language, `calendar.instructions.${window}`),
            link: `${links.publicUrl}/calendar`,
          }),
        );
      await enqueueEmails({ db: tx, clock: ctx.clock }, emails);
      return claimedIds.size;
    });
  }
  return sent;
}
