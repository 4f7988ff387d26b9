import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { declarationForm, declarationPage, stateOwnedDeclarationPage } from '../../../../contracts/certification.ts';
import { get, type Query } from '../../api/client.ts';

export type DeclarationForm = z.infer<typeof declarationForm>;
export type DeclarationPage = z.infer<typeof declarationPage>;
export type Declaration = DeclarationPage['items'][number];
export type StateOwnedPage = z.infer<typeof stateOwnedDeclarationPage>;

/** Every certification query key starts here, so one invalidation refreshes every certification page. */
export const KEY = 'certification';

export const useDeclarationForm = (enterpriseId: string | undefined, year: number) =>
  useQuery({
    queryKey: [KEY, 'form', enterpriseId, year],
    enabled: !!enterpriseId,
    queryFn: () => get<DeclarationForm>(`/api/certification/enterprises/${enterpriseId}/declarations/${year}`),
  });

export const useDeclarations = (q: Query) =>
  useQuery({ queryKey: [KEY, 'list', q], queryFn: () => get<DeclarationPage>('/api/certification/declarations', q) });

export const useStateOwned = (q: Query) =>
  useQuery({ queryKey: [KEY, 'soe', q], queryFn: () => get<StateOwnedPage>('/api/certification/state-owned-declarations', q) });

/** The last full year (the declaration a year is made of, by default), by the browser's clock in Zhengzhou. */
export function lastYear(): number {
  return Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4)) - 1;
}

export const yearOptions = () => [0, 1, 2, 3].map((i) => ({ value: lastYear() + 1 - i, label: `${lastYear() + 1 - i}年度` }));

export const yuan = (n: number) => `${n.toLocaleString('zh-CN')} 元`;

import type {
  certificationCase,
  certificationCasePage,
  certifiedList,
  creditList,
  eligibility,
  enterpriseCredit,
  missingReports,
  undeclaredPage,
} from '../../../../contracts/certification.ts';
export type Eligibility = z.infer<typeof eligibility>;
export type Case = z.infer<typeof certificationCase> & {
  evidence?: Array<{ id: string; fileName: string; byteSize: number; createdAt: string }>;
};
export type CasePage = z.infer<typeof certificationCasePage>;
export type CertifiedList = z.infer<typeof certifiedList>;

export const useEligibility = (enterpriseId: string | undefined) =>
  useQuery({
    queryKey: [KEY, 'eligibility', enterpriseId],
    enabled: !!enterpriseId,
    queryFn: () => get<Eligibility>(`/api/certification/enterprises/${enterpriseId}/eligibility`),
  });
export const useCases = (q: Query) =>
  useQuery({ queryKey: [KEY, 'cases', q], queryFn: () => get<CasePage>('/api/certification/cases', q) });
export const useCase = (id: string | undefined) =>
  useQuery({ queryKey: [KEY, 'case', id], enabled: !!id, queryFn: () => get<Case>(`/api/certification/cases/${id}`) });
export const useCertified = () =>
  useQuery({ queryKey: [KEY, 'public'], queryFn: () => get<CertifiedList>('/api/public/certified-enterprises') });

export type MissingReports = z.infer<typeof missingReports>;
export type EnterpriseCredit = z.infer<typeof enterpriseCredit>;
export type CreditList = z.infer<typeof creditList>;
export const useMissingReports = (q: Query) =>
  useQuery({ queryKey: [KEY, 'missing', q], queryFn: () => get<MissingReports>('/api/certification/annual-reports/missing', q) });
export const useEnterpriseCredit = (enterpriseId: string | undefined) =>
  useQuery({
    queryKey: [KEY, 'credit', enterpriseId],
    enabled: !!enterpriseId,
    queryFn: () => get<EnterpriseCredit>(`/api/certification/enterprises/${enterpriseId}/surcharge-credit`),
  });
export const useCredits = (q: Query) =>
  useQuery({ queryKey: [KEY, 'credits', q], queryFn: () => get<CreditList>('/api/certification/surcharge-credits', q) });
export type UndeclaredPage = z.infer<typeof undeclaredPage>;
export const useUndeclared = (q: Query) =>
  useQuery({ queryKey: [KEY, 'undeclared', q], queryFn: () => get<UndeclaredPage>('/api/certification/undeclared-enterprises', q) });
