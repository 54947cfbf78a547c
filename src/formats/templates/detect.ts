import type { Template } from '../../core/template/schema.ts';
import { keyText } from '../cells/normalize.ts';

// Which printed family a form is: the one whose title words and distinctive labels it shows most.
// A form that shows none of any family's marks is read with the shared vocabulary (null).

export function detectTemplate(
  families: readonly Template[],
  /** the keys (`keyText`) of the labels the form shows */
  seen: ReadonlySet<string>,
  title: string,
): Template | null {
  const titleKey = keyText(title);
  let best: Template | null = null;
  let bestScore = 0;
  for (const f of families) {
    let score = 0;
    for (const t of f.detect.titles) if (titleKey.includes(keyText(t))) score += 2 + keyText(t).length / 10;
    for (const l of f.detect.labels) if (seen.has(keyText(l))) score += 1;
    if (score > bestScore) {
      best = f;
      bestScore = score;
    }
  }
  return bestScore >= 2 ? best : null;
}
