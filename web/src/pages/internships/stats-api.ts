import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  placementRates,
  postShareOne,
  postSharePage,
  postShareRollups,
  violationsPage,
} from '../../../../contracts/internship-stats.ts';
import { get, type Query } from '../../api/client.ts';
import { KEY } from './api.ts';

export type PlacementRates = z.infer<typeof placementRates>;
export type PostSharePage = z.infer<typeof postSharePage>;
export type PostShareRollups = z.infer<typeof postShareRollups>;
export type PostShareOne = z.infer<typeof postShareOne>;
export type ViolationsPage = z.infer<typeof violationsPage>;

const useStat = <T>(path: string, query: Query) =>
  useQuery({ queryKey: [KEY, 'stats', path, query], queryFn: () => get<T>(path, query), placeholderData: (prev) => prev });

export const usePlacementRates = (q: Query) => useStat<PlacementRates>('/api/internship-stats/placements', q);
export const usePostShares = (q: Query) => useStat<PostSharePage>('/api/internship-stats/post-share', q);
export const usePostShareRollups = (q: Query) => useStat<PostShareRollups>('/api/internship-stats/post-share/rollup', q);
export const useViolations = (q: Query) => useStat<ViolationsPage>('/api/internship-stats/violations', q);
export const usePostShareOne = (enterpriseId: string | undefined) =>
  useQuery({
    queryKey: [KEY, 'stats', 'share', enterpriseId],
    enabled: !!enterpriseId,
    queryFn: () => get<PostShareOne>(`/api/internship-stats/post-share/${enterpriseId}`),
  });

/** 0.0234 → "2.34%"; null (the rule does not apply, or no one to count) → "—". */
export const percent = (v: number | null, digits = 1) => (v === null ? '—' : `${(v * 100).toFixed(digits)}%`);
export const RAG_COLORS: Record<string, string> = { green: 'green', amber: 'gold', red: 'red', na: 'default' };
