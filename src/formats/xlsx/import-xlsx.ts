// .xlsx → Form JSON: the bytes are checked (zip-guard), exceljs reads the workbook, each visible
// sheet becomes a ReadGrid, and the shared grid parser finds the forms in it — one per sheet, or
// several stacked in one sheet.

import type { ImportResult } from '../../core/form/import-result.ts';
import { FormatError } from '../format-error.ts';
import { gridToForms } from '../grid/grid-to-form.ts';
import { Workbook } from './exceljs.ts';
import { readSheet, SHEET_LIMITS } from './read-sheet.ts';
import { checkXlsxBytes } from './zip-guard.ts';

/** Every form in the workbook, in sheet order. Throws FormatError, never anything else. */
export async function importXlsx(bytes: Uint8Array, fileName: string): Promise<ImportResult[]> {
  try {
    return await read(bytes, fileName);
  } catch (e) {
    if (e instanceof FormatError) throw e;
    throw new FormatError('unreadable', fileName, `读取失败：${(e as Error)?.message ?? String(e)}`);
  }
}

async function read(bytes: Uint8Array, fileName: string): Promise<ImportResult[]> {
  await checkXlsxBytes(bytes, fileName);
  const wb = new Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch (e) {
    const why = (e as Error)?.message ?? String(e);
    if (/encrypted/i.test(why)) {
      throw new FormatError(
        'encrypted',
        fileName,
        '压缩包设有密码（已加密），无法读取；请取消密码后另存为 .xlsx 再导入',
      );
    }
    throw new FormatError(
      'corrupt',
      fileName,
      `不是有效的 .xlsx 工作簿（${why.slice(0, 120)}），请用 Excel 或 WPS 重新保存后再导入`,
    );
  }
  const results: ImportResult[] = [];
  for (const ws of wb.worksheets) {
    // Hidden sheets hold templates' drop-down lists or old copies, not the form being filed.
    if (ws.state !== 'visible') continue;
    const { grid, truncated, uncomputed } = readSheet(ws);
    const forms = gridToForms(grid, { fileName });
    for (const f of forms) {
      if (truncated) {
        f.warnings.push({
          path: '',
          message: `工作表“${ws.name}”超过 ${SHEET_LIMITS.maxRows} 行或 ${SHEET_LIMITS.maxColumns} 列，只读取了前面部分`,
          confidence: 0.5,
          source: { sheet: ws.name },
        });
      }
      for (const cell of uncomputed.slice(0, 20)) {
        f.warnings.push({
          path: '',
          message: `工作表“${ws.name}” 单元格${cell} 是公式，文件中没有保存计算结果，已按空白读取；请在 Excel 或 WPS 中打开并保存后再导入`,
          confidence: 0.3,
          source: { sheet: ws.name, cell, row: Number(/\d+$/.exec(cell)?.[0]) },
        });
      }
    }
    results.push(...forms);
  }
  if (results.length === 0) {
    const names = wb.worksheets.map((w) => `“${w.name}”`).join('、') || '（无工作表）';
    throw new FormatError(
      'not-a-form',
      fileName,
      `工作表 ${names} 中没有找到项目支出绩效自评表（应有项目名称、项目资金、绩效指标等栏目）`,
    );
  }
  return results;
}
