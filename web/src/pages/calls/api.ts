import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  application,
  applicationPage,
  applicationPrefill,
  call,
  callKindList,
  callPage,
  objection,
  objectionList,
  publicCalls,
  ranking,
} from '../../../../contracts/calls.ts';
import type { expertPage, reviewTask, reviewTaskPage, roundResults } from '../../../../contracts/expert-review.ts';
import { get } from '../../api/client.ts';

export type Call = z.infer<typeof call>;
export type CallKind = z.infer<typeof callKindList>[number];
export type Application = z.infer<typeof application>;
export type ApplicationRow = z.infer<typeof applicationPage>['items'][number];
export type Ranking = z.infer<typeof ranking>;
export type RoundResults = z.infer<typeof roundResults>;
export type ReviewTask = z.infer<typeof reviewTask>;
export type Prefill = z.infer<typeof applicationPrefill>;
export type PublicCalls = z.infer<typeof publicCalls>;
export type ExpertPage = z.infer<typeof expertPage>;
export type Objection = z.infer<typeof objection>;
export type ObjectionList = z.infer<typeof objectionList>;

/** Every calls query key starts here: one invalidation refreshes every calls page. */
export const KEY = 'calls';

export const useKinds = () =>
  useQuery({ queryKey: [KEY, 'kinds'], queryFn: () => get<CallKind[]>('/api/call-kinds'), staleTime: Infinity });
export const useCalls = (page: number) =>
  useQuery({ queryKey: [KEY, 'list', page], queryFn: () => get<z.infer<typeof callPage>>('/api/calls', { page, pageSize: 20 }) });
export const useCall = (id: string) => useQuery({ queryKey: [KEY, 'call', id], queryFn: () => get<Call>(`/api/calls/${id}`) });
export const useMyApplications = (callId?: string) =>
  useQuery({
    queryKey: [KEY, 'apps', callId ?? 'all'],
    queryFn: () => get<z.infer<typeof applicationPage>>('/api/call-applications', { callId, pageSize: 100 }),
  });
export const useApplication = (id: string | undefined) =>
  useQuery({ queryKey: [KEY, 'app', id], enabled: !!id, queryFn: () => get<Application>(`/api/call-applications/${id}`) });
export const usePrefill = (callId: string, enabled: boolean) =>
  useQuery({ queryKey: [KEY, 'prefill', callId], enabled, queryFn: () => get<Prefill>(`/api/calls/${callId}/prefill`) });
export const useRanking = (callId: string, enabled: boolean) =>
  useQuery({ queryKey: [KEY, 'ranking', callId], enabled, queryFn: () => get<Ranking>(`/api/calls/${callId}/ranking`) });
export const useRound = (roundId: string | null) =>
  useQuery({ queryKey: [KEY, 'round', roundId], enabled: !!roundId, queryFn: () => get<RoundResults>(`/api/review-rounds/${roundId}`) });
export const useTasks = () =>
  useQuery({ queryKey: [KEY, 'tasks'], queryFn: () => get<z.infer<typeof reviewTaskPage>>('/api/reviews', { pageSize: 200 }) });
export const useExperts = (page: number) =>
  useQuery({ queryKey: [KEY, 'experts', page], queryFn: () => get<ExpertPage>('/api/experts', { page, pageSize: 20 }) });
export const usePublicCalls = () => useQuery({ queryKey: [KEY, 'public'], queryFn: () => get<PublicCalls>('/api/public/calls') });
export const useObjections = (callId: string, enabled: boolean) =>
  useQuery({ queryKey: [KEY, 'objections', callId], enabled, queryFn: () => get<ObjectionList>(`/api/calls/${callId}/objections`) });
/** The applicant's objection to its application; null while it has raised none. */
export const useMyObjection = (applicationId: string | undefined) =>
  useQuery({
    queryKey: [KEY, 'objection', applicationId],
    enabled: !!applicationId,
    queryFn: async () => (await get<{ objection: Objection | null }>(`/api/call-applications/${applicationId}/objection`)).objection,
  });
