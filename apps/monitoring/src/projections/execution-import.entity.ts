import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Each import, keyed by its content's SHA-256: what it changed and which projects it did not know. */
@Entity({ name: 'execution_import', schema: 'monitoring' })
export class ExecutionImport {
  @PrimaryColumn('text') importId!: string;
  @Column('text') channel!: string;
  @Column('text', { nullable: true }) fileName!: string | null;
  @Column('int') rowCount!: number;
  @Column('int') recordedCount!: number;
  @Column('int') unchangedCount!: number;
  @Column('jsonb') unknownProjects!: { projectId: string; rows: number[] }[];
  @Column('text') importedBy!: string;
  @Column('timestamptz') importedAt!: Date;
}
