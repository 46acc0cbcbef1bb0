/**
 * Generic checks on anything that crossed the wire, done without recursion so that no input can
 * blow the stack: nesting depth, NUL bytes (PostgreSQL refuses them in text) and lone UTF-16
 * surrogates (canonical JSON and UTF-8 cannot carry them), in keys as well as values.
 */

/** Deeper than this is no request of ours: 400 before any recursive code sees it. */
export const MAX_JSON_DEPTH = 64;

export type UnsafeReason = 'too-deep' | 'nul' | 'lone-surrogate';

export interface UnsafeInput {
  /** Path segments from the root, e.g. ['project', 'name'] or ['indicators', 2, 'name']. */
  path: (string | number)[];
  reason: UnsafeReason;
}

// A high half not followed by a low half, or a low half not preceded by a high one (code units, no `u` flag).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a single string is unsafe, or undefined. */
export function unsafeString(text: string): UnsafeReason | undefined {
  if (text.includes('\u0000')) return 'nul';
  if (LONE_SURROGATE.test(text)) return 'lone-surrogate';
  return undefined;
}

/** The first unsafe spot in a parsed JSON-like value (breadth-first, iterative), or undefined; `checkStrings` false: depth only. */
export function findUnsafeInput(value: unknown, maxDepth = MAX_JSON_DEPTH, checkStrings = true): UnsafeInput | undefined {
  const queue: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  for (let i = 0; i < queue.length; i++) {
    const { value: current, path } = queue[i];
    if (typeof current === 'string' && checkStrings) {
      const reason = unsafeString(current);
      if (reason) return { path, reason };
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (path.length >= maxDepth) return { path, reason: 'too-deep' };
    const entries: [string | number, unknown][] = Array.isArray(current)
      ? current.map((v, index) => [index, v])
      : Object.entries(current);
    for (const [key, child] of entries) {
      if (typeof key === 'string' && checkStrings) {
        const reason = unsafeString(key);
        if (reason) return { path: [...path, key], reason };
      }
      queue.push({ value: child, path: [...path, key] });
    }
  }
  return undefined;
}

/** `project.indicators[2].name` from path segments. */
export function pathText(path: readonly (string | number)[]): string {
  return path.reduce<string>((out, seg) => (typeof seg === 'number' ? `${out}[${seg}]` : out ? `${out}.${seg}` : seg), '');
}

const REASON_TEXT: Record<UnsafeReason, string> = {
  nul: '不能包含空字符（\\u0000）',
  'lone-surrogate': '包含无效的字符（不成对的 UTF-16 代理项）',
  'too-deep': `嵌套层级过深（最多 ${MAX_JSON_DEPTH} 层）`,
};

/** `项目名称（project.name）不能包含空字符（\u0000）`. */
export function unsafeInputMessage(found: UnsafeInput, root: string, label?: string): string {
  const where = pathText([...(root ? [root] : []), ...found.path]);
  const name = label ? `${label}（${where}）` : where ? `字段“${where}”` : '提交的内容';
  return `${name}${REASON_TEXT[found.reason]}`;
}
