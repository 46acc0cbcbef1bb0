import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { EXECUTION_COLUMNS, type ExecutionColumnKey, type RawExecutionRow, type RowError } from './execution-rows';

/** What a file held: its rows as raw text, or why it could not be read as a table at all. */
export type SheetReading = { rows: RawExecutionRow[]; errors: RowError[] };

export const MAX_ROWS = 100_000;

const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** `指标下达金额(元)` and ` 指标下达金额（元） ` are the same header: spaces and bracket widths vary by tool. */
const normaliseHeader = (text: string) => text.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
const COLUMN_BY_HEADER = new Map(EXECUTION_COLUMNS.map((c) => [normaliseHeader(c.header), c.key]));

/** Reads an .xlsx (by its zip signature) or a .csv (anything else that decodes as text). */
export async function readExecutionSpreadsheet(bytes: Buffer): Promise<SheetReading> {
  if (bytes.length === 0) return fileError('文件为空');
  if (startsWith(bytes, OLE_MAGIC)) return fileError('不支持旧版 .xls 格式，请在 Excel 中另存为 .xlsx 后重新导入');
  if (startsWith(bytes, XLSX_MAGIC)) return readXlsx(bytes);
  return readCsv(bytes);
}

function fileError(message: string): SheetReading {
  return { rows: [], errors: [{ row: 0, column: '', message }] };
}

async function readXlsx(bytes: Buffer): Promise<SheetReading> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return fileError('无法读取该 .xlsx 文件，文件可能已损坏');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return fileError('文件中没有工作表');
  const table: { row: number; cells: unknown[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: unknown[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellValue(cell.value);
    });
    table.push({ row: rowNumber, cells });
  });
  return toRows(table);
}

/** A cell as plain data: the shown text of rich text and hyperlinks, a formula's cached result. */
function cellValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('text' in value) return (value as ExcelJS.CellHyperlinkValue).text;
  if ('error' in value) return String((value as ExcelJS.CellErrorValue).error);
  return undefined;
}

/**
 * CSV as the budget platform and Excel write it: UTF-8 (with or without a BOM), or, failing
 * that, GB18030 (a superset of GBK, what Chinese Excel saves "CSV" as). Node's own TextDecoder
 * knows both, so no extra decoding package is needed.
 */
export function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function readCsv(bytes: Buffer): SheetReading {
  let records: string[][];
  try {
    records = parseCsv(decodeText(bytes), { relax_column_count: true, skip_empty_lines: false, trim: true });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { rows: [], errors: [{ row: line ?? 0, column: '', message: '无法按 CSV 格式读取该文件（引号未闭合或格式错误），请检查或改用 .xlsx 模板' }] };
  }
  return toRows(records.map((cells, i) => ({ row: i + 1, cells })));
}

/** First non-empty row is the header; every later non-empty row becomes a raw record. */
function toRows(table: { row: number; cells: unknown[] }[]): SheetReading {
  const nonEmpty = table.filter((r) => r.cells.some((c) => c !== undefined && c !== null && String(c).trim() !== ''));
  const [header, ...body] = nonEmpty;
  if (!header) return fileError('文件中没有数据');
  const keyAt = new Map<number, ExecutionColumnKey>();
  header.cells.forEach((cell, i) => {
    const key = COLUMN_BY_HEADER.get(normaliseHeader(String(cell ?? '')));
    if (key && ![...keyAt.values()].includes(key)) keyAt.set(i, key);
  });
  const missing = EXECUTION_COLUMNS.filter((c) => c.required && ![...keyAt.values()].includes(c.key));
  if (missing.length) {
    return {
      rows: [],
      errors: missing.map((c) => ({ row: header.row, column: c.header, message: `缺少“${c.header}”列，请使用下载的导入模板` })),
    };
  }
  if (body.length > MAX_ROWS) return fileError(`单个文件最多${MAX_ROWS}行数据，请分批导入`);
  const rows = body.map(({ row, cells }) => {
    const values: RawExecutionRow['values'] = {};
    for (const [i, key] of keyAt) values[key] = cells[i];
    return { row, values };
  });
  return { rows, errors: [] };
}
