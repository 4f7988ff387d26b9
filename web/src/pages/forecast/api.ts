import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SeriesMeasure, seriesDetail, seriesList, warningList } from '../../../../contracts/forecast.ts';
import { get } from '../../api/client.ts';

export type SeriesList = z.infer<typeof seriesList>;
export type SeriesDetail = z.infer<typeof seriesDetail>;
export type WarningList = z.infer<typeof warningList>;
export type Dimension = 'city' | 'cluster' | 'major';

const KEY = 'forecast';

export const useSeriesList = (dimension: Dimension, measure: SeriesMeasure) =>
  useQuery({
    queryKey: [KEY, 'list', dimension, measure],
    queryFn: () => get<SeriesList>('/api/forecast/series', { dimension, measure }),
    placeholderData: (prev) => prev,
  });

export const useSeriesDetail = (dimension: Dimension, key: string | null, measure: SeriesMeasure) =>
  useQuery({
    queryKey: [KEY, 'detail', dimension, key, measure],
    enabled: key !== null,
    queryFn: () => get<SeriesDetail>(`/api/forecast/series/${dimension}/${encodeURIComponent(key!)}`, { measure }),
  });

export const useWarnings = () => useQuery({ queryKey: [KEY, 'warnings'], queryFn: () => get<WarningList>('/api/forecast/warnings') });
