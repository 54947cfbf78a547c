import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

// Text a user typed that begins with = + - @ (or a tab or carriage return) is written as text, but
// Excel turns it into a formula the moment someone edits the cell (CSV/formula injection:
// `=HYPERLINK(…)`). Such cells get the number format Text (`@`, id 49) when written — which alone
// keeps a re-typed value text — and then the xlsx's cell formats with that number format get
// `quotePrefix="1"`, what Excel writes for a value typed with a leading apostrophe. exceljs has no
// quotePrefix of its own; this touches styles.xml only, and only when such a cell exists.

/** Whether text would become a formula (or DDE) when a user edits the cell; a lone dash (a blank) stays as is. */
export const formulaLike = (text: string): boolean => /^[=+\-@\t\r]/.test(text) && !/^-+$/.test(text);

/** The number format that marks the cells to quote. */
export const TEXT_FORMAT = '@';

/** Adds quotePrefix="1" to every cell format (cellXfs) that uses the Text number format. */
export function quoteTextFormatCells(xlsx: Uint8Array): Uint8Array {
  const files = unzipSync(xlsx);
  const styles = files['xl/styles.xml'];
  if (!styles) return xlsx;
  const xml = strFromU8(styles);
  const patched = xml.replace(/<cellXfs\b[^>]*>[\s\S]*?<\/cellXfs>/, (block) =>
    block.replace(/<xf\b([^>]*?)(\/?)>/g, (tag, attrs: string, close: string) =>
      /\bnumFmtId="49"/.test(attrs) && !/\bquotePrefix=/.test(attrs)
        ? `<xf${attrs} quotePrefix="1"${close}>`
        : tag,
    ),
  );
  if (patched === xml) return xlsx;
  files['xl/styles.xml'] = strToU8(patched);
  return zipSync(files, { level: 1 });
}
