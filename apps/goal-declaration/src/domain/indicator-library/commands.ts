import { Actor, Command, Timestamp } from '../shared';
import { CategoryDefinition, IndicatorChanges, IndicatorDefinition } from './types';

type By = { actor: Actor; at: Timestamp };

/** Stream: `indicatorLibrary-<region>-<fiscalYear>` (the category has no dash: `<category>-<id>`). */
export type OpenIndicatorLibrary = Command<
  'OpenIndicatorLibrary',
  By & { region: string; fiscalYear: number; costLevelEnabled: boolean }
>;
export type DefineIndicatorCategory = Command<'DefineIndicatorCategory', By & { category: CategoryDefinition }>;
export type AddIndicator = Command<'AddIndicator', By & { indicator: IndicatorDefinition }>;
export type ReviseIndicator = Command<
  'ReviseIndicator',
  By & { indicatorId: string; changes: IndicatorChanges; reason?: string }
>;
export type RetireIndicator = Command<'RetireIndicator', By & { indicatorId: string; reason: string }>;

export type IndicatorLibraryCommand =
  | OpenIndicatorLibrary
  | DefineIndicatorCategory
  | AddIndicator
  | ReviseIndicator
  | RetireIndicator;
