import type { Clock } from '../../server/clock';
import type { Database } from '../../server/db/types';
import type { ModelContent } from '../../server/models/content';
import { createModel, takeModelStep } from '../../server/models/models';
import { actorByEmail } from './demo';

const links = { publicUrl: 'http://sivis.test' };

/** 10 h of lectures (15 h), 6 h of practice (12 h) and 40 easy pages (2 h): 29 h of work, 1.1 op. */
export const modelDesign = (changes: Partial<ModelContent> = {}): ModelContent => ({
  name: 'Yhdistyksen taloudenhoitaja',
  targetGroup: 'Yhdistysten rahastonhoitajat',
  outcomes: ['Osaa laatia talousarvion', 'Osaa pitää kirjanpitoa'],
  content: 'Talousarvio, kirjanpito ja tilinpäätös.',
  assessmentMethod: 'Harjoitustyö',
  assessmentCriteria: 'Hyväksytty / hylätty',
  activities: [
    { kind: 'lecture', amount: 1000, description: 'Luennot' },
    { kind: 'practice', amount: 600, description: 'Harjoitukset' },
    { kind: 'easyReading', amount: 40, description: 'Opas' },
  ],
  ...changes,
});

/** An approved model of the organisation (its admin submits it on 10 January 2027, centre staff approve it); its version's id. */
export async function approvedModelVersion(db: Database, organisationId: string, adminEmail: string, content: ModelContent = modelDesign()): Promise<string> {
  const clock: Clock = { now: () => new Date('2027-01-10T09:00:00Z') };
  const admin = { db, clock, actor: await actorByEmail(db, adminEmail) };
  const staff = { db, clock, actor: await actorByEmail(db, 'asiantuntija@sivis.example') };
  const created = await createModel(admin, organisationId, content);
  const target = { organisationId, modelId: created.modelId };
  const submitted = await takeModelStep(admin, target, 'submit', { content }, links);
  if (!submitted.ok) throw new Error(`Model not submitted: ${submitted.error}`);
  const approved = await takeModelStep(staff, target, 'approve', {}, links);
  if (!approved.ok) throw new Error(`Model not approved: ${approved.error}`);
  return created.versionId;
}
