import { defineProjection } from '@bpm/messaging';
import type { ExecutionFiguresReceived } from '../application/import-execution-data/execution-ledger';
import { ExecutionImport } from './execution-import.entity';
import { ExecutionMonth } from './execution-month.entity';

/** Figures in force per project and month, and the list of imports: folds of our own streams. */
export const executionReadModel = defineProjection({
  name: 'monitoring.execution',
  categories: ['projectExecution', 'executionImport'],
  tables: [ExecutionMonth, ExecutionImport],
  async apply(event, manager) {
    if (event.type === 'ExecutionFiguresReceived') {
      const d = event.data as ExecutionFiguresReceived['data'];
      await manager.getRepository(ExecutionMonth).upsert(
        {
          projectId: d.projectId, fiscalYear: d.fiscalYear, month: d.month, unitId: d.unitId, budgetFen: d.budget, allocatedFen: d.allocated, paidFen: d.paid,
          expectedCarryOverFen: d.expectedCarryOver, revision: d.revision, channel: d.channel, importId: d.importId ?? null, recordedAt: new Date(d.at),
        },
        ['projectId', 'fiscalYear', 'month'],
      );
    }
    if (event.type === 'ExecutionDataImported') {
      const d = event.data as {
        importId: string; channel: string; fileName?: string; rowCount: number; recordedCount: number; unchangedCount: number;
        unknownProjects: { projectId: string; rows: number[] }[]; by: string; at: string;
      };
      await manager.getRepository(ExecutionImport).upsert(
        {
          importId: d.importId, channel: d.channel, fileName: d.fileName ?? null, rowCount: d.rowCount, recordedCount: d.recordedCount,
          unchangedCount: d.unchangedCount, unknownProjects: d.unknownProjects, importedBy: d.by, importedAt: new Date(d.at),
        },
        ['importId'],
      );
    }
  },
});
