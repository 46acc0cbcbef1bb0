import { CategoryDefinition, LibraryIndicator } from './types';

export type IndicatorLibraryState =
  | Readonly<{ status: 'unopened' }>
  | Readonly<{
      status: 'open';
      region: string;
      fiscalYear: number;
      costLevelEnabled: boolean;
      categories: Readonly<Record<string, CategoryDefinition>>;
      indicators: Readonly<Record<string, LibraryIndicator>>;
    }>;

export type OpenLibrary = Extract<IndicatorLibraryState, { status: 'open' }>;

export const initialState = (): IndicatorLibraryState => ({ status: 'unopened' });
