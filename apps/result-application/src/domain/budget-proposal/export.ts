import { Command, Decider, Event, Timestamp, forbidden, precondition } from '@bpm/decider';
import { Actor } from '../shared/actor';

/** One accepted proposal as the budget platform takes it. */
export type ExportRow = Readonly<{ projectId: string; projectName: string; unitId: string; fiscalYear: number; grade: string; action: string; requestedFen: number; amountFen: number; reason?: string }>;

export type ExportProposals = Command<'ExportProposals', { actor: Actor; at: Timestamp; exportId: string; fiscalYear: number; format: 'xlsx' | 'json'; rows: readonly ExportRow[] }>;
/** 导出: each export is an event, so what left for the budget platform is on record. */
export type ProposalsExported = Event<'ProposalsExported', { by: string; at: Timestamp; exportId: string; fiscalYear: number; format: 'xlsx' | 'json'; projectIds: readonly string[]; totalFen: number }>;
export type ExportState = Readonly<{ status: 'none' }> | Readonly<{ status: 'exported'; exportId: string }>;

export const exportDecider: Decider<ExportState, ExportProposals, ProposalsExported> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) => (event.type === 'ProposalsExported' ? { status: 'exported', exportId: event.data.exportId } : state),
  decide: ({ data }, state) => {
    if (data.actor.role !== 'finance-admin') throw forbidden('ROLE_NOT_ALLOWED', '只有财政管理员可以导出预算安排');
    if (state.status !== 'none') return [];
    if (data.rows.length === 0) throw precondition('NOTHING_TO_EXPORT', `${data.fiscalYear}年度没有已采纳的预算安排建议可导出`);
    return [
      {
        type: 'ProposalsExported',
        data: { by: data.actor.userId, at: data.at, exportId: data.exportId, fiscalYear: data.fiscalYear, format: data.format, projectIds: data.rows.map((r) => r.projectId), totalFen: data.rows.reduce((s, r) => s + r.amountFen, 0) },
      },
    ];
  },
};
