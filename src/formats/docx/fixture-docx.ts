import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

// Test support: hand-made .docx files, so the reader's tests state the exact XML they read
// (merges, paragraphs outside tables, nested tables, hostile input).

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';

const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

export function documentXml(bodyXml: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:mc="${MC}"><w:body>${bodyXml}<w:sectPr/></w:body></w:document>`;
}

/** A minimal valid .docx whose body is `bodyXml`. */
export function docxOf(bodyXml: string, extra: Record<string, Uint8Array> = {}): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(RELS),
    'word/document.xml': strToU8(documentXml(bodyXml)),
    ...extra,
  });
}

/** `w:p` with the text given, lines split by w:br. */
export function p(text: string): string {
  const runs = text
    .split('\n')
    .map((line, i) => `<w:r>${i > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${xmlText(line)}</w:t></w:r>`);
  return `<w:p>${runs.join('')}</w:p>`;
}

/** `w:tc`: text (one paragraph per line given as an array), gridSpan, vMerge. */
export function tc(
  text: string | string[],
  opts: { span?: number; vMerge?: 'restart' | 'continue' } = {},
): string {
  const pr = [
    opts.span ? `<w:gridSpan w:val="${opts.span}"/>` : '',
    opts.vMerge === 'restart'
      ? '<w:vMerge w:val="restart"/>'
      : opts.vMerge === 'continue'
        ? '<w:vMerge/>'
        : '',
  ].join('');
  const paras = (Array.isArray(text) ? text : [text]).map(p).join('');
  return `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}${paras || '<w:p/>'}</w:tc>`;
}

export const tr = (...cells: string[]): string => `<w:tr>${cells.join('')}</w:tr>`;
export const tbl = (...rows: string[]): string => `<w:tbl><w:tblPr/><w:tblGrid/>${rows.join('')}</w:tbl>`;

export function xmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The XML text of one part of a .docx. */
export function partOf(docx: Uint8Array, name: string): string {
  const files = unzipSync(docx, { filter: (f) => f.name === name });
  const bytes = files[name];
  if (!bytes) throw new Error(`no ${name}`);
  return strFromU8(bytes);
}
