import { FundNoticeIssued } from './events';

export type SupplementalFundingState =
  | Readonly<{ status: 'none' }>
  | Readonly<{
      status: 'issued';
      notice: FundNoticeIssued['data'];
      applications: Readonly<Record<string, { projectId: string; unitId: string; amount: number }>>;
      appliedAmount: number;
    }>;

export const initialState = (): SupplementalFundingState => ({ status: 'none' });
