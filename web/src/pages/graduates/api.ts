import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  confirmationPage,
  destination,
  destinationCatalogue,
  figures,
  figuresDrillPage,
  graduatePage,
  myDestinations,
} from '../../../../contracts/graduates.ts';
import { get, type Query } from '../../api/client.ts';

export type Destination = z.infer<typeof destination>;
export type GraduatePage = z.infer<typeof graduatePage>;
export type Graduate = GraduatePage['items'][number];
export type ConfirmationPage = z.infer<typeof confirmationPage>;
export type Confirmation = ConfirmationPage['items'][number];
export type MyDestinations = z.infer<typeof myDestinations>;
export type Figures = z.infer<typeof figures>;
export type FiguresDrill = z.infer<typeof figuresDrillPage>;
export type Catalogue = z.infer<typeof destinationCatalogue>;

/** Every graduates query key starts here, so one invalidation refreshes every page of the capability. */
export const KEY = 'graduates';

export const useCatalogue = () =>
  useQuery({ queryKey: [KEY, 'catalogue'], staleTime: 10 * 60_000, queryFn: () => get<Catalogue>('/api/graduates/catalogue') });

export const useGraduates = (q: Query) => useQuery({ queryKey: [KEY, 'list', q], queryFn: () => get<GraduatePage>('/api/graduates', q) });

export const useConfirmations = (q: Query) =>
  useQuery({ queryKey: [KEY, 'confirmations', q], queryFn: () => get<ConfirmationPage>('/api/graduate-confirmations', q) });

export const useMine = () => useQuery({ queryKey: [KEY, 'mine'], queryFn: () => get<MyDestinations>('/api/my/graduate-destinations') });

export const useFigures = (q: Query) =>
  useQuery({ queryKey: [KEY, 'figures', q], queryFn: () => get<Figures>('/api/graduate-figures', q) });

export const useFiguresDrill = (q: Query | null) =>
  useQuery({
    queryKey: [KEY, 'drill', q],
    enabled: q !== null,
    queryFn: () => get<FiguresDrill>('/api/graduate-figures/graduates', q ?? undefined),
  });

export const SURVEY_POINT_LABELS: Record<Destination['surveyPoint'], string> = {
  graduation: '毕业时',
  sixMonths: '毕业6个月',
  oneYear: '毕业1年',
};

export const CONFIRMATION_LABELS: Record<Destination['confirmation'], string> = {
  none: '—',
  pending: '待单位确认',
  confirmed: '单位已确认',
  denied: '单位否认',
};

/** One line saying where a graduate went: the category, then the employer or school, then the place. */
export function destinationLine(d: Destination): string {
  const where = d.studySchool ?? d.employerName;
  const place = ['employed', 'selfEmployed', 'flexible', 'furtherStudy'].includes(d.categoryGroup) ? (d.districtName ?? '郑州市外') : null;
  return [d.categoryName, where, place && `（${place}）`].filter(Boolean).join(' ');
}
