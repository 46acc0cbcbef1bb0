import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CheckpointSink } from '../postgres/checkpointer';
import type { SignedCheckpoint } from './statement';

/** Appends each checkpoint as one JSON line: a log an auditor can keep, copy and compare. */
export function jsonlCheckpointSink(file: string): CheckpointSink {
  return {
    name: `file:${file}`,
    async publish(checkpoint: SignedCheckpoint) {
      await mkdir(dirname(file), { recursive: true });
      await appendFile(file, JSON.stringify(checkpoint) + '\n', { flag: 'a' });
    },
  };
}

/** Reads such a log; malformed lines are skipped (the signatures decide what counts). */
export function parseCheckpointLog(text: string): SignedCheckpoint[] {
  const out: SignedCheckpoint[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      out.push(JSON.parse(line) as SignedCheckpoint);
    } catch {
      // not ours
    }
  }
  return out;
}
