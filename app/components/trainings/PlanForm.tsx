import type { ReactNode } from 'react';
import { formatHoursInput } from '../../../server/hours/format';
import { regions, topicClasses, trainingModes, trainingTypes } from '../../../server/trainings/kinds';
import type { PlanInput } from '../../../server/trainings/plans';
import type { FieldErrors } from '../../forms/validation';
import { planSchema } from '../../forms/trainings';
import { useI18n } from '../../i18n/react';
import { CheckboxField, ChoiceGroup, type SelectOption, SelectField, SubmitButton, TextArea, TextField, ValidatedForm } from '../forms';
import { SessionRows, sessionFields } from './SessionRows';

export interface RuleNumbers {
  minParticipants: number;
  peerMinMembers: number;
  minParticipantAge: number;
}

/**
 * Every field of a training plan, its sessions and the teaching hours computed live. `plan` is a
 * stored plan, a copy of an earlier one, or null for an empty form.
 */
export function PlanForm({
  plan,
  unitOptions,
  modelOptions,
  serverState,
  rules,
  availability,
}: {
  plan: PlanInput | null;
  unitOptions: SelectOption[];
  /** The organisation's approved models a training can be based on. */
  modelOptions: SelectOption[];
  serverState: { errors: FieldErrors; values: Record<string, string> } | undefined;
  rules: RuleNumbers;
  availability: ReactNode;
}) {
  const { t, language } = useI18n();
  const labels: Record<string, string> = {
    unitId: t('trainings.fields.unitId'),
    name: t('trainings.fields.name'),
    description: t('trainings.fields.description'),
    type: t('trainings.fields.type'),
    mode: t('trainings.fields.mode'),
    topicClass: t('trainings.fields.topicClass'),
    targetGroup: t('trainings.fields.targetGroup'),
    learningGoals: t('trainings.fields.learningGoals'),
    modelVersionId: t('trainings.fields.modelVersionId'),
    plannedParticipants: t('trainings.fields.plannedParticipants'),
    responsibleName: t('trainings.fields.responsibleName'),
    price: t('trainings.fields.price'),
    region: t('trainings.fields.region'),
    capacity: t('trainings.fields.capacity'),
    registrationEndsOn: t('trainings.fields.registrationEndsOn'),
    sessionDate: t('trainings.sessions'),
  };
  // The error summary names the session and the field of a row's error.
  const rowCount = Math.max(plan?.sessions.length ?? 0, serverState?.values.sessionDate?.split('\n').length ?? 0) + 2;
  for (let i = 0; i < rowCount; i++) {
    for (const field of sessionFields) labels[`${field.column}.${i}`] = t('trainings.sessionField', { number: i + 1, field: t(field.label) });
  }
  const stored = (plan?.sessions ?? []).map((s) => ({ date: s.date, start: s.start, end: s.end, breakMinutes: s.breakMinutes ? String(s.breakMinutes) : '', place: s.place, onlineLink: s.onlineLink }));
  return (
    <ValidatedForm method="post" schema={planSchema} serverState={serverState} labels={labels}>
      <input type="hidden" name="intent" value="save" />
      <SelectField name="unitId" label={labels.unitId!} placeholder={t('trainings.chooseUnit')} options={unitOptions} defaultValue={plan?.unitId ?? (unitOptions.length === 1 ? unitOptions[0]!.value : '')} />
      <TextField name="name" label={labels.name!} defaultValue={plan?.name ?? ''} />
      <TextArea name="description" label={labels.description!} hint={t('trainings.descriptionHint')} defaultValue={plan?.description ?? ''} rows={4} />
      <SelectField name="type" label={labels.type!} placeholder={t('trainings.chooseType')} options={trainingTypes.map((type) => ({ value: type, label: t(`trainings.types.${type}`) }))} defaultValue={plan?.type ?? ''} />
      <ChoiceGroup name="mode" legend={labels.mode!} type="radio" options={trainingModes.map((mode) => ({ value: mode, label: t(`trainings.modes.${mode}`) }))} defaultValues={[plan?.mode ?? 'onSite']} />
      <SelectField name="topicClass" label={labels.topicClass!} placeholder={t('trainings.chooseTopic')} options={topicClasses.map((topic) => ({ value: topic, label: t(`trainings.topicClasses.${topic}`) }))} defaultValue={plan?.topicClass ?? ''} />
      <TextField name="targetGroup" label={labels.targetGroup!} defaultValue={plan?.targetGroup ?? ''} required={false} />
      {modelOptions.length > 0 && (
        <SelectField name="modelVersionId" label={labels.modelVersionId!} hint={t('trainings.modelHint')} placeholder={t('trainings.noModel')} options={modelOptions} defaultValue={plan?.modelVersionId ?? ''} />
      )}
      <TextArea name="learningGoals" label={labels.learningGoals!} hint={t('trainings.learningGoalsHint')} defaultValue={plan?.learningGoals ?? ''} rows={3} />
      <TextField
        name="plannedParticipants"
        label={labels.plannedParticipants!}
        hint={t('trainings.plannedParticipantsHint', { minimum: rules.minParticipants, peerMinimum: rules.peerMinMembers, age: rules.minParticipantAge })}
        defaultValue={String(plan?.plannedParticipants ?? '')}
      />
      <TextField name="responsibleName" label={labels.responsibleName!} defaultValue={plan?.responsibleName ?? ''} required={false} />
      <TextField name="price" label={labels.price!} hint={t('trainings.priceHint')} defaultValue={plan?.priceCents ? formatHoursInput(language, plan.priceCents) : ''} required={false} />
      <fieldset className="mb-4">
        <legend className="font-semibold">{t('trainings.declarations')}</legend>
        <p className="mb-2 text-sm text-slate-700">{t('trainings.declarationsHint')}</p>
        <CheckboxField name="noOtherStateFunding" label={t('trainings.fields.noOtherStateFunding')} defaultChecked={plan?.noOtherStateFunding ?? false} />
        <CheckboxField name="notSoldToCompanies" label={t('trainings.fields.notSoldToCompanies')} defaultChecked={plan?.notSoldToCompanies ?? false} />
        <CheckboxField name="noVocationalQualification" label={t('trainings.fields.noVocationalQualification')} defaultChecked={plan?.noVocationalQualification ?? false} />
      </fieldset>
      <fieldset className="mb-4">
        <legend className="font-semibold">{t('trainings.publicity')}</legend>
        <p className="mb-2 text-sm text-slate-700">{t('trainings.publicityHint')}</p>
        <CheckboxField name="isPublic" label={t('trainings.fields.isPublic')} defaultChecked={plan?.isPublic ?? false} />
        <SelectField name="region" label={labels.region!} hint={t('trainings.regionHint')} placeholder={t('trainings.noRegion')} options={regions.map((region) => ({ value: region, label: t(`trainings.regions.${region}`) }))} defaultValue={plan?.region ?? ''} />
        <TextField name="capacity" label={labels.capacity!} hint={t('trainings.capacityHint')} defaultValue={plan?.capacity ? String(plan.capacity) : ''} required={false} inputMode="numeric" />
        <TextField name="registrationEndsOn" type="date" label={labels.registrationEndsOn!} hint={t('trainings.registrationEndsOnHint')} defaultValue={plan?.registrationEndsOn ?? ''} required={false} />
      </fieldset>
      <SessionRows stored={stored} availability={availability} />
      <SubmitButton>{t('trainings.save')}</SubmitButton>
    </ValidatedForm>
  );
}
