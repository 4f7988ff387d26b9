import { useQuery } from '@tanstack/react-query';
import type { Job } from '../../../../contracts/jobs.ts';
import type { ImportResult } from '../../../../contracts/imports.ts';
import { get } from '../../api/client.ts';

const POLL_MS = 1000;
export const isActive = (job: Job | undefined) => job?.status === 'queued' || job?.status === 'running';

/** An import job, re-read every second while it is queued or running (the page may be reloaded at any time). */
export function useImportJob(jobId: string | null) {
  return useQuery({
    queryKey: ['job', jobId],
    queryFn: ({ signal }) => get<Job>(`/api/jobs/${jobId}`, undefined, { signal }),
    enabled: !!jobId,
    refetchInterval: (q) => (isActive(q.state.data) ? POLL_MS : false),
  });
}

/** The import's result once the job has succeeded (the server's `importResult`). */
export const importResultOf = (job: Job | undefined): ImportResult | null =>
  job?.status === 'succeeded' && job.result ? (job.result as unknown as ImportResult) : null;
