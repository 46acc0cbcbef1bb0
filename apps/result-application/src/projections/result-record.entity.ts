import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row per record (rectification case, budget proposal, overlap candidate, disclosure): the
 * domain's own folded state, plus the columns the lists filter on. Folding with the domain's
 * evolve keeps one definition of each state; the public view is computed by the domain's rule.
 */
@Entity({ name: 'result_record', schema: 'result_application' })
@Index(['category', 'status', 'fiscalYear', 'unitId'])
export class ResultRecord {
  @PrimaryColumn('text') stream!: string;
  @Column('text') category!: string;
  @Column('text') recordId!: string;
  /** Empty for records of no single unit (overlap candidates span two). */
  @Column('text') unitId!: string;
  @Column('int') fiscalYear!: number;
  @Column('text') status!: string;
  /** The earliest open deadline, for "cases by deadline". */
  @Column('timestamptz', { nullable: true }) dueAt!: Date | null;
  @Column('jsonb') state!: object;
  /** Only a published disclosure has one: what the public endpoint may show. */
  @Column('jsonb', { nullable: true }) publicView!: object | null;
  @Column('timestamptz') updatedAt!: Date;
}
