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
}

export function parseForecastPolicy(raw: unknown): ForecastPolicy {
  const o = (raw ?? {}) as Record<string, unknown>;
  const issues: string[] = [];
  const whole = (name: string, min: number, max: number) => {
    const v = o[name];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) issues.push(`forecast.${name} 应为 ${min}–${max} 的整数`);
    return v as number;
  };
  const text = (name: string) => {
    if (typeof o[name] !== 'string' || !o[name]) issues.push(`forecast.${name} 应为非空文字`);
    return o[name] as string;
  };
  const policy = {
    article: text('article'),
    note: text('note'),
    horizonMonths: whole('horizonMonths', 1, 60),
    seasonMonths: whole('seasonMonths', 1, 24),
    backtestOrigins: whole('backtestOrigins', 1, 60),
  };
  if (issues.length) throw new Error(`政策文件 forecast 部分格式错误：\n${issues.join('\n')}`);
  return policy;
}
