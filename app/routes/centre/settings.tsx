import { Link, data } from 'react-router';
import type { Route } from './+types/settings';
import { HelpLink } from '../../components/HelpLink';
import { Notice } from '../../components/Notice';
import { Table } from '../../components/Table';
import { ErrorSummary, SubmitButton, TextField, ValidatedForm } from '../../components/forms';
import { centreSettingsSchema, supportRulesSchema, toHundredths } from '../../forms/centre';
import { requirePermission } from '../../http/authorize.server';
import { readIntentForm } from '../../http/form.server';
import { useI18n } from '../../i18n/react';
import { getCentreSettings, updateCentreSettings } from '../../../server/centre/settings';
import { defaultSupportRules, listSupportRules, saveSupportRules } from '../../../server/centre/support-rules';
import { displayIban } from '../../../server/organisations/bank-account';
import { formatHundredths } from '../../../server/hours/format';

export async function loader({ request, context }: Route.LoaderArgs) {
  const ctx = await requirePermission(request, context, 'centre.edit');
  const settings = await getCentreSettings(ctx);
  return {
    settings: settings ? { ...settings, iban: settings.iban ? displayIban(settings.iban) : '' } : null,
    rules: await listSupportRules(ctx),
    nextYear: ctx.clock.now().getUTCFullYear() + 1,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const ctx = await requirePermission(request, context, 'centre.edit');
  const form = await readIntentForm(request, { settings: centreSettingsSchema, rules: supportRulesSchema });
  if (!form.ok) return data({ ok: false as const, intent: form.intent, errors: form.errors, values: form.values }, { status: 400 });
  if (form.intent === 'settings') {
    const { intent: _, ...settings } = form.data;
    await updateCentreSettings(ctx, settings);
    return { ok: true as const, intent: form.intent, year: null };
  }
  const r = form.data;
  await saveSupportRules(ctx, {
    year: Number(r.year),
    hourlyRateCents: toHundredths(r.hourlyRate),
    costCapBasisPoints: toHundredths(r.costCapPercent),
    peerGroupRateCents: toHundredths(r.peerGroupRate),
    minTeachingHundredths: toHundredths(r.minTeachingHours),
    minParticipants: Number(r.minParticipants),
    minParticipantAge: Number(r.minParticipantAge),
    peerMinMembers: Number(r.peerMinMembers),
    peerMinHundredths: toHundredths(r.peerMinHours),
    forbiddenWords: r.forbiddenWords,
    auditShareBasisPoints: toHundredths(r.auditSharePercent),
  });
  return { ok: true as const, intent: form.intent, year: Number(r.year) };
}

export default function CentreSettings({ loaderData, actionData }: Route.ComponentProps) {
  const { t, number, language } = useI18n();
  const { settings, rules } = loaderData;
  const failed = (intent: string) => (actionData && !actionData.ok && actionData.intent === intent ? actionData : undefined);
  const defaults = defaultSupportRules(loaderData.nextYear);
  const hundredths = (n: number) => formatHundredths(language, n);
  const settingsLabels = { name: t('centre.name'), businessId: t('centre.businessId'), address: t('centre.address'), iban: t('centre.iban'), bic: t('centre.bic') };
  const ruleLabels = {
    year: t('centre.year'),
    hourlyRate: t('centre.hourlyRate'),
    costCapPercent: t('centre.costCapPercent'),
    peerGroupRate: t('centre.peerGroupRate'),
    minTeachingHours: t('centre.minTeachingHours'),
    minParticipants: t('centre.minParticipants'),
    minParticipantAge: t('centre.minParticipantAge'),
    peerMinMembers: t('centre.peerMinMembers'),
    peerMinHours: t('centre.peerMinHours'),
    forbiddenWords: t('centre.forbiddenWords'),
    auditSharePercent: t('centre.auditSharePercent'),
  };
  return (
    <>
      <title>{`${t('centre.title')} – ${t('app.name')}`}</title>
      <h1>{t('centre.title')}</h1>
      <HelpLink area="centre" />
      <p className="mb-4 max-w-3xl">{t('centre.intro')}</p>
      {actionData && !actionData.ok && !actionData.intent && <ErrorSummary errors={actionData.errors} labels={{}} />}
      <h2>{t('centre.settings')}</h2>
      {actionData?.ok && actionData.intent === 'settings' && <Notice tone="ok">{t('centre.saved')}</Notice>}
      <ValidatedForm method="post" schema={centreSettingsSchema} serverState={failed('settings')} labels={settingsLabels}>
        <input type="hidden" name="intent" value="settings" />
        <TextField name="name" label={settingsLabels.name} defaultValue={settings?.name ?? ''} />
        <TextField name="businessId" label={settingsLabels.businessId} hint={t('profile.businessIdHint')} defaultValue={settings?.businessId ?? ''} />
        <TextField name="address" label={settingsLabels.address} defaultValue={settings?.address ?? ''} required={false} />
        <TextField name="iban" label={settingsLabels.iban} hint={t('profile.ibanHint')} defaultValue={settings?.iban ?? ''} required={false} />
        <TextField name="bic" label={settingsLabels.bic} defaultValue={settings?.bic ?? ''} required={false} />
        <SubmitButton>{t('centre.save')}</SubmitButton>
      </ValidatedForm>
      <p className="mt-4">
        <Link to="/centre/images">{t('centre.imagesLink')}</Link>
      </p>
      <h2>{t('centre.rules')}</h2>
      <p className="mb-4 max-w-3xl">{t('centre.rulesIntro')}</p>
      {actionData?.ok && actionData.year && <Notice tone="ok">{t('centre.rulesSaved', { year: actionData.year })}</Notice>}
      {rules.length === 0 ? (
        <p className="mb-4">{t('centre.noRules')}</p>
      ) : (
        <Table
          caption={t('centre.rules')}
          rows={rules}
          rowKey={(r) => String(r.year)}
          columns={[
            { header: ruleLabels.year, cell: (r) => r.year },
            { header: ruleLabels.hourlyRate, cell: (r) => `${hundredths(r.hourlyRateCents)} €`, numeric: true },
            { header: ruleLabels.costCapPercent, cell: (r) => `${hundredths(r.costCapBasisPoints)} %`, numeric: true },
            { header: ruleLabels.peerGroupRate, cell: (r) => `${hundredths(r.peerGroupRateCents)} €`, numeric: true },
            { header: ruleLabels.minTeachingHours, cell: (r) => hundredths(r.minTeachingHundredths), numeric: true },
            { header: ruleLabels.minParticipants, cell: (r) => number(r.minParticipants), numeric: true },
            { header: ruleLabels.minParticipantAge, cell: (r) => number(r.minParticipantAge), numeric: true },
            { header: ruleLabels.peerMinMembers, cell: (r) => number(r.peerMinMembers), numeric: true },
            { header: ruleLabels.peerMinHours, cell: (r) => hundredths(r.peerMinHundredths), numeric: true },
            { header: ruleLabels.forbiddenWords, cell: (r) => r.forbiddenWords.join(', ') },
            { header: ruleLabels.auditSharePercent, cell: (r) => `${hundredths(r.auditShareBasisPoints)} %`, numeric: true },
          ]}
        />
      )}
      <h3 className="mt-6 mb-3 text-lg font-semibold">{t('centre.rulesFormTitle')}</h3>
      <ValidatedForm method="post" schema={supportRulesSchema} serverState={failed('rules')} labels={ruleLabels}>
        <input type="hidden" name="intent" value="rules" />
        <TextField name="year" label={ruleLabels.year} defaultValue={String(defaults.year)} />
        <TextField name="hourlyRate" label={ruleLabels.hourlyRate} defaultValue={hundredths(defaults.hourlyRateCents)} />
        <TextField name="costCapPercent" label={ruleLabels.costCapPercent} defaultValue={hundredths(defaults.costCapBasisPoints)} />
        <TextField name="peerGroupRate" label={ruleLabels.peerGroupRate} defaultValue={hundredths(defaults.peerGroupRateCents)} />
        <TextField name="minTeachingHours" label={ruleLabels.minTeachingHours} defaultValue={hundredths(defaults.minTeachingHundredths)} />
        <TextField name="minParticipants" label={ruleLabels.minParticipants} defaultValue={String(defaults.minParticipants)} />
        <TextField name="minParticipantAge" label={ruleLabels.minParticipantAge} defaultValue={String(defaults.minParticipantAge)} />
        <TextField name="peerMinMembers" label={ruleLabels.peerMinMembers} defaultValue={String(defaults.peerMinMembers)} />
        <TextField name="peerMinHours" label={ruleLabels.peerMinHours} defaultValue={hundredths(defaults.peerMinHundredths)} />
        <TextField name="forbiddenWords" label={ruleLabels.forbiddenWords} hint={t('centre.forbiddenWordsHint')} defaultValue={defaults.forbiddenWords.join(', ')} required={false} />
        <TextField name="auditSharePercent" label={ruleLabels.auditSharePercent} hint={t('centre.auditSharePercentHint')} defaultValue={hundredths(defaults.auditShareBasisPoints)} />
        <SubmitButton>{t('centre.saveRules')}</SubmitButton>
      </ValidatedForm>
    </>
  );
}
