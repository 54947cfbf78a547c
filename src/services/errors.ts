// The adapters' one exception, re-exported so the CLI and server map it without reaching into formats.
export { FormatError, type FormatErrorCode } from '../formats/format-error.ts';
/** What a PDF writer throws when no Chinese font is installed (the machine, not the input, needs fixing). */
export { FONT_MISSING_MESSAGE } from '../formats/pdf/font-missing.ts';
