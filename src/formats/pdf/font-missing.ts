// Where the PDF writers look for the Chinese fonts, and what they say when none is there — apart from
// fonts.ts (which loads pdfkit) so the CLI and server can recognise the message without loading it.

export const FONT_DIRS = [
  '/usr/share/fonts/opentype/noto', // Debian, Ubuntu
  '/usr/share/fonts/noto-cjk', // Arch, Alpine
  '/usr/share/fonts/google-noto-cjk', // Fedora
  '/usr/local/share/fonts',
];

export const FONT_MISSING_MESSAGE =
  '导出 PDF 需要中文字体 Noto CJK，但没有找到字体文件（查找了 ' +
  `${FONT_DIRS.join('、')}）。请安装 fonts-noto-cjk（Debian/Ubuntu：apt-get install fonts-noto-cjk），` +
  '或设置环境变量 JIXIAO_PDF_FONT 指向一个中文字体文件（.ttf/.otf，.ttc 需写成 路径#PostScript名）';
