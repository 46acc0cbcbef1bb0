import { executionLedgerDecider as decider, type ExecutionLedgerEvent, type RecordExecutionFigures } from './execution-ledger';

const june = { projectId: 'P-1', fiscalYear: 2026, month: 6, budget: 200_000, allocated: 100_000, paid: 25_000, expectedCarryOver: 0 };
const record = (figures = [june], importId = 'sha-a'): RecordExecutionFigures => ({
  type: 'RecordExecutionFigures',
  data: { projectId: 'P-1', unitId: 'U1', figures, channel: 'file', importId, by: 'clerk', at: '2026-07-02T00:00:00Z' },
});
const given = (...events: ExecutionLedgerEvent[]) => events.reduce(decider.evolve, decider.initialState());

describe('execution ledger: given / when / then', () => {
  const first = decider.decide(record(), given());

  it('records a month first seen as revision 1', () => {
    expect(first).toEqual([{ type: 'ExecutionFiguresReceived', data: { ...june, unitId: 'U1', channel: 'file', importId: 'sha-a', revision: 1, by: 'clerk', at: '2026-07-02T00:00:00Z' } }]);
  });

  it('records nothing when the same figures come again', () => {
    expect(decider.decide(record([june], 'sha-b'), given(...first))).toEqual([]);
  });

  it('supersedes corrected figures with a new event naming the old ones', () => {
    const corrected = { ...june, paid: 30_000 };
    const [event] = decider.decide(record([corrected], 'sha-b'), given(...first));
    expect(event.data).toMatchObject({ paid: 30_000, revision: 2, importId: 'sha-b', supersedes: { budget: 200_000, allocated: 100_000, paid: 25_000, expectedCarryOver: 0 } });
  });

  it('keeps months apart', () => {
    const may = { ...june, month: 5, paid: 10_000 };
    expect(decider.decide(record([may, june]), given(...first)).map((e) => e.data.month)).toEqual([5]);
  });
});
