/** Sample identities of local mode (the gateway signs whatever sample is picked, in local mode only). */
export const SAMPLE_UNITS = [
  { id: 'U001', name: '县教育局' },
  { id: 'U002', name: '县卫生健康局' },
  { id: 'U003', name: '县交通运输局' },
];

export const SAMPLE_USERS: Record<string, { sub: string; name: string }> = {
  unit: { sub: 'zhang3', name: '张三' },
  'finance-reviewer': { sub: 'wang5', name: '王五' },
  'finance-admin': { sub: 'zhao6', name: '赵六' },
  auditor: { sub: 'sun7', name: '孙七' },
  evaluator: { sub: 'qian8', name: '钱八' },
};
