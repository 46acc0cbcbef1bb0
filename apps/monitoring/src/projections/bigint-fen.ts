/** bigint columns come back from pg as text; fen stay below 2^53, so a number is exact. */
export const fenColumn = { transformer: { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) } };
