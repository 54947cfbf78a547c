import { writeFileSync } from 'node:fs';
import { renderGridPdf } from './export-pdf.ts';
import { importPdf } from './import-pdf.ts';
import { readPdfGrid } from './read-pdf-grid.ts';
import { compareForms } from '../../core/form/compare.ts';
import { formGrid } from '../layout/form-grid.ts';
import { form, row, seedForm, profile } from '../../../test/fixtures/build-form.ts';
for (const f of [form([row({ target: '≥10个', actual: '12个' }), row({ level2: '质量指标', name: '合格率', target: '≥95%', actual: '98%' }), row({ level1: '满意度指标', level2: '服务对象满意度指标', name: '群众满意度', target: '≥90%', actual: '95%', weight: 10, score: 10 })]), seedForm()]) {
  const bytes = await renderGridPdf(formGrid(f, null), { title: 'x' }, { borders: false });
  writeFileSync('/tmp/pdfw/nob.pdf', bytes);
  const g = await readPdfGrid(bytes, 'nob.pdf');
  for (const [i, r] of g.grid.cells.entries()) if (i < 40) console.log(i, JSON.stringify(r.map(c => c.length > 25 ? c.slice(0, 12) + '…' + c.slice(-12) : c)));
  const res = await importPdf(bytes, 'nob.pdf');
  console.log(compareForms(f, res[0]!.form).filter(c => !c.equal).map(c => [c.path, String(c.expected).slice(0, 30), String(c.actual).slice(0, 30)]));
}
