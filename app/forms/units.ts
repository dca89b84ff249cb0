import { z } from 'zod';

const name = z.string().trim().min(1).max(200);
const kind = z.enum(['district', 'region', 'association']);
const optionalUnit = z.union([z.literal(''), z.uuid()]);

export const createUnitSchema = z.object({ intent: z.literal('create'), name, kind, parentId: optionalUnit });
export const updateUnitSchema = z.object({
  intent: z.literal('update'),
  name,
  kind,
  trainsWithCentre: z.enum(['yes', 'no']),
  active: z.enum(['yes', 'no']),
});
export const moveUnitSchema = z.object({ intent: z.literal('move'), parentId: optionalUnit });
export const coordinatorSchema = z.object({ intent: z.enum(['assignCoordinator', 'removeCoordinator']), userId: z.uuid() });
