/**
 * The graduates capability's public surface (issue 16): 毕业去向 and the two headline figures computed from them.
 * The cockpit counts the figures through `destinationTallies`; imports write destinations through `importDestinations`.
 */
export { graduateRoutes } from './routes/graduates.ts';
export { destinationTallies, figureGraduates, graduateFigures, type KeyedTally } from './repository/figures.ts';
export { latestOutcomeYear, majorOutcomeWarnings } from './repository/outcomes.ts';
export { destinationProblems, upsertImportedDestinations, type ImportedDestination } from './repository/imported.ts';
export { askEmployerToConfirm } from './repository/destinations.ts';
