import { writeFileSync } from 'node:fs';
import { exportPdf } from './export-pdf.ts';
import { seedForm, profile } from '../../../test/fixtures/build-form.ts';
for (let k = 0; k < 8; k++) {
  const t = performance.now();
  const bytes = await exportPdf(seedForm(), profile('beijing'));
  console.log('ms', (performance.now() - t).toFixed(0), bytes.length);
  writeFileSync('/tmp/pdfw/seed.pdf', bytes);
}
