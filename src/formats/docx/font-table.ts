import { CJK_FALLBACK, CJK_FONT, LATIN_FONT } from './docx-style.ts';

// word/fontTable.xml, which the docx package writes empty. A font table entry is how a .docx says
// what a missing font looks like: charset 86 (GB2312) and the panose of SimSun tell Word and
// LibreOffice to substitute a Chinese serif, and w:altName gives its Chinese name 宋体.

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function font(name: string, alt: string | null, panose: string, charset: string, family: string): string {
  const altName = alt ? `<w:altName w:val="${alt}"/>` : '';
  return `<w:font w:name="${name}">${altName}<w:panose1 w:val="${panose}"/><w:charset w:val="${charset}"/><w:family w:val="${family}"/><w:pitch w:val="variable"/></w:font>`;
}

export const FONT_TABLE_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  `<w:fonts xmlns:w="${W}">` +
  font(CJK_FONT, '宋体', '02010600030101010101', '86', 'auto') +
  font(LATIN_FONT, null, '02020603050405020304', '00', 'roman') +
  font(CJK_FALLBACK, null, '02020400000000000000', '86', 'roman') +
  '</w:fonts>';
