import type { ExecutionFigures, FiguresSource } from '../../domain';
import type { StreamCommands } from '../../infrastructure/stream-commands';
import { executionLedgerStreamId, type ExecutionFiguresReceived } from './execution-ledger';

const CHANNEL: Record<ExecutionFiguresReceived['data']['channel'], FiguresSource['channel']> = { file: 'file', feed: 'api', manual: 'manual' };

/** The figures in force for a project's month, read from its ledger stream (not a lagging read model). */
export async function currentFigures(
  streams: StreamCommands,
  projectId: string,
  fiscalYear: number,
  month: number,
): Promise<{ figures: ExecutionFigures; source: FiguresSource } | undefined> {
  const events = await streams.store.readStream(executionLedgerStreamId(projectId));
  const last = events
    .filter((e) => e.type === 'ExecutionFiguresReceived')
    .map((e) => ({ id: e.id, data: e.data as ExecutionFiguresReceived['data'] }))
    .filter((e) => e.data.fiscalYear === fiscalYear && e.data.month === month)
    .at(-1);
  if (!last) return undefined;
  const d = last.data;
  return {
    figures: { projectId: d.projectId, fiscalYear: d.fiscalYear, month: d.month, budget: d.budget, allocated: d.allocated, paid: d.paid, expectedCarryOver: d.expectedCarryOver },
    source: { importId: d.importId ?? last.id, contentHash: d.importId ?? '', channel: CHANNEL[d.channel] },
  };
}
