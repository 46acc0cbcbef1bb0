import { deciderSpec, stateAfter } from '@bpm/decider/testing';
import { DisclosedRecord, DisclosureEvent, disclosureDecider, publicView } from './disclosure';

const spec = deciderSpec(disclosureDecider);
const at = '2027-05-01T00:00:00.000Z';
const unit = { userId: 'u1', role: 'unit' as const, unitId: 'U01' };
const reviewer = { userId: 'r1', role: 'finance-reviewer' as const };
const record: DisclosedRecord = {
  kind: 'evaluation-result',
  recordId: 'KE1',
  unitId: 'U01',
  fiscalYear: 2026,
  recordStatus: 'final',
  title: '农村道路养护项目重点评价结果',
  content: { grade: '中', total: 75.5, contactPhone: '13800000000', summary: '资金管理有待加强' },
};
const proposed: DisclosureEvent = { type: 'DisclosureProposed', data: { by: 'u1', at, disclosureId: 'D1', record } };
const redactions = [{ field: 'contactPhone', legalBasis: '《政府信息公开条例》第十五条' }];
const approved: DisclosureEvent = { type: 'DisclosureApproved', data: { by: 'r1', at, redactions } };
const published: DisclosureEvent = { type: 'DisclosurePublished', data: { by: 'r1', at } };

describe('disclosure (公开)', () => {
  it('the unit proposes its own final result; not another unit’s, not a draft', () => {
    spec.given([]).when({ type: 'ProposeDisclosure', data: { actor: unit, at, disclosureId: 'D1', record } }).then([proposed]);
    spec.given([]).when({ type: 'ProposeDisclosure', data: { actor: { ...unit, unitId: 'U02' }, at, disclosureId: 'D1', record } }).thenThrows('RECORD_NOT_FOUND', { kind: 'not-found' });
    spec.given([]).when({ type: 'ProposeDisclosure', data: { actor: unit, at, disclosureId: 'D1', record: { ...record, recordStatus: 'submitted' } } }).thenThrows('RECORD_NOT_DISCLOSABLE');
    spec.given([]).when({ type: 'ProposeDisclosure', data: { actor: unit, at, disclosureId: 'D1', record: { ...record, kind: 'performance-goal', recordStatus: 'submitted' } } }).thenThrows('RECORD_NOT_DISCLOSABLE', { message: '只有已批复的绩效目标可以公开' });
    spec.given([proposed]).when({ type: 'ProposeDisclosure', data: { actor: unit, at, disclosureId: 'D1', record } }).thenThrows('DISCLOSURE_ALREADY_PROPOSED');
  });

  it('finance approves with redactions that name a field and a legal basis', () => {
    spec.given([proposed]).when({ type: 'ApproveDisclosure', data: { actor: reviewer, at, redactions } }).then([approved]);
    spec.given([proposed]).when({ type: 'ApproveDisclosure', data: { actor: reviewer, at, redactions: [{ field: 'nope', legalBasis: 'x' }] } }).thenThrows('REDACTION_FIELD_UNKNOWN');
    spec.given([proposed]).when({ type: 'ApproveDisclosure', data: { actor: reviewer, at, redactions: [{ field: 'contactPhone', legalBasis: ' ' }] } }).thenThrows('LEGAL_BASIS_REQUIRED', { field: 'redactions[0].legalBasis' });
    spec.given([proposed]).when({ type: 'ApproveDisclosure', data: { actor: unit, at, redactions } }).thenThrows('ROLE_NOT_ALLOWED');
  });

  it('publishes only after approval', () => {
    spec.given([proposed]).when({ type: 'PublishDisclosure', data: { actor: reviewer, at } }).thenThrows('DISCLOSURE_NOT_APPROVED');
    spec.given([proposed, approved]).when({ type: 'PublishDisclosure', data: { actor: reviewer, at } }).then([published]);
    spec.given([proposed, approved, published]).when({ type: 'PublishDisclosure', data: { actor: reviewer, at } }).thenNothing();
  });

  it('the public view holds only published content, without the redacted fields', () => {
    expect(publicView(stateAfter(disclosureDecider, [proposed]))).toBeUndefined();
    expect(publicView(stateAfter(disclosureDecider, [proposed, approved]))).toBeUndefined();
    expect(publicView(stateAfter(disclosureDecider, [proposed, { type: 'DisclosureRejected', data: { by: 'r1', at, reason: '涉密' } }]))).toBeUndefined();
    const view = publicView(stateAfter(disclosureDecider, [proposed, approved, published]));
    expect(view?.content).toEqual({ grade: '中', total: 75.5, summary: '资金管理有待加强' });
    expect(JSON.stringify(view)).not.toContain('13800000000');
    expect(view?.withheld).toEqual(redactions);
  });
});
