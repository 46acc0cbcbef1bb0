import type { OpenApiOptions } from '@bpm/http';

/** The public API's document: served at /docs, and the source of the console's client types. */
export const GATEWAY_OPENAPI: OpenApiOptions = {
  title: '全面预算绩效管理平台 API',
  description: '绩效目标申报与审核、指标库、事前绩效评估、追加资金、审核待办与审计查询。错误均以 application/problem+json 返回。',
  path: 'docs',
};
