import { SEARCH_ENTITY_LABELS, type SearchHit } from '../../../../contracts/search.ts';
import type { Role } from '../../../../core/authz/roles.ts';
import { mayVisit } from '../../navigation.ts';

export { SEARCH_ENTITY_LABELS };
export const TYPE_COLORS: Record<SearchHit['type'], string> = {
  school: 'blue',
  program: 'cyan',
  major: 'purple',
  enterprise: 'orange',
  carrier: 'green',
};

const REGISTRY: Partial<Record<SearchHit['type'], { path: string; directoryTab: string }>> = {
  school: { path: 'schools', directoryTab: 'schools' },
  program: { path: 'programs', directoryTab: 'programs' },
  enterprise: { path: 'enterprises', directoryTab: 'enterprises' },
  carrier: { path: 'carriers', directoryTab: 'carriers' },
};

/**
 * Where a search hit opens: the registry's detail page (web/src/pages/registry) when the user's menu includes
 * that register; otherwise the public directory (a student finds public schools and enterprises too). A
 * catalogue major has no page of its own: it opens the search for the programs that teach it.
 */
export function hitPath(hit: Pick<SearchHit, 'type' | 'id' | 'title'>, roles: readonly Role[]): string {
  const target = REGISTRY[hit.type];
  if (!target) return searchPath(hit.title, 'program');
  const registry = `/registry/${target.path}/${hit.id}`;
  if (mayVisit(registry, roles)) return registry;
  if (hit.type === 'school') return `/directory/schools/${hit.id}`;
  return `/directory?${new URLSearchParams({ tab: target.directoryTab, q: hit.title }).toString()}`;
}

export function searchPath(q: string, type?: SearchHit['type']): string {
  const p = new URLSearchParams({ q });
  if (type) p.set('type', type);
  return `/search?${p.toString()}`;
}
