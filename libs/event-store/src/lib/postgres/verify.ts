import type { Pool } from 'pg';
import { ChainVerifier } from '../verify';
import type { BrokenLink, VerifyOptions, VerifyReport } from '../port';
import { loadAnchors } from './anchors';
import { EVENT_COLUMNS, ident, toRecorded, type EventRow } from './sql';

const PAGE = 1000;

/** Walks each stream's stored rows page by page and checks them against the `streams` head too. */
export async function verifyStreams(pool: Pool, schema: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  const s = ident(schema);
  const anchors = options.checkpoints
    ? await loadAnchors(pool, schema, options.checkpoints.publicKey, options.checkpoints.published, options.checkpoints.store)
    : undefined;
  // From events as well as streams, so a stream whose head row went missing is still walked; and
  // every stream a checkpoint vouches for, so a stream removed altogether is noticed too.
  const streams =
    options.streams ??
    [
      ...new Set([
        ...(
          await pool.query<{ stream_id: string }>(
            `SELECT stream_id FROM ${s}.streams WHERE version > 0 UNION SELECT DISTINCT stream_id FROM ${s}.events ORDER BY 1`,
          )
        ).rows.map((r) => r.stream_id),
        ...(anchors?.byStream.keys() ?? []),
      ]),
    ].sort();

  const broken: BrokenLink[] = [];
  let eventsChecked = 0;
  for (const stream of streams) {
    const chain = new ChainVerifier(stream, anchors?.byStream.get(stream));
    for (let after = 0, more = true; more; ) {
      const page = await pool.query<EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM ${s}.events WHERE stream_id = $1 AND version > $2 ORDER BY version LIMIT ${PAGE}`,
        [stream, after],
      );
      for (const row of page.rows) {
        if (!chain.next(toRecorded(row))) break;
        after = row.version;
      }
      more = !chain.broken && page.rows.length === PAGE;
    }
    const head = (
      await pool.query<{ version: number; last_hash: string | null }>(
        `SELECT version, last_hash FROM ${s}.streams WHERE stream_id = $1`,
        [stream],
      )
    ).rows[0];
    const link = chain.end({ version: head?.version ?? 0, hash: head?.last_hash ?? null });
    if (link) broken.push(link);
    eventsChecked += chain.count;
  }
  if (!anchors) return { ok: broken.length === 0, streamsChecked: streams.length, eventsChecked, broken };
  const cp = anchors.checkpoint;
  return {
    ok: broken.length === 0 && anchors.problems.length === 0,
    streamsChecked: streams.length,
    eventsChecked,
    broken,
    checkpoint: cp ? { id: cp.id, position: cp.position, createdAt: cp.createdAt } : null,
    anchoredStreams: streams.filter((st) => anchors.byStream.has(st)).length,
    checkpointProblems: anchors.problems,
  };
}
