import ExcelJS from 'exceljs';
import { readExecutionSpreadsheet } from './read-spreadsheet';
import { executionTemplate } from './template';

const HEADERS = ['项目编号', '月份', '指标下达金额（元）', '支付金额（元）', '预计结转金额（元）'];

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('数据');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('reading an execution data file', () => {
  it('reads an .xlsx by its headers, whatever their order, with numbers, dates and formulas', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('数据');
    sheet.addRow(['支付金额(元)', '项目编号', '月份', '指标下达金额（元）', '预计结转金额（元）', '备注']);
    sheet.addRow([250.25, 'P-1', new Date(Date.UTC(2026, 5, 1)), { formula: 'A2*4', result: 1001 }, '0', '随便']);
    const reading = await readExecutionSpreadsheet(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(reading.errors).toEqual([]);
    expect(reading.rows).toEqual([
      { row: 2, values: { paid: 250.25, projectId: 'P-1', month: new Date(Date.UTC(2026, 5, 1)), allocated: 1001, expectedCarryOver: '0' } },
    ]);
  });

  it('names each missing column', async () => {
    const reading = await readExecutionSpreadsheet(await xlsx([['项目编号', '月份', '支付金额（元）'], ['P-1', '2026-06', 1]]));
    expect(reading.errors).toEqual([
      { row: 1, column: '指标下达金额（元）', message: '缺少“指标下达金额（元）”列，请使用下载的导入模板' },
      { row: 1, column: '预计结转金额（元）', message: '缺少“预计结转金额（元）”列，请使用下载的导入模板' },
    ]);
  });

  it('reads UTF-8 CSV with a BOM, keeping sheet row numbers and skipping blank lines', async () => {
    const csv = '\uFEFF' + HEADERS.join(',') + '\r\n\r\nP-1,2026-06,"1,000.50",250.25,0\r\n';
    const reading = await readExecutionSpreadsheet(Buffer.from(csv, 'utf8'));
    expect(reading.rows).toEqual([{ row: 3, values: { projectId: 'P-1', month: '2026-06', allocated: '1,000.50', paid: '250.25', expectedCarryOver: '0' } }]);
  });

  it('reads a GBK CSV as Chinese Excel saves it', async () => {
    const gbk = Buffer.from(
      'z+7Ev7HgusUs1MK33SzWuLHqz8K0773wtu6jqNSqo6ks1qe4tr3wtu6jqNSqo6ks1KS8xr3h16q98Lbuo6jUqqOpDQpQLTEsMjAyNsTqNtTCLCIxLDAwMC41MCIsMjUwLjI1LDANCg==',
      'base64',
    );
    const reading = await readExecutionSpreadsheet(gbk);
    expect(reading.errors).toEqual([]);
    expect(reading.rows[0].values).toEqual({ projectId: 'P-1', month: '2026年6月', allocated: '1,000.50', paid: '250.25', expectedCarryOver: '0' });
  });

  it('refuses an old .xls and a broken .xlsx with a reason', async () => {
    expect((await readExecutionSpreadsheet(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2]))).errors[0].message).toContain('另存为 .xlsx');
    expect((await readExecutionSpreadsheet(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]))).errors[0].message).toContain('文件可能已损坏');
  });

  it('offers a template whose data sheet reads back as headers only', async () => {
    const reading = await readExecutionSpreadsheet(await executionTemplate());
    expect(reading).toEqual({ rows: [], errors: [] });
  });
});
