import { pdfjs } from './pdfjs-loader.ts';
import { readFileSync } from 'node:fs';
import { readPdfGrid } from './read-pdf-grid.ts';
const nat = { push: Array.prototype.push, s: JSON.stringify, p: JSON.parse };
const bench = (label: string) => {
  const big = JSON.stringify(Array.from({ length: 20000 }, (_, i) => ({ id: i, name: '项目' + i, v: [i, i * 2, 'x'] })));
  const obj = JSON.parse(big);
  let t = performance.now();
  for (let k = 0; k < 20; k++) JSON.stringify(obj);
  console.log(label, 'stringify', (performance.now() - t).toFixed(0));
};
bench('native');
await pdfjs();
bench('loaded');
const bytes = new Uint8Array(readFileSync('/tmp/pdfw/seed.pdf'));
for (let i = 0; i < 4; i++) { const t = performance.now(); await readPdfGrid(bytes, 'seed.pdf'); console.log('read ms', (performance.now() - t).toFixed(0)); }
bench('after read');
console.log(Array.prototype.push === nat.push, JSON.stringify === nat.s, JSON.parse === nat.p, typeof (Promise as any).withResolvers);
