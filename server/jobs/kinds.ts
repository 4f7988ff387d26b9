import { JobRegistry } from './registry.ts';

/** Every job kind of the platform. Features add their handlers here. */
export function createJobRegistry(): JobRegistry {
  const registry = new JobRegistry();
  return registry;
}
