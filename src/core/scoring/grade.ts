import type { Profile } from '../rules/profile.ts';

/** rules.md §1.7: ≥ 90 优, ≥ 80 良, ≥ 60 中, else 差 (thresholds from the profile). */
export function gradeOf(total: number, profile: Profile): string {
  const sorted = [...profile.totals.grades].sort((a, b) => b.min - a.min);
  for (const g of sorted) if (total >= g.min) return g.grade;
  return sorted[sorted.length - 1]?.grade ?? '';
}
