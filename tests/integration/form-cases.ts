/**
 * Every form of the app, for the bad-input test. A new form adds one entry: where it posts,
 * who submits it, a valid submission, and each field's limits.
 */
import { demoPassword } from '../../server/seed/demo';
import type { TestRole } from './access-expectations';

export interface FieldSpec {
  required: boolean;
  maxLength: number;
  /** A value of the wrong kind for this field (e.g. not an email); absent for free text. */
  wrongKind?: string;
  /**
   * Free text (names, passwords) may legitimately contain markup or SQL-looking text: such
   * values must be stored and shown verbatim and harmlessly; structured fields must refuse them.
   */
  freeText?: boolean;
}

export interface FormCase {
  name: string;
  path: string;
  as: TestRole;
  valid: Record<string, string>;
  fields: Record<string, FieldSpec>;
  /** Button-only forms have no fields to mark: their bad input answers a 400 error page. */
  errorsShownAs: 'fieldErrors' | 'errorPage';
  /** What a valid submission answers (the harness checks the form really works). */
  validStatus: number;
}

export const formCases: FormCase[] = [
  {
    name: 'sign-in',
    path: '/login',
    as: 'anonymous',
    valid: { email: 'paakayttaja@kll.example', password: demoPassword },
    fields: {
      email: { required: true, maxLength: 254, wrongKind: 'not-an-email' },
      password: { required: true, maxLength: 200, freeText: true },
    },
    errorsShownAs: 'fieldErrors',
    validStatus: 302,
  },
  {
    name: 'change own password',
    path: '/account',
    as: 'org_admin',
    valid: { currentPassword: demoPassword, newPassword: 'uusi-salasana-2027', confirmPassword: 'uusi-salasana-2027' },
    fields: {
      currentPassword: { required: true, maxLength: 200, freeText: true },
      newPassword: { required: true, maxLength: 200, freeText: true },
      confirmPassword: { required: true, maxLength: 200, freeText: true },
    },
    errorsShownAs: 'fieldErrors',
    validStatus: 200,
  },
  {
    name: 'language',
    path: '/language',
    as: 'trainer',
    valid: { language: 'sv', redirectTo: '/' },
    fields: {
      language: { required: true, maxLength: 2, wrongKind: 'xx' },
      redirectTo: { required: false, maxLength: 500, freeText: true },
    },
    errorsShownAs: 'errorPage',
    validStatus: 302,
  },
];
