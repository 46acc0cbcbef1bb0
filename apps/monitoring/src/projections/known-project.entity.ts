import { Column, Entity, PrimaryColumn } from 'typeorm';
import { fenColumn } from './bigint-fen';

/**
 * A project as goal-declaration announced it on Kafka, and its approved goal table: the only
 * way monitoring learns which projects exist (never by reading goal-declaration's database).
 */
@Entity({ name: 'known_project', schema: 'monitoring' })
export class KnownProject {
  @PrimaryColumn('text') projectId!: string;
  @Column('text') unitId!: string;
  @Column('text') region!: string;
  @Column('int') fiscalYear!: number;
  @Column('text') name!: string;
  @Column('text') budget!: string;
  @Column('text') projectType!: string;
  /** The project's budget for the year, in fen (goal-declaration speaks yuan). */
  @Column('bigint', fenColumn) budgetFen!: number;
  /** registered → approved (its goal table approved; later adjustments keep it approved). */
  @Column('text') status!: string;
  @Column('int', { nullable: true }) latestDeclaredVersion!: number | null;
  @Column('jsonb', { nullable: true }) latestDeclaration!: unknown;
  @Column('int', { nullable: true }) approvedVersion!: number | null;
  @Column('jsonb', { nullable: true }) approvedDeclaration!: unknown;
  @Column('timestamptz', { nullable: true }) approvedAt!: Date | null;
  @Column('timestamptz') updatedAt!: Date;
}
