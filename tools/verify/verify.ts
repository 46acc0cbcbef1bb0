/**
 * The auditor's stand-alone verifier: checks an audit export with nothing but the platform's public
 * checkpoint key. No database, no code of the platform: canonical JSON (RFC 8785), SHA-256, the
 * Merkle proof (RFC 9162) and Ed25519 are all done here with node:crypto, so it can be read in one sitting.
 *
 *   npx tsx tools/verify/verify.ts --public-key ed25519.pub.pem [--log checkpoints.jsonl] export.json
 *
 * Exit 0: the history is intact up to a head that a signed checkpoint vouches for (events after
 * that head are checked as a chain). Exit 1: something does not hold (printed). Exit 64: usage.
 */
import { createHash, createPublicKey, verify as verifySignature, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** RFC 8785: keys sorted by UTF-16 code units, no whitespace, ECMAScript number and string forms. */
function canonical(v: Json): string {
  if (v === null || typeof v !== 'object') {
    if (typeof v === 'number' && !Number.isFinite(v)) throw new Error('non-finite number');
    return JSON.stringify(v);
  }
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  return `{${Object.keys(v)
    .sort()
    .filter((k) => v[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
    .join(',')}}`;
}

const sha256 = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();

interface Event {
  id: string; type: string; source: string; subject: string; time: string; schemaVersion: number;
  data: Json; metadata: Json; version: number; prevHash: string | null; hash: string;
}
interface Leaf { stream: string; version: number; hash: string }
interface Signed { statement: { [k: string]: Json } & { id: number; root: string; position: string; createdAt: string; store: string }; signature: string }
interface Export { format: string; stream: string; events: Event[]; anchor: { checkpoint: Signed; leaf: Leaf; proof: { index: number; size: number; path: string[] } } | null }

function eventHash(e: Event): string {
  const { id, type, source, subject, time, schemaVersion, data, metadata, version, prevHash } = e;
  return sha256(Buffer.from(canonical({ id, type, source, subject, time, schemaVersion, data, metadata, version, prevHash }), 'utf8')).toString('hex');
}

/** RFC 9162 §2.1.3.2. */
function merkleRootFromProof(leaf: Leaf, index: number, size: number, path: string[]): string | null {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return null;
  let fn = index;
  let sn = size - 1;
  let r = sha256(Buffer.from([0]), Buffer.from(canonical({ stream: leaf.stream, version: leaf.version, hash: leaf.hash }), 'utf8'));
  for (const hex of path) {
    if (sn === 0 || !/^[0-9a-f]{64}$/.test(hex)) return null;
    const p = Buffer.from(hex, 'hex');
    if (fn % 2 === 1 || fn === sn) {
      r = sha256(Buffer.from([1]), p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      r = sha256(Buffer.from([1]), r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 ? r.toString('hex') : null;
}

function keyId(key: KeyObject): string {
  return createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

function signatureHolds(c: Signed, key: KeyObject): boolean {
  try {
    return c.statement.keyId === keyId(key) &&
      verifySignature(null, Buffer.from(canonical(c.statement), 'utf8'), key, Buffer.from(c.signature, 'base64'));
  } catch {
    return false;
  }
}

export function check(exp: Export, key: KeyObject, log?: Signed[]): { ok: boolean; lines: string[] } {
  const problems: string[] = [];
  const lines: string[] = [];
  if (exp?.format !== 'bpm-audit-export/1' || !Array.isArray(exp.events)) return { ok: false, lines: ['不是审计导出文件 (not a bpm-audit-export/1 file)'] };
  let anchor: Leaf | undefined;
  const a = exp.anchor;
  if (!a) problems.push('尚无签名检查点覆盖该事件流 (no signed checkpoint covers this stream)');
  else if (!signatureHolds(a.checkpoint, key)) problems.push('检查点签名无效 (checkpoint signature does not hold for this key)');
  else if (a.leaf.stream !== exp.stream) problems.push(`证明属于另一事件流 ${a.leaf.stream} (proof is for another stream)`);
  else if (merkleRootFromProof(a.leaf, a.proof.index, a.proof.size, a.proof.path) !== a.checkpoint.statement.root)
    problems.push('默克尔证明与签名根不符 (Merkle proof does not lead to the signed root)');
  else {
    const s = a.checkpoint.statement;
    if (log && !log.some((c) => c.statement.id === s.id && c.signature === a.checkpoint.signature))
      problems.push(`检查点 ${s.id} 不在已发布的检查点日志中 (checkpoint not in the published log)`);
    anchor = a.leaf;
    lines.push(`检查点 ${s.id}（${s.createdAt}，库 ${s.store}，全局位置 ${s.position}）为版本 ${a.leaf.version} 担保`);
  }
  let prev: string | null = null;
  let expected = 1;
  for (const e of exp.events) {
    const why =
      e.subject !== exp.stream ? `属于另一事件流 ${e.subject}` :
      e.version !== expected ? `版本 ${e.version}，应为 ${expected}` :
      e.prevHash !== prev ? '前一哈希不符 (prevHash does not match)' :
      eventHash(e) !== e.hash ? '哈希与内容不符 (hash does not match content)' :
      anchor && e.version === anchor.version && e.hash !== anchor.hash ? `与签名检查点不符：此前的历史被改写 (differs from the signed checkpoint)` :
      null;
    if (why) {
      problems.push(`事件流 ${exp.stream} 版本 ${e.version}（事件 ${e.id}）：${why}`);
      break;
    }
    prev = e.hash;
    expected++;
  }
  if (anchor && !problems.length && expected - 1 < anchor.version)
    problems.push(`事件流 ${exp.stream} 只到版本 ${expected - 1}，签名检查点担保到版本 ${anchor.version}：有事件被删除`);
  lines.push(`事件流 ${exp.stream}：${exp.events.length} 个事件`);
  return { ok: problems.length === 0, lines: [...lines, ...problems.map((p) => `✗ ${p}`)] };
}

function main() {
  const { values, positionals } = parseArgs({ options: { 'public-key': { type: 'string' }, log: { type: 'string' } }, allowPositionals: true });
  if (!values['public-key'] || positionals.length !== 1) {
    process.stderr.write('usage: npx tsx tools/verify/verify.ts --public-key <ed25519.pub.pem> [--log <checkpoints.jsonl>] <export.json>\n');
    process.exit(64);
  }
  const key = createPublicKey(readFileSync(values['public-key'], 'utf8'));
  const exp = JSON.parse(readFileSync(positionals[0], 'utf8')) as Export;
  const log = values.log
    ? readFileSync(values.log, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Signed)
    : undefined;
  const result = check(exp, key, log);
  for (const line of result.lines) process.stdout.write(`${line}\n`);
  process.stdout.write(result.ok ? '结论：完整，未被篡改 (intact)\n' : '结论：不完整或无法证明 (NOT intact)\n');
  process.exit(result.ok ? 0 : 1);
}

if (require.main === module) main();
