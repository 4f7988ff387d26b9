import { IMPORT_ENTITIES, type ImportEntity } from '../../core/imports/index.ts';
import type { JobRegistry } from '../platform/jobs/registry.ts';
import { importJob } from './job.ts';

export const importJobKind = (entity: ImportEntity) => `import.${entity}`;

/** One job kind per register (import.schools, import.students …), all run by the same handler. */
export function registerImportJobs(registry: JobRegistry) {
  for (const entity of IMPORT_ENTITIES) registry.register(importJobKind(entity), importJob);
}
