import { DomainError, isBlank, requireRole, throwFirst, unknownCommand } from '../shared';
import {
  AddIndicator,
  DefineIndicatorCategory,
  IndicatorLibraryCommand,
  OpenIndicatorLibrary,
  ReviseIndicator,
  RetireIndicator,
} from './commands';
import { IndicatorLibraryEvent } from './events';
import { categoryRules, indicatorRules } from './rules';
import { IndicatorLibraryState, OpenLibrary } from './state';
import { IndicatorChanges, LibraryIndicator } from './types';

const requireOpen = (state: IndicatorLibraryState): OpenLibrary => {
  if (state.status !== 'open') {
    throw new DomainError('LIBRARY_NOT_OPENED', '本年度指标库尚未建立，请先建立指标库');
  }
  return state;
};

const requireIndicator = (library: OpenLibrary, indicatorId: string): LibraryIndicator => {
  const indicator = library.indicators[indicatorId];
  if (!indicator) {
    throw new DomainError('INDICATOR_NOT_FOUND', `指标“${indicatorId}”在指标库中不存在`, 'indicatorId');
  }
  return indicator;
};

const open = ({ data }: OpenIndicatorLibrary, state: IndicatorLibraryState): IndicatorLibraryEvent[] => {
  if (state.status === 'open') {
    throw new DomainError('LIBRARY_ALREADY_OPENED', `${data.region}区划${data.fiscalYear}年度指标库已建立`);
  }
  if (!Number.isInteger(data.fiscalYear)) {
    throw new DomainError('FISCAL_YEAR_INVALID', `年度“${data.fiscalYear}”无效`, 'fiscalYear');
  }
  const { region, fiscalYear, costLevelEnabled } = data;
  return [{ type: 'IndicatorLibraryOpened', data: { region, fiscalYear, costLevelEnabled, by: data.actor.userId, at: data.at } }];
};

const defineCategory = ({ data }: DefineIndicatorCategory, state: IndicatorLibraryState): IndicatorLibraryEvent[] => {
  throwFirst(categoryRules(data.category, requireOpen(state)));
  return [{ type: 'IndicatorCategoryDefined', data: { category: data.category, by: data.actor.userId, at: data.at } }];
};

const add = ({ data }: AddIndicator, state: IndicatorLibraryState): IndicatorLibraryEvent[] => {
  const library = requireOpen(state);
  if (library.indicators[data.indicator.id]) {
    throw new DomainError('INDICATOR_ALREADY_EXISTS', `指标编码“${data.indicator.id}”已存在`, 'indicator.id');
  }
  throwFirst(indicatorRules(data.indicator, library));
  return [{ type: 'IndicatorAdded', data: { indicator: data.indicator, by: data.actor.userId, at: data.at } }];
};

/** Keeps only the fields that differ from the current indicator. */
const actualChanges = (current: LibraryIndicator, changes: IndicatorChanges): IndicatorChanges =>
  Object.fromEntries(
    Object.entries(changes).filter(([key, value]) => value !== undefined && current[key as keyof IndicatorChanges] !== value),
  ) as IndicatorChanges;

const revise = ({ data }: ReviseIndicator, state: IndicatorLibraryState): IndicatorLibraryEvent[] => {
  const library = requireOpen(state);
  const current = requireIndicator(library, data.indicatorId);
  if (current.status === 'retired') {
    throw new DomainError('INDICATOR_RETIRED', `指标“${current.name}”已停用，不能修改`, 'indicatorId');
  }
  const changes = actualChanges(current, data.changes);
  if (Object.keys(changes).length === 0) return [];
  throwFirst(indicatorRules({ ...current, ...changes }, library));
  return [
    {
      type: 'IndicatorRevised',
      data: {
        indicatorId: current.id,
        changes,
        ...(data.reason === undefined ? {} : { reason: data.reason }),
        by: data.actor.userId,
        at: data.at,
      },
    },
  ];
};

const retire = ({ data }: RetireIndicator, state: IndicatorLibraryState): IndicatorLibraryEvent[] => {
  const current = requireIndicator(requireOpen(state), data.indicatorId);
  if (current.status === 'retired') return [];
  if (isBlank(data.reason)) {
    throw new DomainError('RETIRE_REASON_REQUIRED', `停用指标“${current.name}”须说明停用原因`, 'reason');
  }
  return [{ type: 'IndicatorRetired', data: { indicatorId: current.id, reason: data.reason, by: data.actor.userId, at: data.at } }];
};

/** The library is kept by finance-admin (绩效管理工作领导小组办公室) only. */
export const decide = (command: IndicatorLibraryCommand, state: IndicatorLibraryState): IndicatorLibraryEvent[] => {
  requireRole(command.data.actor, 'finance-admin');
  switch (command.type) {
    case 'OpenIndicatorLibrary':
      return open(command, state);
    case 'DefineIndicatorCategory':
      return defineCategory(command, state);
    case 'AddIndicator':
      return add(command, state);
    case 'ReviseIndicator':
      return revise(command, state);
    case 'RetireIndicator':
      return retire(command, state);
    default:
      return unknownCommand(command);
  }
};
