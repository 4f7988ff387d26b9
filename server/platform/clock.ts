/**
 * The one place the server reads the wall clock. Everything else is handed the time (`services.now()`, or a
 * `now` argument) so that tests can set it and the business day comes from `core/calendar.ts`.
 */
export const systemClock = (): Date => new Date();
