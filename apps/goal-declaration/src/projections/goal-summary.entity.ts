import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One row per project's goal: the lists by unit, year and state, and the coverage figure. */
@Entity({ name: 'goal_summary', schema: 'goal_declaration' })
@Index(['unitId', 'fiscalYear', 'status'])
export class GoalSummary {
  @PrimaryColumn('text') projectId!: string;
  @Column('text') unitId!: string;
  @Column('int') fiscalYear!: number;
  @Column('text') name!: string;
  @Column('text') budget!: string;
  @Column('text') projectType!: string;
  @Column('numeric', { transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) amount!: number;
  @Column('text') status!: string;
  @Column('int') version!: number;
  @Column('int') reviewRound!: number;
  @Column('text', { nullable: true }) rating!: string | null;
  @Column('timestamptz') updatedAt!: Date;
}
