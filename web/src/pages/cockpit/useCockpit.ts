import { useQuery } from '@tanstack/react-query';
import type { Cockpit } from '../../../../contracts/cockpit.ts';
import { get } from '../../api/client.ts';

/** The cockpit of a scope (city, or a district for city-wide viewers), refreshed every minute on the wall. */
export function useCockpit(districtId: string | undefined) {
  return useQuery({
    queryKey: ['cockpit', districtId ?? 'city'],
    queryFn: () => get<Cockpit>('/api/cockpit', { districtId }),
    refetchInterval: 60_000,
  });
}
