import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { declarationPage, fundingDeclaration, highSchoolFigures, myDeclarations } from '../../../../contracts/funding.ts';
import { get, type Query } from '../../api/client.ts';

export type Declaration = z.infer<typeof fundingDeclaration>;
export type DeclarationPage = z.infer<typeof declarationPage>;
export type MyDeclarations = z.infer<typeof myDeclarations>;
export type HighSchoolFigures = z.infer<typeof highSchoolFigures>;

/** Every funding query key starts here, so one invalidation refreshes every page of the capability. */
export const KEY = 'funding';

export const useDeclarations = (q: Query) =>
  useQuery({ queryKey: [KEY, 'list', q], queryFn: () => get<DeclarationPage>('/api/funding/declarations', q) });
export const useMine = () => useQuery({ queryKey: [KEY, 'mine'], queryFn: () => get<MyDeclarations>('/api/funding/my-declarations') });
export const useHighSchool = () =>
  useQuery({ queryKey: [KEY, 'highSchool'], queryFn: () => get<HighSchoolFigures>('/api/funding/high-school') });

export const GROUP_LABELS: Record<string, string> = { higher: '公办高职', secondary: '公办中职' };
export const STANDING_COLORS: Record<Declaration['standing'], string> = {
  meets: 'green',
  below: 'red',
  noBenchmark: 'gold',
  notCounted: 'default',
};

export const yuan = (n: number | null | undefined) => (n === null || n === undefined ? '—' : `${n.toLocaleString('zh-CN')} 元`);
