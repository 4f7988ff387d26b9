import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Application,
  applicationCheck,
  applicationPage,
  InternshipRulesResponse,
  Post,
  postPage,
} from '../../../../contracts/internships.ts';
import type { directoryOptions, directoryProgramPage } from '../../../../contracts/directory.ts';
import { ApiError, get, type Query } from '../../api/client.ts';

export type { Application, Post };
export type PostPage = z.infer<typeof postPage>;
export type ApplicationPage = z.infer<typeof applicationPage>;

/** Every internship query key starts here, so one invalidation refreshes every internship page. */
export const KEY = 'internships';

export const usePosts = (query: Query) =>
  useQuery({
    queryKey: [KEY, 'posts', query],
    queryFn: () => get<PostPage>('/api/internship-posts', query),
    placeholderData: (prev) => prev,
  });

export const usePost = (id: string | undefined) =>
  useQuery({ queryKey: [KEY, 'post', id], enabled: !!id, queryFn: () => get<Post>(`/api/internship-posts/${id}`) });

export type ApplicationCheck = z.infer<typeof applicationCheck>;

/** Whether the signed-in student may apply for a post, and why not (ended, overlapping his or her internship, a rule). */
export const useApplicationCheck = (id: string | undefined, enabled: boolean) =>
  useQuery({
    queryKey: [KEY, 'application-check', id],
    enabled: !!id && enabled,
    queryFn: () => get<ApplicationCheck>(`/api/internship-posts/${id}/application-check`),
  });

export const useApplications = (query: Query) =>
  useQuery({
    queryKey: [KEY, 'applications', query],
    queryFn: () => get<ApplicationPage>('/api/internship-applications', query),
    placeholderData: (prev) => prev,
  });

/** The regulation's figures and lists: they change only with the policy file. */
export const useRules = () =>
  useQuery({ queryKey: [KEY, 'rules'], queryFn: () => get<InternshipRulesResponse>('/api/internship-rules'), staleTime: Infinity });

export const useDistricts = () =>
  useQuery({
    queryKey: ['directory', 'options'],
    queryFn: () => get<z.infer<typeof directoryOptions>>('/api/directory/options'),
    staleTime: Infinity,
  });

/** The majors a school teaches (public directory), for the student's major filter. */
export const useSchoolMajors = (schoolId: string | undefined) =>
  useQuery({
    queryKey: ['directory', 'programs', schoolId],
    enabled: !!schoolId,
    staleTime: Infinity,
    queryFn: async () => {
      const page = await get<z.infer<typeof directoryProgramPage>>('/api/directory/programs', { schoolId, pageSize: 200 });
      const seen = new Map<string, string>();
      for (const p of page.items) seen.set(p.majorCode, p.majorName);
      return [...seen].map(([code, name]) => ({ code, name }));
    },
  });

export interface Violation {
  rule: { code: string; name: string; article: string };
  field: string;
  message: string;
}

/** The rules a refusal names: RULE_VIOLATION lists them, a cap refusal carries one. */
export function violationsOf(error: unknown): Violation[] {
  if (!(error instanceof ApiError)) return [];
  const list = error.body.violations;
  if (Array.isArray(list)) return list as Violation[];
  const rule = error.body.rule as Violation['rule'] | undefined;
  return rule ? [{ rule, field: '', message: error.message }] : [];
}
