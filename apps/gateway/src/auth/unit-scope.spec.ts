import { HttpException } from '@nestjs/common';
import type { Actor } from '@bpm/contracts';
import { assertUnitScope, canAccessUnit, unitFilterFor } from './unit-scope';

const unitUser: Actor = { id: 'zhang3', role: 'unit', unit: 'U001' };

function statusOf(fn: () => void): number | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof HttpException ? error.getStatus() : -1;
  }
}

describe('unit scope', () => {
  it('lets a unit user into their own unit only', () => {
    expect(canAccessUnit(unitUser, 'U001')).toBe(true);
    expect(canAccessUnit(unitUser, 'U002')).toBe(false);
    expect(statusOf(() => assertUnitScope(unitUser, 'U002'))).toBe(403);
    expect(statusOf(() => assertUnitScope(unitUser, 'U001'))).toBeUndefined();
  });

  it('never matches a unit user without a unit', () => {
    expect(canAccessUnit({ id: 'x', role: 'unit' }, '')).toBe(false);
  });

  it('lets finance staff, auditors and the system see every unit', () => {
    for (const role of ['finance-reviewer', 'finance-admin', 'auditor', 'system'] as const) {
      expect(canAccessUnit({ id: 'x', role }, 'U999')).toBe(true);
    }
  });

  it('lets an evaluator in only with a checked assignment', () => {
    const evaluator: Actor = { id: 'e', role: 'evaluator' };
    expect(canAccessUnit(evaluator, 'U001')).toBe(false);
    expect(canAccessUnit(evaluator, 'U001', { evaluatorAssigned: true })).toBe(true);
  });

  it('says so in Chinese', () => {
    let caught: unknown;
    try {
      assertUnitScope(unitUser, 'U002');
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({
      code: 'UNIT_SCOPE_FORBIDDEN',
      detail: '无权访问其他单位的数据：您只能查看和办理本单位（U001）的事项',
    });
  });

  it('narrows list filters for unit users and refuses another unit', () => {
    expect(unitFilterFor(unitUser)).toBe('U001');
    expect(unitFilterFor(unitUser, 'U001')).toBe('U001');
    expect(statusOf(() => unitFilterFor(unitUser, 'U002'))).toBe(403);
    expect(unitFilterFor({ id: 'a', role: 'auditor' })).toBeUndefined();
    expect(unitFilterFor({ id: 'a', role: 'auditor' }, 'U002')).toBe('U002');
  });
});
