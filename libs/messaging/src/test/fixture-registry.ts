import { Column, Entity, PrimaryColumn } from 'typeorm';
import { defineProjection, type Projection } from '../lib/projection';

/** A registry module for the rebuild CLI's test: one projection counting events per goal stream. */
@Entity({ name: 'fixture_goal_count' })
export class FixtureGoalCount {
  @PrimaryColumn({ type: 'text' }) stream!: string;
  @Column({ type: 'int' }) n!: number;
}

export const fixtureProjection = defineProjection({
  name: 'fixture-goal-count',
  categories: ['goal'],
  tables: [FixtureGoalCount],
  async apply(event, manager) {
    const repo = manager.getRepository(FixtureGoalCount);
    const row = await repo.findOneBy({ stream: event.subject });
    await repo.save({ stream: event.subject, n: (row?.n ?? 0) + 1 });
  },
});

export const projections: Projection[] = [fixtureProjection];
