import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per project and month: the report's state and its current warnings (the warning board reads this). */
@Entity({ name: 'monitoring_report', schema: 'monitoring' })
export class MonitoringReportRow {
  @PrimaryColumn('text') projectId!: string;
  @PrimaryColumn('int') fiscalYear!: number;
  @PrimaryColumn('int') month!: number;
  @Column('text') unitId!: string;
  @Column('text') kind!: string;
  @Column('text') status!: string;
  @Column('timestamptz') dueAt!: Date;
  @Column('boolean') overdue!: boolean;
  @Column('boolean') late!: boolean;
  /** Worst level among the current warnings: red, yellow, flag, or green when none. */
  @Column('text') level!: string;
  @Column('jsonb') warnings!: unknown[];
  @Column('jsonb') signals!: unknown[];
  @Column('timestamptz') updatedAt!: Date;
}
