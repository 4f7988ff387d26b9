import type { JobHandler } from '../platform/jobs/registry.ts';
import { indexedTypes, reindexAll } from './search-index.ts';

export const SEARCH_REINDEX_JOB = 'search.reindex';

/**
 * Job `search.reindex`: rebuild the search index, type by type (input `types`, default all). Each type is
 * replaced in its own transaction and checkpointed, so a job taken over after a crash skips the types done.
 */
export const searchReindexJob: JobHandler = async ({ services, input, checkpoint, progress, saveCheckpoint }) => {
  const requested = Array.isArray(input.types) ? (input.types as string[]) : null;
  const wanted = indexedTypes().filter((t) => !requested || requested.includes(t));
  const done = new Set<string>(Array.isArray(checkpoint?.done) ? (checkpoint.done as string[]) : []);
  const counts: Record<string, number> = { ...((checkpoint?.counts as Record<string, number> | undefined) ?? {}) };
  const types = wanted.filter((t) => !done.has(t));
  await progress({ done: done.size, total: wanted.length, message: '正在重建搜索索引' });
  await reindexAll(services.database.db, {
    types,
    onProgress: async (p) => {
      done.add(p.type);
      counts[p.type] = p.documents;
      await saveCheckpoint({ done: [...done], counts });
      await progress({ done: done.size, total: wanted.length, message: `已重建${done.size}/${wanted.length}类` });
    },
  });
  return { documents: counts };
};
