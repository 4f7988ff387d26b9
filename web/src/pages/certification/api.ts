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
