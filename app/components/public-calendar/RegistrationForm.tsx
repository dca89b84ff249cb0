import { Link } from 'react-router';
import type { FieldErrors } from '../../forms/validation';
import { registrationSchema } from '../../forms/participants';
import { useI18n } from '../../i18n/react';
import { CheckboxField, SubmitButton, ValidatedForm } from '../forms';
import { ParticipantFields, useParticipantLabels } from '../participants/ParticipantFields';

/** The public registration: who they are, and consent to the privacy notice (linked, on a page of its own). */
export function RegistrationForm({ currentYear, registerOffered, serverState }: { currentYear: number; registerOffered: boolean; serverState: { errors: FieldErrors; values: Record<string, string> } | undefined }) {
  const { t } = useI18n();
  const labels = useParticipantLabels();
  return (
    <ValidatedForm method="post" schema={registrationSchema(currentYear)} serverState={serverState} labels={labels}>
      <ParticipantFields emailRequired />
      <p className="mb-2 max-w-3xl">
        {t('publicCalendar.privacyIntro')} <Link to="/privacy">{t('privacy.title')}</Link>
      </p>
      <CheckboxField name="consent" label={labels.consent!} />
      {registerOffered && (
        <>
          <p className="mb-2 max-w-3xl">{t('publicCalendar.registerConsentHint')}</p>
          <CheckboxField name="registerConsent" label={t('publicCalendar.registerConsent')} />
        </>
      )}
      <SubmitButton>{t('publicCalendar.register')}</SubmitButton>
    </ValidatedForm>
  );
}
