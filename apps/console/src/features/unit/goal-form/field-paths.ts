/**
 * The API names a field as a path in the request body (`declaration.indicators[2].annualTarget`);
 * the form names it as a list (`['indicators', 2, 'annualTarget']`). Paths outside the form's
 * fields answer undefined: their message is shown above the form instead.
 */
export function formPathOf(field: string | undefined, formFields: readonly string[]): (string | number)[] | undefined {
  if (!field) return undefined;
  const path: (string | number)[] = [];
  for (const part of field.replace(/^declaration\./, '').split('.')) {
    const match = /^([A-Za-z]\w*)((?:\[\d+\])*)$/.exec(part);
    if (!match) return undefined;
    path.push(match[1]);
    for (const index of match[2].matchAll(/\[(\d+)\]/g)) path.push(Number(index[1]));
  }
  const [head, index, leaf] = path;
  if (path.length === 1 && head === 'overallGoal') return path;
  if (head === 'indicators' && typeof index === 'number' && (leaf === undefined || (path.length === 3 && formFields.includes(String(leaf))))) {
    return leaf === undefined ? [head, index, 'name'] : path;
  }
  return undefined;
}
