import { deadlineAfter } from './calendar';

describe('deadlines (期限)', () => {
  it('counts calendar days to the end of the last day, China time', () => {
    expect(deadlineAfter('2027-03-10T02:00:00.000Z', 30, 'calendar')).toBe('2027-04-09T15:59:59.999Z');
  });
  it('counts working days past weekends, holidays and make-up days', () => {
    // Friday 2027-03-05 (CST) + 1 working day = Monday 03-08.
    expect(deadlineAfter('2027-03-05T02:00:00.000Z', 1, 'working')).toBe('2027-03-08T15:59:59.999Z');
    expect(deadlineAfter('2027-03-05T02:00:00.000Z', 1, 'working', { holidays: ['2027-03-08'], workdays: [] })).toBe('2027-03-09T15:59:59.999Z');
    expect(deadlineAfter('2027-03-05T02:00:00.000Z', 1, 'working', { holidays: [], workdays: ['2027-03-06'] })).toBe('2027-03-06T15:59:59.999Z');
  });
  it('reads the date in China time: 23:00 UTC is already the next day', () => {
    // 2027-03-04T23:00Z is Friday 03-05 07:00 CST.
    expect(deadlineAfter('2027-03-04T23:00:00.000Z', 1, 'working')).toBe('2027-03-08T15:59:59.999Z');
  });
});
