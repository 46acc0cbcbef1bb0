import type { ExecutionFigures } from '../../domain/execution';

/**
 * A project's execution ledger (stream `projectExecution-<projectId>`): the figures in force for
 * each month. A correction is a new `ExecutionFiguresReceived` that names what it supersedes;
 * nothing recorded is ever edited. Figures equal to those in force record nothing, which is what
 * makes a repeated feed or a re-sent file harmless.
 */
export type ExecutionChannel = 'file' | 'feed' | 'manual';
export type MonthFigures = Pick<ExecutionFigures, 'budget' | 'allocated' | 'paid' | 'expectedCarryOver'>;

export type ExecutionFiguresReceived = {
  type: 'ExecutionFiguresReceived';
  data: ExecutionFigures & {
    unitId: string;
    channel: ExecutionChannel;
    /** The import (content SHA-256) it came with, if any. */
    importId?: string;
    /** 1 for a month's first figures, +1 per correction. */
    revision: number;
    /** The figures this correction replaces. */
    supersedes?: MonthFigures;
    by: string;
    at: string;
  };
};

export type ExecutionLedgerEvent = ExecutionFiguresReceived;

export interface ExecutionLedger {
  /** `${fiscalYear}-${month}` → figures in force and their revision. */
  months: ReadonlyMap<string, MonthFigures & { revision: number }>;
}

export interface RecordExecutionFigures {
  type: 'RecordExecutionFigures';
  data: { projectId: string; unitId: string; figures: readonly ExecutionFigures[]; channel: ExecutionChannel; importId?: string; by: string; at: string };
}

const key = (f: Pick<ExecutionFigures, 'fiscalYear' | 'month'>) => `${f.fiscalYear}-${f.month}`;
const same = (a: MonthFigures, b: MonthFigures) =>
  a.budget === b.budget && a.allocated === b.allocated && a.paid === b.paid && a.expectedCarryOver === b.expectedCarryOver;
const figuresOf = (f: MonthFigures): MonthFigures => ({ budget: f.budget, allocated: f.allocated, paid: f.paid, expectedCarryOver: f.expectedCarryOver });

export const executionLedgerStreamId = (projectId: string) => `projectExecution-${projectId}`;

export const executionLedgerDecider = {
  initialState: (): ExecutionLedger => ({ months: new Map() }),

  evolve(state: ExecutionLedger, event: ExecutionLedgerEvent): ExecutionLedger {
    const months = new Map(state.months);
    months.set(key(event.data), { ...figuresOf(event.data), revision: event.data.revision });
    return { months };
  },

  decide(command: RecordExecutionFigures, state: ExecutionLedger): ExecutionLedgerEvent[] {
    const { projectId, unitId, channel, importId, by, at } = command.data;
    const events: ExecutionLedgerEvent[] = [];
    for (const f of command.data.figures) {
      const current = state.months.get(key(f));
      if (current && same(current, f)) continue;
      const figures: ExecutionFigures = { projectId, fiscalYear: f.fiscalYear, month: f.month, ...figuresOf(f) };
      events.push({
        type: 'ExecutionFiguresReceived',
        data: {
          ...figures, unitId, channel, ...(importId ? { importId } : {}), revision: (current?.revision ?? 0) + 1,
          ...(current ? { supersedes: figuresOf(current) } : {}),
          by, at,
        },
      });
    }
    return events;
  },
};
