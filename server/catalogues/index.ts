/**
 * The catalogues capability's public surface: what the rest of the server may use of it. Everything else in
 * server/catalogues/ is internal (test/core/layers.test.ts keeps it so).
 */
export { CLUSTERS } from './clusters.ts';
export type { ClusterDef } from './clusters.ts';
export { csvRecords, readText, referenceDataPath, repoRoot } from './csv.ts';
export { BUREAU, DIVISIONS_FILE, DIVISION_SLUGS, parseDivisionsCsv } from './divisions.ts';
export { INDUSTRY_EDITION, INDUSTRY_FILE, parseIndustryCsv } from './industry.ts';
export { formatSummary, loadReferenceData } from './load.ts';
export { DEMO_MAJORS_EDITION, DEMO_MAJORS_FILE, LEVEL_LABELS, parseMajorCsv } from './majors.ts';
export { findIndustry, industryNameSql } from './repository/industries.ts';
export { catalogueRoutes } from './routes/catalogues.ts';
export { clusterRoutes } from './routes/clusters.ts';
