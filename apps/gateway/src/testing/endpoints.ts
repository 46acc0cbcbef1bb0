import type { Method, Person } from './gateway-app';

/** U001's project, known to the stub. */
export const OWN_PROJECT = 'P-U001-0001';
/** A corrective case of OWN_PROJECT, known to the stub. */
export const OWN_CASE = 'P-U001-0001-202606-abcd1234';
/** U001's rectification case (result-application), known to the stub. */
export const OWN_RECTIFICATION = 'C-U001-0001';
/** What the stub answers for result-application records the gateway loads to check the unit. */
export const STUB_RECORDS: Record<string, unknown> = {
  [`/internal/rectifications/${OWN_RECTIFICATION}`]: { recordId: OWN_RECTIFICATION, unitId: 'U001', fiscalYear: 2026, status: 'open' },
};

export interface Endpoint {
  name: string;
  method: Method;
  url: string;
  body?: unknown;
  /** Who may call it (unit users: the U001 user, owner of OWN_PROJECT). */
  allowed: Person[];
  /** The success status, when not the usual (201 for a POST that creates, else 200). */
  status?: number;
}

const everyone: Person[] = ['unitU001', 'reviewer', 'admin', 'auditor', 'evaluator'];
const readers: Person[] = ['unitU001', 'reviewer', 'admin', 'auditor'];

const financeStaff: Person[] = ['reviewer', 'admin'];
const executionCsv = Buffer.from(`项目编号,月份,指标下达金额（元）,支付金额（元）,预计结转金额（元）\n${OWN_PROJECT},2026-06,1200000,300000,0\n`);
const executionEntry = { allocated: '1200000', paid: '300000', expectedCarryOver: '0' };

const project = { name: '城乡义务教育营养改善', fiscalYear: 2026, budget: 'general-public', projectType: 'ordinary', amount: 1200000, isNew: true };
const declaration = { overallGoal: '保障学生营养餐供应', indicators: [
    { name: '受益学生人数', level1: 'output', level2: 'quantity', kind: 'individual', direction: '>=', unitOfMeasure: '人', annualTarget: 3500 },
  ],
};

/** Every public endpoint with a valid request and the roles that may call it. */
export const ENDPOINTS: Endpoint[] = [
  { name: '新建指标库', method: 'post', url: '/indicator-libraries', body: { region: '某县', fiscalYear: 2026, costLevelEnabled: true }, allowed: ['admin'] },
  { name: '查看指标库', method: 'get', url: '/indicator-libraries/L2026', allowed: everyone },
  { name: '新增指标类别', method: 'post', url: '/indicator-libraries/L2026/categories', body: { category: { categoryId: 'C01', name: '教育' } }, allowed: ['admin'] },
  { name: '新增指标', method: 'post', url: '/indicator-libraries/L2026/indicators', body: { indicator: { indicatorId: 'I01', name: '受益学生人数' } }, allowed: ['admin'] },
  { name: '修改指标', method: 'patch', url: '/indicator-libraries/L2026/indicators/I01', body: { changes: { name: '受益人数' }, reason: '更正名称' }, allowed: ['admin'] },
  { name: '停用指标', method: 'delete', url: '/indicator-libraries/L2026/indicators/I01', body: { reason: '重复指标' }, allowed: ['admin'] },
  { name: '登记项目', method: 'post', url: '/projects', body: { project }, allowed: ['unitU001'] },
  { name: '绩效目标列表', method: 'get', url: '/goals?fiscalYear=2026', allowed: readers },
  { name: '查看绩效目标', method: 'get', url: `/goals/${OWN_PROJECT}`, allowed: readers },
  { name: '填报绩效目标', method: 'put', url: `/goals/${OWN_PROJECT}/declaration`, body: { declaration, libraryId: 'L2026' }, allowed: ['unitU001'] },
  { name: '提交审核', method: 'post', url: `/goals/${OWN_PROJECT}/submission`, allowed: ['unitU001'] },
  { name: '申请调整', method: 'post', url: `/goals/${OWN_PROJECT}/adjustment-requests`, body: { reason: '实施内容变化' }, allowed: ['unitU001'] },
  { name: '覆盖率', method: 'get', url: '/coverage?fiscalYear=2026', allowed: readers },
  { name: '审核待办', method: 'get', url: '/tasks?status=open', allowed: readers },
  { name: '审核决定', method: 'post', url: `/tasks/${OWN_PROJECT}/rounds/1/decision`, body: { decision: 'approve', rating: 'excellent' }, allowed: ['reviewer'] },
  { name: '发起事前评估', method: 'post', url: '/ex-ante-assessments', body: { projectId: OWN_PROJECT }, allowed: ['reviewer'] },
  {
    name: '完成事前评估',
    method: 'post',
    url: '/ex-ante-assessments/A01/completion',
    body: { dimensions: [{ dimension: 'necessity', subItems: [{ name: '政策依据', maxScore: 20, score: 18 }] }], opinion: '立项依据充分' },
    allowed: ['reviewer'],
  },
  { name: '下达追加资金通知', method: 'post', url: '/fund-notices', body: { notice: { documentNo: '财预〔2026〕1号' } }, allowed: ['admin'] },
  { name: '申请追加资金', method: 'post', url: '/fund-notices/N01/applications', body: { projectId: OWN_PROJECT, amount: 300000, purpose: '扩大覆盖' }, allowed: ['unitU001'] },
  { name: '审计：变更历史', method: 'get', url: `/audit/goals/${OWN_PROJECT}/history`, allowed: ['auditor', 'admin'] },
  { name: '审计：时点状态', method: 'get', url: `/audit/goals/${OWN_PROJECT}/state`, allowed: ['auditor', 'admin'] },
  { name: '审计：哈希链校验', method: 'get', url: `/audit/goals/${OWN_PROJECT}/verification`, allowed: ['auditor', 'admin'] },
  { name: '审计：事件流', method: 'get', url: `/audit/streams/goal-${OWN_PROJECT}/events`, allowed: ['auditor', 'admin'] },
  { name: '下载执行数据导入模板', method: 'get', url: '/monitoring/execution-template', allowed: ['unitU001', ...financeStaff] },
  { name: '导入预算执行数据文件', method: 'post', url: '/monitoring/execution-imports', body: executionCsv, allowed: financeStaff, status: 200 },
  { name: '推送预算执行数据', method: 'post', url: '/monitoring/execution-feed', body: { records: [{ projectId: OWN_PROJECT, month: '2026-06', ...executionEntry }] }, allowed: ['admin'], status: 200 },
  { name: '手工录入执行数据', method: 'put', url: `/monitoring/projects/${OWN_PROJECT}/execution/2026-06`, body: executionEntry, allowed: ['unitU001', ...financeStaff] },
  { name: '项目监控时间线', method: 'get', url: `/monitoring/projects/${OWN_PROJECT}`, allowed: readers },
  { name: '开放监控报告', method: 'post', url: '/monitoring/reports', body: { projectId: OWN_PROJECT, month: 6 }, allowed: ['reviewer'] },
  { name: '查看监控报告', method: 'get', url: `/monitoring/reports/${OWN_PROJECT}/2026/6`, allowed: readers },
  { name: '填报监控报告', method: 'put', url: `/monitoring/reports/${OWN_PROJECT}/2026/6/draft`, body: { content: { indicators: [] } }, allowed: ['unitU001'] },
  { name: '提交监控报告', method: 'post', url: `/monitoring/reports/${OWN_PROJECT}/2026/6/submission`, allowed: ['unitU001'], status: 200 },
  { name: '审核监控报告', method: 'post', url: `/monitoring/reports/${OWN_PROJECT}/2026/6/review`, body: { decision: 'accept' }, allowed: ['reviewer'], status: 200 },
  { name: '查看纠偏事项', method: 'get', url: `/monitoring/cases/${OWN_CASE}`, allowed: readers },
  { name: '答复纠偏事项', method: 'post', url: `/monitoring/cases/${OWN_CASE}/answer`, body: { choice: 'reallocate', reasons: '调剂' }, allowed: ['unitU001'], status: 200 },
  { name: '暂缓或停止拨款', method: 'post', url: `/monitoring/cases/${OWN_CASE}/allocation-restriction`, body: { mode: 'suspend', reason: '进度滞后' }, allowed: financeStaff, status: 200 },
  { name: '解除拨款限制', method: 'post', url: `/monitoring/cases/${OWN_CASE}/allocation-restriction/lifting`, body: { reason: '已整改' }, allowed: financeStaff, status: 200 },
  { name: '预警看板', method: 'get', url: '/monitoring/warning-board?fiscalYear=2026', allowed: readers },
  { name: '单位记分卡', method: 'get', url: '/monitoring/scorecard?fiscalYear=2026', allowed: readers },
  { name: '项目拨款状态', method: 'get', url: `/monitoring/projects/${OWN_PROJECT}/allocation`, allowed: readers },
  // 结果应用 (result-application). The verification goes through the workflow: see result-application.spec.ts.
  { name: '整改事项列表', method: 'get', url: '/rectifications?status=open', allowed: readers },
  { name: '待办整改要求', method: 'get', url: '/rectifications/open-requirements', allowed: readers },
  { name: '查看整改事项', method: 'get', url: `/rectifications/${OWN_RECTIFICATION}`, allowed: readers },
  { name: '下达整改要求', method: 'post', url: '/rectifications', body: { caseId: OWN_RECTIFICATION }, allowed: ['reviewer'] },
  { name: '答复整改要求', method: 'post', url: `/rectifications/${OWN_RECTIFICATION}/requirements/R1/answers`, body: { measures: ['修订管理办法'] }, allowed: ['unitU001'] },
  { name: '预算安排建议表', method: 'get', url: '/budget-proposals?fiscalYear=2027', allowed: readers },
  { name: '生成预算安排建议', method: 'post', url: '/budget-proposals/generation', body: { fiscalYear: 2026, outcomes: [] }, allowed: ['admin'] },
  { name: '审定预算安排建议', method: 'post', url: `/budget-proposals/2027/${OWN_PROJECT}/decision`, body: { decision: 'accept' }, allowed: ['admin'] },
  { name: '导出预算安排', method: 'get', url: '/budget-proposals/export?fiscalYear=2027&format=json', allowed: ['admin'] },
  { name: '交叉重复候选', method: 'get', url: '/overlaps?fiscalYear=2026', allowed: ['reviewer', 'admin', 'auditor'] },
  { name: '比对交叉重复', method: 'post', url: '/overlaps/scan', body: { fiscalYear: 2026, projects: [] }, allowed: ['admin'] },
  { name: '确认交叉重复', method: 'post', url: '/overlaps/2026:A:B/decision', body: { decision: 'confirm' }, allowed: ['admin'] },
  { name: '公开申请列表', method: 'get', url: '/disclosures', allowed: readers },
  { name: '提出公开申请', method: 'post', url: '/disclosures', body: { disclosureId: 'D1', record: { unitId: 'U001' } }, allowed: ['unitU001'] },
  { name: '审核公开申请', method: 'post', url: '/disclosures/D1/approval', body: { redactions: [] }, allowed: ['reviewer', 'admin'] },
  { name: '不予公开', method: 'post', url: '/disclosures/D1/rejection', body: { reason: '涉密' }, allowed: ['reviewer', 'admin'] },
  { name: '发布公开信息', method: 'post', url: '/disclosures/D1/publication', allowed: ['reviewer', 'admin'] },
  { name: '审计：结果应用记录历史', method: 'get', url: `/audit/result-application/rectification/${OWN_RECTIFICATION}/history`, allowed: ['auditor', 'admin'] },
  // 绩效评价 (evaluation): the evaluator (agency AG001) is assigned to OWN_PROJECT's key evaluation in the stub.
  { name: '开启年度单位自评', method: 'post', url: '/self-evaluations/years/2026/opening', allowed: ['admin'], status: 200 },
  { name: '开启项目单位自评', method: 'post', url: `/self-evaluations/${OWN_PROJECT}/opening`, allowed: ['admin'] },
  { name: '查看单位自评', method: 'get', url: `/self-evaluations/${OWN_PROJECT}`, allowed: readers },
  { name: '填报单位自评', method: 'post', url: `/self-evaluations/${OWN_PROJECT}/form`, body: { actuals: [{ name: '受益学生人数', kind: 'confirmed' }], reasons: [] }, allowed: ['unitU001'], status: 200 },
  { name: '提交单位自评', method: 'post', url: `/self-evaluations/${OWN_PROJECT}/submission`, allowed: ['unitU001'] },
  { name: '审核单位自评', method: 'post', url: `/self-evaluations/${OWN_PROJECT}/review`, body: { decision: 'accept' }, allowed: ['reviewer'], status: 200 },
  { name: '自评得分说明', method: 'get', url: `/self-evaluations/${OWN_PROJECT}/score`, allowed: readers },
  { name: '自评等级说明', method: 'get', url: `/self-evaluations/${OWN_PROJECT}/grade`, allowed: readers },
  { name: '自评覆盖率', method: 'get', url: '/evaluation-reports/self-evaluation-coverage?fiscalYear=2026', allowed: readers },
  { name: '评价等级分布', method: 'get', url: '/evaluation-reports/grade-distribution?fiscalYear=2026', allowed: readers },
  { name: '被标记的自评', method: 'get', url: '/evaluation-reports/flagged-self-evaluations?fiscalYear=2026', allowed: ['reviewer', 'admin', 'auditor'] },
  { name: '重点评价进展', method: 'get', url: '/evaluation-reports/key-evaluations-by-status?fiscalYear=2026', allowed: ['reviewer', 'admin', 'auditor'] },
  { name: '第三方库', method: 'get', url: '/third-parties', allowed: ['reviewer', 'admin', 'auditor'] },
  { name: '查看第三方', method: 'get', url: '/third-parties/AG001', allowed: ['reviewer', 'admin', 'auditor'] },
  { name: '第三方入库', method: 'post', url: '/third-parties', body: { kind: 'agency', name: '某评价中心' }, allowed: ['admin'] },
  { name: '暂停第三方', method: 'post', url: '/third-parties/AG001/suspension', body: { reason: '履职不力' }, allowed: ['admin'], status: 200 },
  { name: '恢复第三方', method: 'post', url: '/third-parties/AG001/reinstatement', body: { reason: '整改到位' }, allowed: ['admin'], status: 200 },
  { name: '清退第三方', method: 'post', url: '/third-parties/AG001/removal', body: { reason: '重大违规' }, allowed: ['admin'], status: 200 },
  { name: '申报关联关系', method: 'post', url: '/third-parties/AG001/relations', body: { unitId: 'U001', relation: '审计服务' }, allowed: ['admin', 'evaluator'], status: 200 },
  { name: '第三方履职评价', method: 'post', url: '/third-parties/AG001/ratings', body: { evaluationId: OWN_PROJECT, score: 90 }, allowed: ['admin'], status: 200 },
  { name: '重点评价备选项目', method: 'get', url: '/key-evaluations/candidates?fiscalYear=2026&minAmount=100000', allowed: ['reviewer', 'admin', 'auditor'] },
  { name: '重点评价列表', method: 'get', url: '/key-evaluations?fiscalYear=2026', allowed: everyone },
  { name: '查看重点评价', method: 'get', url: `/key-evaluations/${OWN_PROJECT}`, allowed: everyone },
  { name: '选定重点评价', method: 'post', url: `/key-evaluations/${OWN_PROJECT}/selection`, body: { reason: '资金量大' }, allowed: ['admin'] },
  { name: '委托第三方', method: 'post', url: `/key-evaluations/${OWN_PROJECT}/assignment`, body: { agencyId: 'AG001', expertIds: ['EX001'] }, allowed: ['admin'], status: 200 },
  { name: '提交里程碑', method: 'post', url: `/key-evaluations/${OWN_PROJECT}/milestones`, body: { milestone: 'work-plan', summary: '工作方案' }, allowed: ['evaluator'], status: 200 },
  {
    name: '提交评价报告初稿',
    method: 'post',
    url: `/key-evaluations/${OWN_PROJECT}/draft`,
    body: { indicators: [{ level1: 'decision', level2: '立项', name: '立项依据', maxPoints: 20, points: 18, basis: '充分' }], findings: '问题', recommendations: '建议' },
    allowed: ['evaluator'],
    status: 200,
  },
  { name: '审核评价报告', method: 'post', url: `/key-evaluations/${OWN_PROJECT}/review`, body: { decision: 'accept' }, allowed: ['reviewer'], status: 200 },
  { name: '出具正式报告', method: 'post', url: `/key-evaluations/${OWN_PROJECT}/final-report`, allowed: ['evaluator'], status: 200 },
];
