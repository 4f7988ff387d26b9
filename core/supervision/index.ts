export * from './units.ts';
export * from './periods.ts';
export * from './evidence.ts';
export * from './league.ts';
export * from './slots.ts';
export * from './reminders.ts';
