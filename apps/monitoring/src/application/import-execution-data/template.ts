import ExcelJS from 'exceljs';
import { EXECUTION_COLUMNS } from './execution-rows';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const TEMPLATE_FILE_NAME = '预算执行数据导入模板.xlsx';

/**
 * The import template: the data sheet holds only the header row (so nothing in it can be
 * imported by mistake); a second sheet explains each column with an example.
 */
export async function executionTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const data = workbook.addWorksheet('预算执行数据');
  data.columns = EXECUTION_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: Math.max(14, c.header.length * 2 + 4) }));
  data.getRow(1).font = { bold: true };
  // Month and project id as text, so Excel neither turns 2026-06 into a date nor drops leading zeros.
  data.getColumn('month').numFmt = '@';
  data.getColumn('projectId').numFmt = '@';
  data.views = [{ state: 'frozen', ySplit: 1 }];

  const help = workbook.addWorksheet('填写说明');
  help.columns = [
    { header: '列名', width: 22 },
    { header: '是否必填', width: 10 },
    { header: '示例', width: 40 },
    { header: '说明', width: 60 },
  ];
  const notes: Record<string, string> = {
    projectId: '与绩效目标申报中的项目编号一致；系统未登记的项目会在导入结果中列出，不会导入',
    projectName: '仅供核对，不参与导入',
    month: '预算年度内的月份，格式如 2026-06；同一项目同一月份只能有一行',
    allocated: '截至当月末累计下达的指标金额，单位元，最多两位小数',
    paid: '截至当月末累计支付金额，单位元，最多两位小数，不得大于指标下达金额，且不得少于上月',
    expectedCarryOver: '预计结转到下年的金额，单位元，最多两位小数，不得大于尚未支付的指标金额',
  };
  for (const c of EXECUTION_COLUMNS) help.addRow([c.header, c.required ? '是' : '否', c.example, notes[c.key]]);
  help.addRow([]);
  help.addRow(['更正', '', '', '重新导入某月的更正数据时，新数据将取代原数据（原数据保留在历史记录中）；同一文件重复导入不会重复入账']);
  help.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
