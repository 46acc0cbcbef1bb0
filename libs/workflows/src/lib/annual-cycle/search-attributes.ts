import { defineSearchAttributeKey } from '@temporalio/common';

/**
 * Custom search attributes of the cycle, so `temporal workflow list --query` and the UI find a
 * region's year and its phase: `BpmRegion = '某县' AND BpmFiscalYear = 2027 AND BpmCyclePhase = 'monitoring'`.
 * Registered on the dev server by deploy/local/temporal.ts (`--search-attribute`).
 */
export const REGION_ATTRIBUTE = defineSearchAttributeKey('BpmRegion', 'KEYWORD');
export const FISCAL_YEAR_ATTRIBUTE = defineSearchAttributeKey('BpmFiscalYear', 'INT');
export const CYCLE_PHASE_ATTRIBUTE = defineSearchAttributeKey('BpmCyclePhase', 'KEYWORD');

