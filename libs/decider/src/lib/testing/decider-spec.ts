import { expect } from '@jest/globals';
import { Decider } from '../decider';
import { DomainError, ErrorKind } from '../domain-error';

/**
 * given(events).when(command).then(events) / .thenThrows(code) — a tiny specification
 * helper for deciders. Test-only; imported by *.spec.ts files.
 */
export const deciderSpec = <State, C, E>(decider: Decider<State, C, E>) => ({
  given: (events: readonly NoInfer<E>[]) => ({
    when: (command: C) => {
      const run = (): E[] => decider.decide(command, events.reduce(decider.evolve, decider.initialState()));
      return {
        then: (expected: readonly E[]): void => {
          expect(run()).toEqual(expected);
        },
        thenNothing: (): void => {
          expect(run()).toEqual([]);
        },
        /** Asserts a DomainError with this code (and kind, field and message, when given). */
        thenThrows: (code: string, expected: { kind?: ErrorKind; field?: string; message?: string | RegExp } = {}): void => {
          let caught: unknown;
          let returned: E[] | undefined;
          try {
            returned = run();
          } catch (error) {
            caught = error;
          }
          if (caught === undefined) {
            throw new Error(`expected DomainError ${code}, but the decider returned ${JSON.stringify(returned)}`);
          }
          if (!(caught instanceof DomainError)) throw caught;
          // The message is part of the diff, so a wrong code shows which rule fired.
          expect({ code: caught.code, message: caught.message }).toEqual({ code, message: expect.any(String) });
          if (expected.kind !== undefined) expect(caught.kind).toBe(expected.kind);
          if (expected.field !== undefined) expect(caught.field).toBe(expected.field);
          if (typeof expected.message === 'string') expect(caught.message).toBe(expected.message);
          if (expected.message instanceof RegExp) expect(caught.message).toMatch(expected.message);
        },
      };
    },
  }),
});

/** The state after the given events, for assertions on evolve. */
export const stateAfter = <State, C, E>(decider: Decider<State, C, E>, events: readonly NoInfer<E>[]): State =>
  events.reduce(decider.evolve, decider.initialState());
