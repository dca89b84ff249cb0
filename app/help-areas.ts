/** The help areas; each has a title and body in every language (help.areas.<area>). */
export const helpAreas = ['getting-started', 'organisation', 'units', 'users', 'accounts', 'centre', 'calendar', 'hours', 'trainings', 'expenses', 'payments', 'models', 'certificates', 'strategy', 'statistics', 'badges'] as const;
export type HelpArea = (typeof helpAreas)[number];
export const isHelpArea = (value: string | undefined): value is HelpArea => helpAreas.includes(value as HelpArea);
