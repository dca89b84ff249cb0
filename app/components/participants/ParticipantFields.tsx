import { genders } from '../../../server/trainings/kinds';
import { useI18n } from '../../i18n/react';
import { ChoiceGroup, TextField } from '../forms';

/** The labels of a participant's fields, for the error summary. */
export function useParticipantLabels(): Record<string, string> {
  const { t } = useI18n();
  return {
    name: t('participants.fields.name'),
    email: t('participants.fields.email'),
    birthYear: t('participants.fields.birthYear'),
    municipality: t('participants.fields.municipality'),
    gender: t('participants.fields.gender'),
    firstTimeThisYear: t('participants.fields.firstTimeThisYear'),
    consent: t('publicCalendar.consentLabel'),
  };
}

/** Who a participant is: the same fields on the public registration and on the trainer's form. */
export function ParticipantFields({ emailRequired }: { emailRequired: boolean }) {
  const { t } = useI18n();
  const labels = useParticipantLabels();
  return (
    <>
      <TextField name="name" label={labels.name!} autoComplete="name" />
      <TextField name="email" type="email" label={labels.email!} hint={emailRequired ? t('publicCalendar.emailHint') : t('participants.emailOptionalHint')} autoComplete="email" required={emailRequired} />
      <TextField name="birthYear" label={labels.birthYear!} hint={t('participants.birthYearHint')} inputMode="numeric" />
      <TextField name="municipality" label={labels.municipality!} hint={t('participants.municipalityHint')} />
      <ChoiceGroup
        name="gender"
        legend={labels.gender!}
        hint={t('participants.genderHint')}
        type="radio"
        options={[...genders.map((g) => ({ value: g, label: t(`participants.genders.${g}`) })), { value: '', label: t('participants.genderUntold') }]}
        defaultValues={['']}
      />
      <ChoiceGroup
        name="firstTimeThisYear"
        legend={labels.firstTimeThisYear!}
        hint={t('participants.firstTimeHint')}
        type="radio"
        options={[
          { value: 'yes', label: t('participants.yes') },
          { value: 'no', label: t('participants.no') },
        ]}
      />
    </>
  );
}
