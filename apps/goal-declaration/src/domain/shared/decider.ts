import { DomainError } from './domain-error';

/** Plain data messages: no classes, no behaviour. */
export type Command<Type extends string, Data> = Readonly<{ type: Type; data: Readonly<Data> }>;
export type Event<Type extends string, Data> = Readonly<{ type: Type; data: Readonly<Data> }>;

/**
 * The decider: three pure functions. No clock, no random, no I/O: the time (`at`)
 * and every new id travel in the command.
 */
export type Decider<State, C, E> = {
  initialState: () => State;
  evolve: (state: State, event: E) => State;
  decide: (command: C, state: State) => E[];
};

export const fold = <State, E>(decider: Pick<Decider<State, never, E>, 'initialState' | 'evolve'>, events: readonly E[]): State =>
  events.reduce(decider.evolve, decider.initialState());

/** ISO-8601 timestamp supplied by the caller. */
export type Timestamp = string;

/**
 * The default branch of an exhaustive `decide`: it compiles only when every command type is
 * handled above it, and refuses (rather than ignores) a command that arrives untyped.
 */
export const unknownCommand = (command: never): never => {
  throw new DomainError('COMMAND_UNKNOWN', `无法识别的操作“${String((command as { type?: unknown })?.type)}”`);
};
