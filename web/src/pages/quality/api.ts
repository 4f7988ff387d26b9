import { useQuery } from '@tanstack/react-query';
import type {
  QualityCollectedList,
  QualityCommissionList,
  QualityMonitoring,
  QualityRanking,
  QualitySchoolResult,
} from '../../../../contracts/quality.ts';
import { get } from '../../api/client.ts';

export type { QualityCollectedList, QualityCommissionList, QualityMonitoring, QualityRanking, QualitySchoolResult };

/** Every quality query key starts here, so one invalidation refreshes every page of the capability. */
export const KEY = 'quality';

export const useRanking = (year?: number) =>
  useQuery({ queryKey: [KEY, 'ranking', year ?? null], queryFn: () => get<QualityRanking>('/api/quality/results', { year }) });
export const useSchoolResult = (year: number, schoolId: string) =>
  useQuery({
    queryKey: [KEY, 'result', year, schoolId],
    queryFn: () => get<QualitySchoolResult>(`/api/quality/results/${year}/${schoolId}`),
    retry: false,
  });
export const useMonitoring = (schoolId: string | undefined) =>
  useQuery({
    queryKey: [KEY, 'monitoring', schoolId],
    queryFn: () => get<QualityMonitoring>(`/api/quality/monitoring/${schoolId}`),
    enabled: !!schoolId,
  });
export const useCollected = (year: number, schoolId: string | undefined) =>
  useQuery({
    queryKey: [KEY, 'collected', year, schoolId],
    queryFn: () => get<QualityCollectedList>('/api/quality/collected', { year, schoolId }),
    enabled: !!schoolId,
  });
export const useCommissions = () =>
  useQuery({ queryKey: [KEY, 'commissions'], queryFn: () => get<QualityCommissionList>('/api/quality/commissions') });

/** A value with its unit, or 暂无数据 (no data yet is never shown as 0). */
export const valueText = (v: number | null | undefined, unit: string) =>
  v === null || v === undefined ? '暂无数据' : `${v.toLocaleString('zh-CN')}${unit === '%' ? '%' : ` ${unit}`}`;
export const scoreText = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(1));

export const SOURCE_LABELS: Record<string, string> = { computed: '平台计算', survey: '问卷调查', collected: '单位填报' };
export const REASON_LABELS: Record<string, string> = { below_floor: '低于底线', falling: '较上期下滑' };
