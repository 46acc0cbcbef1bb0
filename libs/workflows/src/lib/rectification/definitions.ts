import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { MeasureVerification, MeasureVerificationResult, RectificationCase, RectificationIssuedSignal } from './types';

export const rectificationIssuedSignal = defineSignal<[RectificationIssuedSignal]>('rectificationIssued');
/** The unit answered a requirement (from the service's MeasuresAnswered event). */
export const measuresAnsweredSignal = defineSignal<[{ requirementId: string }]>('measuresAnswered');
export const verifyMeasureUpdate = defineUpdate<MeasureVerificationResult, [MeasureVerification]>('verifyMeasure');
export const rectificationCaseQuery = defineQuery<RectificationCase>('rectificationCase');
