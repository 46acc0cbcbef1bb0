import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The approvers' inbox: one task per project and review round (审核任务). */
@Entity({ name: 'review_task', schema: 'goal_declaration' })
@Index(['status', 'fiscalYear', 'unitId'])
export class ReviewTask {
  /** `<projectId>:<reviewRound>` */
  @PrimaryColumn('text') taskId!: string;
  @Column('text') projectId!: string;
  @Column('text') unitId!: string;
  @Column('int') fiscalYear!: number;
  @Column('text') projectName!: string;
  @Column('int') reviewRound!: number;
  @Column('int') submission!: number;
  @Column('int') version!: number;
  @Column('boolean') isAdjustment!: boolean;
  /** open | awaiting-revision | closed */
  @Column('text') status!: string;
  @Column('timestamptz') submittedAt!: Date;
  @Column('timestamptz') dueAt!: Date;
  @Column('boolean', { default: false }) reminderSent!: boolean;
  @Column('boolean', { default: false }) overdue!: boolean;
  @Column('text', { nullable: true }) outcome!: string | null;
}
