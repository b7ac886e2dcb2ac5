// Civil dates in China Standard Time (CONTRACTS.md), as the services count them.
export function todayCst(): string {
  return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86400000);
}

// The warning window of the work queue: due within this many calendar days (the
// deadline service's default for ListDeadlines).
export const WARNING_DAYS = 7;

export type Urgency = "overdue" | "warning" | "";
export function urgency(due: string, today = todayCst()): Urgency {
  if (!due) return "";
  const left = daysBetween(today, due);
  if (left < 0) return "overdue";
  return left <= WARNING_DAYS ? "warning" : "";
}

export function dueText(due: string, today = todayCst()): string {
  if (!due) return "—";
  const left = daysBetween(today, due);
  if (left < 0) return `${due}（已超期 ${-left} 天）`;
  if (left === 0) return `${due}（今天到期）`;
  return `${due}（剩 ${left} 天）`;
}
