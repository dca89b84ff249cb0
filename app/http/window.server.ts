import { data } from 'react-router';
import type { DomainContext } from '../../server/context';
import { windowClosedMessage } from '../../server/calendar/format';
import { type WindowStatus, type YearWindow, windowStatus } from '../../server/calendar/windows';
import type { Language } from '../i18n';

/**
 * The first step of every windowed action after authorisation: outside the window the request is
 * refused (409) with a message naming the window and its dates, shown on the error page.
 */
export async function requireOpenWindow(ctx: DomainContext, language: Language, window: YearWindow): Promise<WindowStatus> {
  const status = await windowStatus(ctx, window);
  if (!status.open) throw data({ windowClosed: windowClosedMessage(language, status) }, { status: 409 });
  return status;
}
