import type { WarningThresholds } from './warnings.ts';

/**
 * The forecast section of the plan policy file (`forecast`, 二 (五) 16): how far ahead the bureau's page forecasts,
 * the season length of the monthly series and how many rolling origins the backtest scores. Pure: parsed JSON in.
 */
export interface ForecastPolicy {
  article: string;
  note: string;
  horizonMonths: number;
  seasonMonths: number;
  backtestOrigins: number;
  warnings: WarningThresholds & { article: string; note: string };
}

export function parseForecastPolicy(raw: unknown): ForecastPolicy {
  const o = (raw ?? {}) as Record<string, unknown>;
  const issues: string[] = [];
  const whole = (name: string, min: number, max: number, from: Record<string, unknown> = o, at = 'forecast') => {
    const v = from[name];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) issues.push(`${at}.${name} 应为 ${min}–${max} 的整数`);
    return v as number;
  };
  const text = (name: string, from: Record<string, unknown> = o, at = 'forecast') => {
    if (typeof from[name] !== 'string' || !from[name]) issues.push(`${at}.${name} 应为非空文字`);
    return from[name] as string;
  };
  const w = (o.warnings ?? {}) as Record<string, unknown>;
  const share = (name: string) => {
    const v = w[name];
    if (typeof v !== 'number' || !(v >= 0 && v <= 1)) issues.push(`forecast.warnings.${name} 应为 0–1 的小数`);
    return v as number;
  };
  const policy = {
    article: text('article'),
    note: text('note'),
    horizonMonths: whole('horizonMonths', 1, 60),
    seasonMonths: whole('seasonMonths', 1, 24),
    backtestOrigins: whole('backtestOrigins', 1, 60),
    warnings: {
      article: text('article', w, 'forecast.warnings'),
      note: text('note', w, 'forecast.warnings'),
      demandDropShare: share('demandDropShare'),
      minDemandPer100Students: whole('minDemandPer100Students', 0, 100, w, 'forecast.warnings'),
      clusterGrowthShare: share('clusterGrowthShare'),
    },
  };
  if (issues.length) throw new Error(`政策文件 forecast 部分格式错误：\n${issues.join('\n')}`);
  return policy;
}
