import { keyText } from '../cells/normalize.ts';
import { loadTemplates, type TemplateSet } from './load-templates.ts';

// The template vocabulary as whole-cell lookups, for readers that already know where a cell
// begins and ends (xlsx, docx, PDF, HTML grids). The cell reader finds the same terms inside
// running text (cells/labels.ts); both read templates/*.json, so a region's template file adds
// its labels to every reader.

export type CellRole =
  | { kind: 'header'; role: string }
  | { kind: 'fundsColumn'; column: string }
  | { kind: 'fundsRow'; row: string }
  | { kind: 'goals' }
  | { kind: 'goalsExpected' }
  | { kind: 'goalsActual' }
  | { kind: 'indicatorColumn'; column: string }
  | { kind: 'title' };

type Index = { exact: Map<string, CellRole[]>; titles: string[] };

let cache: { set: TemplateSet; index: Index } | null = null;

function index(set: TemplateSet = loadTemplates()): Index {
  if (cache?.set === set) return cache.index;
  const exact = new Map<string, CellRole[]>();
  const add = (terms: readonly string[] | undefined, role: CellRole) => {
    for (const t of terms ?? []) {
      const k = keyText(t).replace(/[:：]+$/, '');
      const list = exact.get(k) ?? [];
      list.push(role);
      exact.set(k, list);
    }
  };
  const v = set.vocabulary;
  for (const [role, terms] of Object.entries(v.header)) add(terms, { kind: 'header', role });
  for (const [column, terms] of Object.entries(v.fundsColumns)) add(terms, { kind: 'fundsColumn', column });
  for (const [row, terms] of Object.entries(v.fundsRows)) add(terms, { kind: 'fundsRow', row });
  add(v.goals, { kind: 'goals' });
  add(v.goalsExpected, { kind: 'goalsExpected' });
  add(v.goalsActual, { kind: 'goalsActual' });
  for (const [column, terms] of Object.entries(v.indicatorColumns))
    add(terms, { kind: 'indicatorColumn', column });
  const titles = v.titles.map(keyText).sort((a, b) => b.length - a.length);
  const idx = { exact, titles };
  cache = { set, index: idx };
  return idx;
}

/** The roles a whole cell's text has in the vocabulary (`调整后预算数` → 全年预算数 column). */
export function rolesOf(cellKey: string): readonly CellRole[] {
  const k = keyText(cellKey)
    .replace(/[:：]+$/, '')
    .replace(/^其中[:：]?/, '')
    .replace(/[(（](?:[A-Za-z/]{1,3}|万元|元|盖章)[)）]$/, '');
  return index().exact.get(k) ?? [];
}

export function roleOf<K extends CellRole['kind']>(
  cellKey: string,
  kind: K,
): Extract<CellRole, { kind: K }> | null {
  return (
    (rolesOf(cellKey).find((r) => r.kind === kind) as Extract<CellRole, { kind: K }> | undefined) ?? null
  );
}

/** A title the vocabulary knows ends the cell (`…县级专项资金绩效目标自评表`). */
export function endsWithTitle(cellKey: string): boolean {
  const k = keyText(cellKey);
  return index().titles.some((t) => k.endsWith(t));
}
