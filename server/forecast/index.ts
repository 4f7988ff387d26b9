/**
 * The forecast capability's public surface (人才供需月度序列与预测, 二 (五) 16): the monthly job, its queueing,
 * the register measurement and month writer the demo city uses for its history, and the routes.
 */
export { queueSeries, SERIES_MONTHLY_JOB, seriesMonthlyJob } from './job.ts';
export { measureRegister, writeMonth, type SeriesDimension, type SeriesPoint } from './repository/series.ts';
export { filled, forecastMonths } from './forecasts.ts';
export { demandFigures } from './warnings.ts';
export { forecastRoutes } from './routes/series.ts';
