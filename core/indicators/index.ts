export * from './status.ts';
export * from './definitions.ts';
export * from './formulas.ts';
export * from './trend.ts';
export * from './validate.ts';
