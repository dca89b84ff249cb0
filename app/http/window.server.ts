import { data } from 'react-router';
import type { DomainContext } from '../../server/context';
import { windowClosedMessage, windowClosedParams } from '../../server/calendar/format';
import { type WindowStatus, type YearWindow, windowStatus } from '../../server/calendar/windows';
import { formErrorField } from '../forms/validation';
import { fieldRefusal } from './form.server';
import type { Language } from '../i18n';

/**
 * For windowed actions without a form to return to: outside the window the request is refused (409)
 * with a message naming the window and its dates, shown on the error page.
 */
export async function requireOpenWindow(ctx: DomainContext, language: Language, window: YearWindow): Promise<WindowStatus> {
  const status = await windowStatus(ctx, window);
  if (!status.open) throw data({ windowClosed: windowClosedMessage(language, status) }, { status: 409 });
  return status;
}

/**
 * For windowed forms: null while the window is open, otherwise the same refusal as a form-level
 * error (409) that gives the form back what the user typed, so that nothing written is lost.
 */
export async function windowClosedFormError<Extra extends object = object>(ctx: DomainContext, language: Language, window: YearWindow, values: Record<string, string>, extra?: Extra) {
  const status = await windowStatus(ctx, window);
  if (status.open) return null;
  return fieldRefusal(formErrorField, { key: 'calendar.windowClosed', params: windowClosedParams(language, status) }, values, 409, extra);
}
