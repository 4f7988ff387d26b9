import type { JobProgress } from '../db/schema/jobs.ts';
import type { Services } from '../services.ts';

export interface JobContext {
  services: Services;
  jobId: string;
  input: Record<string, unknown>;
  /** What a previous, interrupted run saved; null on the first run. */
  checkpoint: Record<string, unknown> | null;
  progress(p: JobProgress): Promise<void>;
  /** Saves where the work stands, so that a retry or a takeover resumes instead of starting over. */
  saveCheckpoint(c: Record<string, unknown>): Promise<void>;
}

export type JobHandler = (ctx: JobContext) => Promise<Record<string, unknown>>;

/** Job kinds and their handlers; each feature registers its own at start-up. */
export class JobRegistry {
  readonly #handlers = new Map<string, JobHandler>();

  register(kind: string, handler: JobHandler) {
    if (this.#handlers.has(kind)) throw new Error(`job kind ${kind} registered twice`);
    this.#handlers.set(kind, handler);
  }

  get(kind: string): JobHandler | undefined {
    return this.#handlers.get(kind);
  }

  kinds(): string[] {
    return [...this.#handlers.keys()];
  }
}
