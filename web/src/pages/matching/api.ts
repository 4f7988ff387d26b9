import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  allocationRunPage,
  demandPage,
  proposalPage,
  recommendationList,
  schoolProfile,
  studentProfile,
  supplyDemand,
} from '../../../../contracts/matching.ts';
import type { Job } from '../../../../contracts/jobs.ts';
import { get, type Query } from '../../api/client.ts';

export type RecommendationList = z.infer<typeof recommendationList>;
export type Recommendation = RecommendationList['items'][number];
export type StudentProfile = z.infer<typeof studentProfile>;
export type SchoolProfile = z.infer<typeof schoolProfile>;
export type SupplyDemand = z.infer<typeof supplyDemand>;
export type DemandPage = z.infer<typeof demandPage>;
export type RunPage = z.infer<typeof allocationRunPage>;
export type ProposalPage = z.infer<typeof proposalPage>;
export type Proposal = ProposalPage['items'][number];

/** Every matching query key starts here, so one invalidation refreshes every matching page. */
export const KEY = 'matching';

export const useProfile = () => useQuery({ queryKey: [KEY, 'profile'], queryFn: () => get<StudentProfile>('/api/matching/profile') });

export const useStudentRecommendations = () =>
  useQuery({ queryKey: [KEY, 'rec', 'student'], queryFn: () => get<RecommendationList>('/api/matching/recommendations/student') });

export const useEnterpriseRecommendations = (demandId: string | undefined, target: 'programs' | 'students') =>
  useQuery({
    queryKey: [KEY, 'rec', 'enterprise', demandId, target],
    enabled: !!demandId,
    queryFn: () => get<RecommendationList>('/api/matching/recommendations/enterprise', { demandId, target }),
  });

export const useSchoolRecommendations = (target: 'demands' | 'enterprises') =>
  useQuery({
    queryKey: [KEY, 'rec', 'school', target],
    queryFn: () => get<RecommendationList>('/api/matching/recommendations/school', { target }),
  });

export const useSchoolProfile = (schoolId: string | undefined) =>
  useQuery({
    queryKey: [KEY, 'school-profile', schoolId],
    enabled: !!schoolId,
    queryFn: () => get<SchoolProfile>(`/api/matching/schools/${schoolId}/profile`),
  });

export const useSupplyDemand = (by: 'cluster' | 'major' | 'district') =>
  useQuery({ queryKey: [KEY, 'supply-demand', by], queryFn: () => get<SupplyDemand>('/api/matching/supply-demand', { by }) });

export const useDemands = (query: Query) =>
  useQuery({ queryKey: [KEY, 'demands', query], queryFn: () => get<DemandPage>('/api/demands', query), placeholderData: (prev) => prev });

export const useRuns = (enabled: boolean) =>
  useQuery({ queryKey: [KEY, 'runs'], enabled, queryFn: () => get<RunPage>('/api/matching/allocation-runs', { pageSize: 10 }) });

export const useProposals = (query: Query) =>
  useQuery({
    queryKey: [KEY, 'proposals', query],
    queryFn: () => get<ProposalPage>('/api/matching/proposals', query),
    placeholderData: (prev) => prev,
  });

const active = (j: Job | undefined) => j?.status === 'queued' || j?.status === 'running';

/** A job, re-read every second while it is queued or running. */
export const useJob = (jobId: string | null) =>
  useQuery({
    queryKey: ['job', jobId],
    enabled: !!jobId,
    queryFn: () => get<Job>(`/api/jobs/${jobId}`),
    refetchInterval: (q) => (active(q.state.data) ? 1000 : false),
  });
