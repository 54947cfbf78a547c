// exceljs is CommonJS with only a default export under Node's ESM loader; everything in formats/xlsx
// takes it from here.
import ExcelJS from 'exceljs';

export const { Workbook, stream } = ExcelJS;
export type { Alignment, Border, Borders, Cell, Font, Worksheet } from 'exceljs';
