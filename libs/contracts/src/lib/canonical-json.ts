/**
 * RFC 8785 JSON Canonicalization Scheme (JCS): the one byte form that hashes of events are taken over.
 *
 * - object members sorted by their names compared as UTF-16 code units (what `Array.prototype.sort`
 *   does by default), no whitespace;
 * - numbers in the ECMAScript shortest round-trip form (`String(n)`), `-0` as `0`;
 *   NaN and ±Infinity are not JSON and are rejected rather than silently turned into `null`;
 * - strings escaped as `JSON.stringify` does; lone surrogates are rejected (I-JSON, RFC 7493).
 *
 * Like `JSON.stringify`, `toJSON` is honoured (so a `Date` becomes its ISO string) and object members
 * whose value is `undefined` are left out, so the canonical form of a value equals the canonical form of
 * that value after a JSON round trip (which is what a database gives back).
 */
export function canonicalJson(value: unknown): string {
  const out = serialize(value, '$');
  if (out === undefined) throw new TypeError('canonicalJson: value is not representable as JSON');
  return out;
}

function serialize(input: unknown, path: string): string | undefined {
  const value = hasToJson(input) ? input.toJSON() : input;
  switch (typeof value) {
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'bigint':
      throw new TypeError(`canonicalJson: bigint at ${path}; convert it to a string or number first`);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: non-finite number at ${path}`);
      // ECMAScript Number::toString is exactly the serialization RFC 8785 §3.2.2.3 prescribes.
      return Object.is(value, -0) ? '0' : String(value);
    case 'string':
      return serializeString(value, path);
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    // As in JSON.stringify, array holes and unrepresentable elements become null.
    return `[${value.map((v, i) => serialize(v, `${path}[${i}]`) ?? 'null').join(',')}]`;
  }
  const record = value as Record<string, unknown>;
  const members: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const member = serialize(record[key], `${path}.${key}`);
    if (member !== undefined) members.push(`${serializeString(key, path)}:${member}`);
  }
  return `{${members.join(',')}}`;
}

function serializeString(value: string, path: string): string {
  if (!isWellFormed(value)) throw new TypeError(`canonicalJson: lone surrogate in string at ${path}`);
  return JSON.stringify(value);
}

function hasToJson(value: unknown): value is { toJSON(): unknown } {
  return typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

/** `String.prototype.isWellFormed` is ES2024; the target here is ES2022. */
function isWellFormed(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return false;
    }
  }
  return true;
}
