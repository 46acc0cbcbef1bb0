import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@bpm/contracts';
import { defineProjection } from '@bpm/messaging';
import type { CorrectiveCaseEvent, MonitoringReportEvent, Warning } from '../domain';
import { CorrectiveCaseRow } from './corrective-case.entity';
import { MonitoringReportRow } from './monitoring-report.entity';

const LEVEL_ORDER = ['red', 'yellow', 'flag'] as const;
const worst = (warnings: readonly Warning[]) => LEVEL_ORDER.find((l) => warnings.some((w) => w.level === l)) ?? 'green';

/** `monitoringReport-<projectId>-<year>-<MM>`: the project id may hold dashes, year and month do not. */
function reportKey(subject: string) {
  const m = /^monitoringReport-(.+)-(\d{4})-(\d{2})$/.exec(subject);
  if (!m) throw new Error(`not a report stream: ${subject}`);
  return { projectId: m[1], fiscalYear: Number(m[2]), month: Number(m[3]) };
}

async function applyReport(event: RecordedEvent, m: EntityManager) {
  const repo = m.getRepository(MonitoringReportRow);
  const e = { type: event.type, data: event.data } as MonitoringReportEvent;
  const key = reportKey(event.subject);
  const updatedAt = new Date(event.time);
  switch (e.type) {
    case 'MonitoringReportOpened':
      await repo.upsert(
        { ...key, unitId: e.data.unitId, kind: e.data.kind, status: 'open', dueAt: new Date(e.data.dueAt), overdue: false, late: false, level: 'green', warnings: [], signals: [], updatedAt },
        ['projectId', 'fiscalYear', 'month'],
      );
      return;
    case 'MonitoringWarningsAssessed':
      await repo.update(key, { warnings: [...e.data.warnings], signals: [...e.data.signals], level: worst(e.data.warnings), updatedAt });
      return;
    case 'MonitoringReportDrafted':
      await repo.update(key, { status: 'drafted', updatedAt });
      return;
    case 'MonitoringReportSubmitted':
      await repo.update(key, { status: 'submitted', late: e.data.late, updatedAt });
      return;
    case 'MonitoringReportAccepted':
      await repo.update(key, { status: 'accepted', updatedAt });
      return;
    case 'MonitoringReportReturned':
      await repo.update(key, { status: 'returned', updatedAt });
      return;
    case 'MonitoringReportOverdue':
      await repo.update(key, { overdue: true, updatedAt });
      return;
  }
}

async function applyCase(event: RecordedEvent, m: EntityManager) {
  const repo = m.getRepository(CorrectiveCaseRow);
  const e = { type: event.type, data: event.data } as CorrectiveCaseEvent;
  const caseId = event.subject.slice('correctiveCase-'.length);
  const updatedAt = new Date(event.time);
  switch (e.type) {
    case 'CorrectiveCaseOpened':
      await repo.upsert(
        {
          caseId, projectId: e.data.projectId, unitId: e.data.unitId, fiscalYear: e.data.fiscalYear, month: e.data.month, status: 'open',
          warning: e.data.warning, dueAt: new Date(e.data.dueAt), choice: null, late: false, allocation: 'allowed', updatedAt,
        },
        ['caseId'],
      );
      return;
    case 'CorrectiveCaseAnswered':
      await repo.update({ caseId }, { status: 'answered', choice: e.data.choice, late: e.data.late, updatedAt });
      return;
    case 'CorrectiveCaseEscalated':
      await repo.update({ caseId }, { status: 'escalated', updatedAt });
      return;
    case 'AllocationRestricted':
      await repo.update({ caseId }, { allocation: e.data.mode, updatedAt });
      return;
    case 'AllocationRestrictionLifted':
      await repo.update({ caseId }, { allocation: 'allowed', updatedAt });
      return;
  }
}

/** Reports and their warnings, corrective cases: the board, the scorecard and the timeline read these. */
export const monitoringReadModel = defineProjection({
  name: 'monitoring.reports-and-cases',
  categories: ['monitoringReport', 'correctiveCase'],
  tables: [MonitoringReportRow, CorrectiveCaseRow],
  async apply(event, manager) {
    if (event.subject.startsWith('monitoringReport-')) await applyReport(event, manager);
    else await applyCase(event, manager);
  },
});
