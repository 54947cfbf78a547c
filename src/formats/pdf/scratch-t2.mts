import { readFileSync } from 'node:fs';
import { readPdfGrid } from './read-pdf-grid.ts';
const bytes = new Uint8Array(readFileSync('/tmp/pdfw/seed.pdf'));
for (let i = 0; i < 4; i++) {
let t = performance.now();
const g = await readPdfGrid(bytes, 'seed.pdf');
console.log('ms', performance.now() - t);
}
