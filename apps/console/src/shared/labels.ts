/** Chinese names of the API's codes, for display only (the API checks every value). */
export const ROLE_LABELS: Record<string, string> = {
  unit: '预算单位用户',
  'finance-reviewer': '财政绩效审核人员',
  'finance-admin': '财政绩效管理人员',
  evaluator: '第三方评价人员',
  auditor: '审计监督人员',
};

export const BUDGET_LABELS: Record<string, string> = {
  'general-public': '一般公共预算',
  'government-fund': '政府性基金预算',
  'state-capital': '国有资本经营预算',
  'social-insurance': '社会保险基金预算',
};

export const PROJECT_TYPE_LABELS: Record<string, string> = {
  ordinary: '一般项目',
  'department-wide': '部门整体',
  'government-purchase': '政府购买服务',
  'government-debt': '政府债务',
  'government-procurement': '政府采购',
  policy: '政策',
};

export const GOAL_STATUS_LABELS: Record<string, string> = {
  unregistered: '未登记',
  draft: '草稿',
  submitted: '已提交审核',
  returned: '已退回修改',
  approved: '已批复',
  rejected: '不予通过',
  'adjustment-requested': '调整申请中',
};

export const GOAL_STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  approved: 'success',
  rejected: 'error',
  'adjustment-requested': 'purple',
};

export const LEVEL1_LABELS: Record<string, string> = { output: '产出指标', benefit: '效益指标', satisfaction: '满意度指标', cost: '成本指标' };

export const LEVEL2_BY_LEVEL1: Record<string, string[]> = {
  output: ['quantity', 'quality', 'timeliness', 'cost'],
  benefit: ['economic', 'social', 'ecological', 'sustained'],
  satisfaction: ['service-recipient'],
  cost: ['economic-cost', 'social-cost', 'ecological-environmental-cost'],
};

export const LEVEL2_LABELS: Record<string, string> = {
  quantity: '数量指标',
  quality: '质量指标',
  timeliness: '时效指标',
  cost: '成本指标',
  economic: '经济效益指标',
  social: '社会效益指标',
  ecological: '生态效益指标',
  sustained: '可持续影响指标',
  'service-recipient': '服务对象满意度指标',
  'economic-cost': '经济成本指标',
  'social-cost': '社会成本指标',
  'ecological-environmental-cost': '生态环境成本指标',
};

export const DIRECTION_LABELS: Record<string, string> = { '>=': '≥', '<=': '≤', '=': '=', qualitative: '定性' };

export const KIND_LABELS: Record<string, string> = { common: '共性指标', individual: '个性指标' };

export const TASK_STATUS_LABELS: Record<string, string> = { open: '待审核', 'awaiting-revision': '待单位修改', closed: '已办结' };

export const DECISION_LABELS: Record<string, string> = { approve: '审核通过', return: '退回修改', reject: '不予通过' };

export const RATING_LABELS: Record<string, string> = { excellent: '优', good: '良', fair: '中', poor: '差' };

/** Goal events as the auditor reads them; an unknown type is shown as it is recorded. */
export const EVENT_LABELS: Record<string, string> = {
  ProjectRegistered: '项目登记',
  GoalDeclared: '填报绩效目标',
  GoalSubmittedForReview: '提交审核',
  GoalReturned: '退回修改',
  GoalApproved: '审核通过（批复）',
  GoalRejected: '不予通过',
  GoalAdjustmentRequested: '申请调整',
  GoalAdjustmentRejected: '调整申请未获同意',
  GoalReviewReminderSent: '审核临期提醒',
  GoalReviewOverdue: '审核逾期',
};

export const labelOf = (labels: Record<string, string>, code: unknown): string =>
  typeof code === 'string' ? (labels[code] ?? code) : '';
