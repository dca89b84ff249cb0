import { Form, Link, data } from 'react-router';
import { unitOption } from '../../components/UnitOptions';
import type { Route } from './+types/proposal';
import { HelpLink } from '../../components/HelpLink';
import { Hours } from '../../components/Hours';
import { Notice } from '../../components/Notice';
import { StatusTag } from '../../components/StatusTag';
import { Table } from '../../components/Table';
import { CheckboxField, SelectField, SubmitButton, TextArea, TextField, ValidatedForm } from '../../components/forms';
import { createProposalSchema, proposalLineSchema, returnProposalSchema, submitProposalSchema, toLineInput } from '../../forms/proposals';
import { requirePermission, requireUuid } from '../../http/authorize.server';
import { baseUrl } from '../../http/base-url.server';
import { fieldRefusal, readIntentForm } from '../../http/form.server';
import { requireYear } from '../../http/year.server';
import { translateDynamic } from '../../i18n';
import { useI18n } from '../../i18n/react';
import { can } from '../../../server/access/permissions';
import type { Action } from '../../../server/access/actions';
import { createProposal, findProposal, isEditable, proposalLines, proposalWindowOpen, returnProposal, saveLineAsAdmin, submitProposal } from '../../../server/hours/proposals';
import { getOrganisation } from '../../../server/organisations/get-organisation';
import { getUnitTree } from '../../../server/organisations/unit-tree';
import { flattenUnits } from '../../../server/organisations/flatten-units';

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'proposal.view', { organisationId });
  const year = requireYear(params.year);
  const [organisation, proposal, windowOpen, tree] = await Promise.all([
    getOrganisation(ctx, organisationId),
    findProposal(ctx.db, organisationId, year),
    proposalWindowOpen(ctx, year),
    getUnitTree(ctx, organisationId),
  ]);
  if (!organisation) throw data(null, { status: 404 });
  const lines = proposal ? await proposalLines(ctx, proposal) : [];
  const canEdit = can(ctx.actor, 'proposal.edit', { organisationId });
  return {
    year,
    organisation: { id: organisation.id, name: organisation.name },
    proposal: proposal && { status: proposal.status, returnReason: proposal.returnReason, submittedAt: proposal.submittedAt },
    lines,
    windowOpen,
    editable: proposal ? isEditable(proposal, windowOpen) : false,
    canEdit,
    canReturn: can(ctx.actor, 'proposal.return'),
    // A coordinator sees only lines delegated to their units, and fills those in.
    canFill: can(ctx.actor, 'proposal.fillDelegated', { organisationId }),
    units: flattenUnits(tree).map(({ node, depth }) => unitOption(node.id, node.name, depth)),
  };
}

const intentActions: Record<string, Action> = { create: 'proposal.edit', addLine: 'proposal.edit', submit: 'proposal.edit', return: 'proposal.return' };

export async function action({ request, context, params }: Route.ActionArgs) {
  const organisationId = requireUuid(params.organisationId);
  const ctx = await requirePermission(request, context, 'proposal.view', { organisationId });
  const year = requireYear(params.year);
  const form = await readIntentForm(request, { create: createProposalSchema, addLine: proposalLineSchema, submit: submitProposalSchema, return: returnProposalSchema });
  if (!form.ok) return data({ ok: false as const, errors: form.errors, values: form.values, intent: form.intent }, { status: 400 });
  // Each form of the page is for someone: the admin's, or staff's return.
  await requirePermission(request, context, intentActions[form.intent]!, { organisationId });
  const result =
    form.intent === 'create'
      ? await createProposal(ctx, organisationId, year)
      : form.intent === 'addLine'
        ? await saveLineAsAdmin(ctx, organisationId, year, null, toLineInput(form.data))
        : form.intent === 'submit'
          ? await submitProposal(ctx, organisationId, year)
          : await returnProposal(ctx, organisationId, year, form.data.reason, { publicUrl: baseUrl(context) });
  if (!result.ok && result.error === 'notFound') throw data(null, { status: 404 });
  if (!result.ok) {
    const field = result.error === 'proposals.errors.unknownUnit' ? 'unitId' : '_form';
    return fieldRefusal(field, { key: result.error }, form.intent === 'addLine' ? form.values : {}, field === '_form' ? 409 : 400, { intent: form.intent });
  }
  return { ok: true as const, intent: form.intent };
}

export default function ProposalPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, language } = useI18n();
  const { year, organisation, proposal, lines, editable, canEdit, canReturn, windowOpen } = loaderData;
  const formError = actionData && !actionData.ok ? actionData.errors._form : undefined;
  const lineLabels = { unitId: t('proposals.unit'), theme: t('proposals.theme'), hours: t('hours.hoursField'), justification: t('proposals.justification'), delegated: t('proposals.delegate') };
  const total = lines.reduce((sum, l) => sum + l.hundredths, 0);
  const delegated = lines.filter((l) => l.delegated);
  return (
    <>
      <title>{`${t('proposals.title', { year, organisation: organisation.name })} – ${t('app.name')}`}</title>
      <p className="mb-2">
        <Link to={`/organisations/${organisation.id}/hours`}>{t('hours.backToHours')}</Link>
      </p>
      <h1>{t('proposals.title', { year, organisation: organisation.name })}</h1>
      <HelpLink area="hours" />
      {actionData?.ok && <Notice tone="ok">{t(`proposals.done.${actionData.intent}`)}</Notice>}
      {formError && <Notice tone="error">{translateDynamic(language, formError.key, formError.params)}</Notice>}
      {!proposal ? (
        <>
          <p className="mb-4 max-w-3xl">{windowOpen ? t('proposals.noneYet') : t('proposals.windowClosed', { year })}</p>
          {canEdit && windowOpen && (
            <Form method="post">
              <input type="hidden" name="intent" value="create" />
              <SubmitButton>{t('proposals.create', { year })}</SubmitButton>
            </Form>
          )}
        </>
      ) : (
        <>
          <p className="mb-2">
            {t('proposals.status')}: <StatusTag tone={proposal.status === 'submitted' ? 'ok' : 'warn'}>{t(`proposals.statuses.${proposal.status}`)}</StatusTag>
          </p>
          {proposal.status === 'returned' && proposal.returnReason && <Notice tone="warn">{t('proposals.returnedBecause', { reason: proposal.returnReason })}</Notice>}
          {delegated.length > 0 && (
            <p className="mb-4">{t('proposals.progress', { ready: delegated.filter((l) => l.ready).length, total: delegated.length })}</p>
          )}
          {lines.length === 0 ? (
            <p className="mb-4">{t('proposals.noLines')}</p>
          ) : (
            <Table
              caption={t('proposals.linesTitle')}
              rows={lines}
              rowKey={(l) => l.id}
              columns={[
                { header: t('proposals.unit'), cell: (l) => l.unitName ?? t('proposals.wholeOrganisation') },
                { header: t('proposals.theme'), cell: (l) => l.theme },
                { header: t('hours.hoursField'), cell: (l) => <Hours hundredths={l.hundredths} />, numeric: true },
                { header: t('proposals.justification'), cell: (l) => l.justification },
                {
                  header: t('proposals.delegation'),
                  cell: (l) => (l.delegated ? <StatusTag tone={l.ready ? 'ok' : 'warn'}>{l.ready ? t('proposals.ready') : t('proposals.waiting')}</StatusTag> : '–'),
                },
                {
                  header: t('proposals.actions'),
                  cell: (l) => (editable && (canEdit || (loaderData.canFill && l.delegated)) ? <Link to={`/organisations/${organisation.id}/hours/proposals/${year}/lines/${l.id}`}>{t('proposals.editLine')}</Link> : ''),
                },
              ]}
            />
          )}
          <p className="my-4 text-lg font-semibold">
            {t('proposals.total')}: <Hours hundredths={total} />
          </p>
          {canEdit && editable && (
            <section aria-labelledby="line-title" className="mb-6 max-w-3xl rounded border border-slate-300 bg-white p-4">
              <h2 id="line-title" className="mt-0">
                {t('proposals.addLine')}
              </h2>
              {/* Keyed by the lines, so that an added line leaves an empty form behind. */}
              <ValidatedForm key={lines.length} method="post" schema={proposalLineSchema} serverState={actionData && !actionData.ok && actionData.intent === 'addLine' && !formError ? actionData : undefined} labels={lineLabels}>
                <input type="hidden" name="intent" value="addLine" />
                <SelectField name="unitId" label={lineLabels.unitId} placeholder={t('proposals.wholeOrganisation')} options={loaderData.units} />
                <TextField name="theme" label={lineLabels.theme} required={false} />
                <TextField name="hours" label={lineLabels.hours} hint={t('proposals.hoursHint')} />
                <TextArea name="justification" label={lineLabels.justification} rows={3} />
                <CheckboxField name="delegated" label={t('proposals.delegate')} />
                <SubmitButton>{t('proposals.saveLine')}</SubmitButton>
              </ValidatedForm>
            </section>
          )}
          {canEdit && editable && (
            <Form method="post" className="mb-6">
              <input type="hidden" name="intent" value="submit" />
              <SubmitButton>{t('proposals.submit')}</SubmitButton>
            </Form>
          )}
          {canReturn && proposal.status === 'submitted' && (
            <section aria-labelledby="return-title" className="max-w-3xl rounded border border-slate-300 bg-white p-4">
              <h2 id="return-title" className="mt-0">
                {t('proposals.returnTitle')}
              </h2>
              <ValidatedForm method="post" schema={returnProposalSchema} serverState={actionData && !actionData.ok && actionData.intent === 'return' && !formError ? actionData : undefined} labels={{ reason: t('proposals.returnReason') }}>
                <input type="hidden" name="intent" value="return" />
                <TextArea name="reason" label={t('proposals.returnReason')} rows={3} />
                <SubmitButton>{t('proposals.return')}</SubmitButton>
              </ValidatedForm>
            </section>
          )}
        </>
      )}
    </>
  );
}
