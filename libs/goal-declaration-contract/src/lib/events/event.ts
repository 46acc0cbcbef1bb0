/** An event as a decider produces it and a consumer reads it: a type name and plain data. */
export type Event<Type extends string, Data> = Readonly<{ type: Type; data: Readonly<Data> }>;

/** ISO-8601 timestamp. */
export type Timestamp = string;

/** Who recorded it and when (the actor's id; the full actor is in the envelope's metadata). */
export type By = { by: string; at: Timestamp };
