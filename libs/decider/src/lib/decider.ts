/** Plain data messages: no classes, no behaviour. */
export type Command<Type extends string, Data> = Readonly<{ type: Type; data: Readonly<Data> }>;
export type Event<Type extends string, Data> = Readonly<{ type: Type; data: Readonly<Data> }>;

/**
 * The decider: three pure functions. No clock, no random, no I/O: the time (`at`) and every
 * new id travel in the command.
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

/** For exhaustive switches: a case left out is a compile error. */
export const unreachable = (value: never): never => {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
};
