import { describe, expect, it } from 'vitest';
import { changePasswordSchema, safeRedirect, signInSchema } from '../../app/forms/account';
import { validateForm } from '../../app/forms/validation';

const form = (fields: Record<string, string>) => Object.entries(fields);

describe('form validation', () => {
  it('accepts a valid sign-in and trims the email', () => {
    expect(validateForm(signInSchema, form({ email: ' a@b.fi ', password: 'x' }), { keep: (name) => name !== 'password' })).toEqual({
      ok: true,
      data: { email: 'a@b.fi', password: 'x' },
      // What was typed, for a later refusal to give back: never the password.
      values: { email: ' a@b.fi ' },
    });
  });

  it('reports missing, malformed and over-long fields next to each field', () => {
    const result = validateForm(signInSchema, form({ email: 'not-an-email', password: 'x'.repeat(201) }));
    expect(result).toMatchObject({
      ok: false,
      errors: { email: { key: 'forms.invalidEmail' }, password: { key: 'forms.tooLong', params: { max: 200 } } },
    });
    expect(validateForm(signInSchema, form({}))).toMatchObject({ ok: false, errors: { email: { key: 'forms.required' }, password: { key: 'forms.required' } } });
  });

  it('refuses unknown fields, repeated fields and text that cannot be stored', () => {
    expect(validateForm(signInSchema, form({ email: 'a@b.fi', password: 'x', role: 'centre_admin' }))).toMatchObject({
      ok: false,
      errors: { _form: { key: 'forms.unknownField' } },
    });
    expect(validateForm(signInSchema, [['email', 'a@b.fi'], ['email', 'c@d.fi'], ['password', 'x']])).toMatchObject({ ok: false, errors: { email: { key: 'forms.invalidValue' } } });
    expect(validateForm(signInSchema, form({ email: 'a@b.fi', password: 'bad\uFFFDbyte' }))).toMatchObject({ ok: false, errors: { password: { key: 'forms.invalidText' } } });
    expect(validateForm(signInSchema, form({ email: 'a@b.fi', password: 'nul\u0000' }))).toMatchObject({ ok: false, errors: { password: { key: 'forms.invalidText' } } });
  });

  it('keeps the user’s input except what the caller drops', () => {
    const result = validateForm(signInSchema, form({ email: 'oops', password: 'secret' }), { keep: (n) => n !== 'password' });
    expect(result).toMatchObject({ ok: false, values: { email: 'oops' } });
    expect(result.ok ? null : result.values.password).toBeUndefined();
  });

  it('asks for matching, new passwords of at least 12 characters', () => {
    const base = { currentPassword: 'old-password-1' };
    expect(validateForm(changePasswordSchema, form({ ...base, newPassword: 'short', confirmPassword: 'short' }))).toMatchObject({
      errors: { newPassword: { key: 'forms.tooShort', params: { min: 12 } } },
    });
    expect(validateForm(changePasswordSchema, form({ ...base, newPassword: 'long-enough-1', confirmPassword: 'long-enough-2' }))).toMatchObject({
      errors: { confirmPassword: { key: 'account.mismatch' } },
    });
    expect(validateForm(changePasswordSchema, form({ ...base, newPassword: 'old-password-1', confirmPassword: 'old-password-1' }))).toMatchObject({
      errors: { newPassword: { key: 'account.sameAsOld' } },
    });
  });

  it('follows only same-site paths after sign-in', () => {
    expect(safeRedirect('/organisations?page=2')).toBe('/organisations?page=2');
    expect(safeRedirect('//evil.example/')).toBe('/');
    expect(safeRedirect('https://evil.example/')).toBe('/');
    expect(safeRedirect('/\\evil.example')).toBe('/');
  });
});
