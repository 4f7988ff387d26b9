import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { internationalPage, internationalRecord, internationalRecordDetail } from '../../../../contracts/international.ts';
import { get, type Query } from '../../api/client.ts';

export type InternationalRecord = z.infer<typeof internationalRecord>;
export type InternationalRecordDetail = z.infer<typeof internationalRecordDetail>;
export type InternationalPage = z.infer<typeof internationalPage>;

/** Every international query key starts here, so one invalidation refreshes the list and the open record. */
export const KEY = 'international';

export const useRecords = (q: Query) =>
  useQuery({ queryKey: [KEY, 'list', q], queryFn: () => get<InternationalPage>('/api/international/records', q) });
export const useRecord = (id: string | null) =>
  useQuery({
    queryKey: [KEY, 'record', id],
    queryFn: () => get<InternationalRecordDetail>(`/api/international/records/${id}`),
    enabled: !!id,
  });

export const STATUS_COLORS: Record<InternationalRecord['status'], string> = { submitted: 'gold', verified: 'green', returned: 'red' };
