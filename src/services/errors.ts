// The adapters' one exception, re-exported so the CLI and server map it without reaching into formats.
export { FormatError, type FormatErrorCode } from '../formats/format-error.ts';
