import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  enterpriseRatings,
  myInvitations,
  roundResults,
  surveyRound,
  surveyRounds,
  unitResult,
} from '../../../../contracts/surveys.ts';
import { get, type Query } from '../../api/client.ts';

export type SurveyRound = z.infer<typeof surveyRound>;
export type SurveyRounds = z.infer<typeof surveyRounds>;
export type RoundResults = z.infer<typeof roundResults>;
export type SchoolResult = RoundResults['schools'][number];
export type UnitResult = z.infer<typeof unitResult>;
export type MyInvitations = z.infer<typeof myInvitations>;
export type Invitation = MyInvitations['items'][number];
export type EnterpriseRatings = z.infer<typeof enterpriseRatings>;

/** Every surveys query key starts here, so one invalidation refreshes every page of the capability. */
export const KEY = 'surveys';

export const useRounds = (q: Query) =>
  useQuery({ queryKey: [KEY, 'rounds', q], queryFn: () => get<SurveyRounds>('/api/surveys/rounds', q) });
export const useRound = (id: string) =>
  useQuery({ queryKey: [KEY, 'round', id], queryFn: () => get<RoundResults>(`/api/surveys/rounds/${id}`) });
export const useUnit = (id: string, schoolId: string | null) =>
  useQuery({
    queryKey: [KEY, 'unit', id, schoolId],
    queryFn: () => get<UnitResult>(`/api/surveys/rounds/${id}/schools/${schoolId}`),
    enabled: !!schoolId,
  });
export const useMine = () => useQuery({ queryKey: [KEY, 'mine'], queryFn: () => get<MyInvitations>('/api/surveys/mine') });
export const useRatings = (enterpriseId: string | undefined) =>
  useQuery({
    queryKey: [KEY, 'ratings', enterpriseId],
    queryFn: () => get<EnterpriseRatings>(`/api/surveys/enterprise-ratings/${enterpriseId}`),
    enabled: !!enterpriseId,
  });

export const rate = (r: number | null) => (r === null ? '—' : `${r}%`);
/** A unit below the minimum sample shows no figure at all. */
export const INSUFFICIENT = '样本不足';
