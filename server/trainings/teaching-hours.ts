import type { IsoDate } from '../calendar/dates';

/** A session as planned: a Helsinki date, start and end as "HH:MM" (24 h, the same day), and breaks. */
export interface SessionTimes {
  date: IsoDate;
  start: string;
  end: string;
  breakMinutes: number;
}

const minutesOfDay = (time: string): number | null => {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
};

/** A session's teaching minutes: end − start − breaks; null when the times cannot be a session. */
export function sessionMinutes(session: Pick<SessionTimes, 'start' | 'end' | 'breakMinutes'>): number | null {
  const start = minutesOfDay(session.start);
  const end = minutesOfDay(session.end);
  if (start === null || end === null || end <= start) return null;
  if (!Number.isInteger(session.breakMinutes) || session.breakMinutes < 0) return null;
  const minutes = end - start - session.breakMinutes;
  return minutes > 0 ? minutes : null;
}

/**
 * Teaching hours in hundredths from minutes: minutes ÷ 45, rounded half up to hundredths. The product
 * spec rounds once, for the whole training, so callers pass the sum of all sessions' minutes.
 */
export const hundredthsFromMinutes = (minutes: number): number => Math.floor((200 * minutes + 45) / 90);

/** All sessions' teaching minutes; times that cannot be a session count for nothing. */
export const teachingMinutes = (sessions: Pick<SessionTimes, 'start' | 'end' | 'breakMinutes'>[]): number =>
  sessions.reduce((sum, session) => sum + (sessionMinutes(session) ?? 0), 0);

/** The training's teaching hours (hundredths): all sessions' minutes summed first, then rounded once. */
export const teachingHundredths = (sessions: Pick<SessionTimes, 'start' | 'end' | 'breakMinutes'>[]): number => hundredthsFromMinutes(teachingMinutes(sessions));
