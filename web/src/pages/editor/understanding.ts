import type { Value } from '../../../../src/core/grammar/index.ts';
import { COMPARATOR_SIGN, formatValue, parseValue } from '../../../../src/core/grammar/index.ts';
import type { Strings } from '../../app/strings.ts';

// How a target or actual cell was understood, in one short line under the cell:
// `≥ 180 篇`, `截止 2021-06-30 拨付`, or why it could not be read.

export type Understanding = { tone: 'ok' | 'muted' | 'warn' | 'error'; text: string; value: Value };

export function understandCell(
  text: string,
  ctx: { year: number; role: 'target' | 'actual'; isCost: boolean },
  t: Strings,
): Understanding {
  const value = parseValue(text, { year: ctx.year });
  switch (value.kind) {
    case 'quantity': {
      const shown = formatValue(value);
      if (ctx.role === 'target' && value.comparator === null) {
        const sign = COMPARATOR_SIGN[ctx.isCost ? '<=' : '>='];
        return { tone: 'ok', text: `${sign} ${shown}（${t.editor.directionInferred(sign)}）`, value };
      }
      return { tone: 'ok', text: shown, value };
    }
    case 'deadline':
    case 'schedule':
    case 'tier':
      return { tone: 'ok', text: formatValue(value), value };
    case 'not-applicable':
      return { tone: 'muted', text: formatValue(value), value };
    case 'narrative':
      return { tone: 'muted', text: t.editor.narrative(value.numbers.length), value };
    case 'blank':
      return { tone: ctx.role === 'actual' ? 'warn' : 'muted', text: t.editor.blankActual, value };
    case 'placeholder':
      return { tone: 'warn', text: t.editor.placeholder, value };
    case 'unparsed':
      return { tone: 'error', text: `${t.editor.notUnderstood}：${value.reason}`, value };
  }
}
