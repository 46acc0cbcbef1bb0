import { Column, Entity, PrimaryColumn } from 'typeorm';

/** 纠偏事项 by project and unit: status, due date, the answer, and whether allocation is restricted. */
@Entity({ name: 'corrective_case', schema: 'monitoring' })
export class CorrectiveCaseRow {
  @PrimaryColumn('text') caseId!: string;
  @Column('text') projectId!: string;
  @Column('text') unitId!: string;
  @Column('int') fiscalYear!: number;
  @Column('int') month!: number;
  @Column('text') status!: string;
  @Column('jsonb') warning!: unknown;
  @Column('timestamptz') dueAt!: Date;
  @Column('text', { nullable: true }) choice!: string | null;
  @Column('boolean') late!: boolean;
  /** allowed, or the restriction in force: suspend / stop. */
  @Column('text') allocation!: string;
  @Column('timestamptz') updatedAt!: Date;
}
