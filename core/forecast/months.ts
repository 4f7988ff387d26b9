/** Calendar months as `YYYY-MM` (Zhengzhou's calendar: take the month of `todayOf(now)`). */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

export function addMonths(month: string, k: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + k;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Months from `a` to `b` (b − a; negative when b is earlier). */
export function monthsBetween(a: string, b: string): number {
  return Number(b.slice(0, 4)) * 12 + Number(b.slice(5, 7)) - (Number(a.slice(0, 4)) * 12 + Number(a.slice(5, 7)));
}
