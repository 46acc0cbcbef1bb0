import ExcelJS from 'exceljs';
import { ACTION_LABELS, GRADE_LABELS, type ExportRow, type Grade, type ProposalAction } from '../domain';

/**
 * The accepted proposals as an .xlsx sheet for the budget platform (exceljs: maintained, writes
 * real Office Open XML with no native parts). Amounts stay integer fen in their own columns, and
 * yuan beside them as a number with two decimals, so nothing is rounded on the way.
 */
export async function proposalsWorkbook(fiscalYear: number, rows: readonly ExportRow[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'bpm result-application';
  const sheet = book.addWorksheet(`${fiscalYear}年度预算安排`);
  sheet.columns = [
    { header: '项目编号', key: 'projectId', width: 16 },
    { header: '项目名称', key: 'projectName', width: 28 },
    { header: '预算单位', key: 'unitId', width: 12 },
    { header: '年度', key: 'fiscalYear', width: 8 },
    { header: '评价等级', key: 'grade', width: 10 },
    { header: '安排方式', key: 'action', width: 10 },
    { header: '申请金额（分）', key: 'requestedFen', width: 16 },
    { header: '安排金额（分）', key: 'amountFen', width: 16 },
    { header: '安排金额（元）', key: 'amountYuan', width: 16 },
    { header: '调整理由', key: 'reason', width: 30 },
  ];
  for (const r of rows) {
    sheet.addRow({
      ...r,
      grade: GRADE_LABELS[r.grade as Grade] ?? r.grade,
      action: ACTION_LABELS[r.action as ProposalAction] ?? r.action,
      amountYuan: r.amountFen / 100,
      reason: r.reason ?? '',
    });
  }
  sheet.getColumn('amountYuan').numFmt = '#,##0.00';
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}
