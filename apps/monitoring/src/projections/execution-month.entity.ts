import { Column, Entity, PrimaryColumn } from 'typeorm';
import { fenColumn } from './bigint-fen';

/** The figures in force for a project and month (cumulative to the month's end), and how many times they were corrected. */
@Entity({ name: 'execution_month', schema: 'monitoring' })
export class ExecutionMonth {
  @PrimaryColumn('text') projectId!: string;
  @PrimaryColumn('int') fiscalYear!: number;
  @PrimaryColumn('int') month!: number;
  @Column('text') unitId!: string;
  /** The project's budget for the year (as adjusted) when these figures were recorded. */
  @Column('bigint', fenColumn) budgetFen!: number;
  @Column('bigint', fenColumn) allocatedFen!: number;
  @Column('bigint', fenColumn) paidFen!: number;
  @Column('bigint', fenColumn) expectedCarryOverFen!: number;
  /** 1 for the first figures, +1 for each correction that superseded them. */
  @Column('int') revision!: number;
  @Column('text') channel!: string;
  @Column('text', { nullable: true }) importId!: string | null;
  @Column('timestamptz') recordedAt!: Date;
}
