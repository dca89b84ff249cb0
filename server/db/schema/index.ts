export * from './access';
export * from './audit';
export * from './centre';
export * from './notifications';
export * from './organisations';
export * from './calendar';
export * from './hours';
export * from './proposals';
