import { randomBytes, randomUUID } from 'node:crypto';
import type { EventMetadata, NewEvent, RecordedEvent } from '@bpm/contracts';
import { ConcurrencyError, type EventStore } from '../lib/port';
import { comparePositions } from '../lib/positions';
import { Upcasters } from '../lib/upcasters';

export interface ContractSubject {
  store: EventStore;
  teardown(): Promise<void>;
}

const meta: EventMetadata = { actor: { id: 'u-1', role: 'unit', unit: '县教育局' }, correlationId: 'corr-1' };
const opts = (expectedVersion: Parameters<EventStore['appendToStream']>[2]['expectedVersion']) => ({
  expectedVersion,
  metadata: meta,
  source: 'contract-test',
});
const ev = (type: string, data: unknown = {}, extra: Partial<NewEvent> = {}): NewEvent => ({ type, data, ...extra });
/** Categories unique per test, so a shared server (ESDB) or earlier tests never leak into assertions. */
const category = () => `c${randomBytes(6).toString('hex')}`;
const stream = (cat = category()) => `${cat}-${randomUUID()}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Global reads only show events once older transactions are done; wait for ours, then read. */
async function waitVisible(store: EventStore, position: string, timeoutMs = 15_000): Promise<void> {
  for (const start = Date.now(); Date.now() - start < timeoutMs; await sleep(20)) {
    const head = await store.headPosition();
    if (head && comparePositions(head, position) >= 0) return;
  }
  throw new Error(`position ${position} not visible after ${timeoutMs} ms`);
}

async function expectConcurrency(p: Promise<unknown>, actual: number | 'no-stream'): Promise<void> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConcurrencyError);
  expect((err as ConcurrencyError).actual).toBe(actual);
}

/**
 * The behaviour every EventStore adapter must have. `create` receives the upcasters the suite relies on.
 */
export function describeEventStoreContract(name: string, create: (upcasters: Upcasters) => Promise<ContractSubject>): void {
  describe(`EventStore contract: ${name}`, () => {
    let subject: ContractSubject;
    let store: EventStore;

    beforeAll(async () => {
      const upcasters = new Upcasters()
        .register('NameGiven', 1, (d) => ({ schemaVersion: 2, data: { fullName: (d as { name: string }).name } }))
        .register('NameGiven', 2, (d) => ({ schemaVersion: 3, data: { ...(d as object), upcast: true } }));
      subject = await create(upcasters);
      store = subject.store;
    });
    afterAll(() => subject?.teardown());

    it('records the envelope and chains hashes', async () => {
      const s = stream();
      const id = randomUUID();
      const r = await store.appendToStream(s, [ev('A', { n: 1 }, { id }), ev('B', { n: 2, t: '预算' }, { schemaVersion: 1 })], opts('no-stream'));
      expect(r.nextExpectedVersion).toBe(2);
      const read = await store.readStream(s);
      expect(read).toEqual(r.events);
      const [a, b] = read;
      expect(a).toMatchObject({ id, type: 'A', source: 'contract-test', subject: s, version: 1, schemaVersion: 1, prevHash: null });
      expect(a.metadata).toEqual(meta);
      expect(b).toMatchObject({ type: 'B', version: 2, prevHash: a.hash, data: { n: 2, t: '预算' } });
      expect(a.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(comparePositions(a.position, b.position)).toBeLessThan(0);
      expect(await store.verify({ streams: [s] })).toMatchObject({ ok: true, eventsChecked: 2, broken: [] });
    });

    describe('expected version', () => {
      it('no-stream: appends to a missing stream, refuses an existing one', async () => {
        const s = stream();
        await store.appendToStream(s, [ev('A')], opts('no-stream'));
        await expectConcurrency(store.appendToStream(s, [ev('A')], opts('no-stream')), 1);
      });

      it('number: must equal the current version (0 = empty)', async () => {
        const s = stream();
        await store.appendToStream(s, [ev('A')], opts(0));
        await store.appendToStream(s, [ev('A'), ev('A')], opts(1));
        await expectConcurrency(store.appendToStream(s, [ev('A')], opts(1)), 3);
        await expectConcurrency(store.appendToStream(s, [ev('A')], opts(4)), 3);
        await expectConcurrency(store.appendToStream(s, [ev('A')], opts(0)), 3);
        await expectConcurrency(store.appendToStream(stream(), [ev('A')], opts(2)), 'no-stream');
        expect((await store.appendToStream(s, [ev('A')], opts(3))).nextExpectedVersion).toBe(4);
      });

      it('stream-exists: refuses a missing stream and creates nothing', async () => {
        const s = stream();
        await expectConcurrency(store.appendToStream(s, [ev('A')], opts('stream-exists')), 'no-stream');
        expect(await store.readStream(s)).toEqual([]);
        await store.appendToStream(s, [ev('A')], opts('no-stream'));
        expect((await store.appendToStream(s, [ev('A')], opts('stream-exists'))).nextExpectedVersion).toBe(2);
      });

      it('any: appends whatever the stream holds', async () => {
        const s = stream();
        expect((await store.appendToStream(s, [ev('A')], opts('any'))).nextExpectedVersion).toBe(1);
        expect((await store.appendToStream(s, [ev('A')], opts('any'))).nextExpectedVersion).toBe(2);
        expect((await store.readStream(s)).map((e) => e.version)).toEqual([1, 2]);
      });

      it('an empty append only checks', async () => {
        const s = stream();
        expect(await store.appendToStream(s, [], opts('no-stream'))).toEqual({ nextExpectedVersion: 0, events: [] });
        await expectConcurrency(store.appendToStream(s, [], opts('stream-exists')), 'no-stream');
        await store.appendToStream(s, [ev('A')], opts('no-stream'));
        expect((await store.appendToStream(s, [], opts(1))).nextExpectedVersion).toBe(1);
      });
    });

    describe('readStream', () => {
      it('reads from/to inclusive and is empty for a missing stream', async () => {
        const s = stream();
        await store.appendToStream(s, [1, 2, 3, 4, 5].map((n) => ev('N', { n })), opts('no-stream'));
        const versions = async (o: Parameters<EventStore['readStream']>[1]) => (await store.readStream(s, o)).map((e) => e.version);
        expect(await versions({})).toEqual([1, 2, 3, 4, 5]);
        expect(await versions({ from: 2 })).toEqual([2, 3, 4, 5]);
        expect(await versions({ to: 2 })).toEqual([1, 2]);
        expect(await versions({ from: 2, to: 4 })).toEqual([2, 3, 4]);
        expect(await versions({ from: 6 })).toEqual([]);
        expect(await store.readStream(stream())).toEqual([]);
      });

      it('reads the stream as it stood at a moment (asOf)', async () => {
        const s = stream();
        const [first] = (await store.appendToStream(s, [ev('A')], opts('no-stream'))).events;
        await sleep(15);
        const [second] = (await store.appendToStream(s, [ev('B')], opts(1))).events;
        expect(Date.parse(second.time)).toBeGreaterThan(Date.parse(first.time));
        const at = (iso: string, deltaMs = 0) => new Date(Date.parse(iso) + deltaMs);
        expect((await store.readStream(s, { asOf: at(first.time, -1) })).length).toBe(0);
        expect((await store.readStream(s, { asOf: at(first.time) })).map((e) => e.type)).toEqual(['A']);
        expect((await store.readStream(s, { asOf: at(second.time) })).map((e) => e.type)).toEqual(['A', 'B']);
      });
    });

    describe('readAll', () => {
      it('filters by category, resumes after a position, honours limit, in commit order', async () => {
        const [ca, cb] = [category(), category()];
        const [a1, b1, a2] = [stream(ca), stream(cb), stream(ca)];
        await store.appendToStream(a1, [ev('A', { i: 1 }), ev('A', { i: 2 })], opts('no-stream'));
        await store.appendToStream(b1, [ev('B', { i: 3 })], opts('no-stream'));
        const last = await store.appendToStream(a2, [ev('A', { i: 4 })], opts('no-stream'));
        await waitVisible(store, last.events[0].position);

        const ids = (es: RecordedEvent[]) => es.map((e) => (e.data as { i: number }).i);
        const onlyA = await store.readAll({ categories: [ca] });
        expect(ids(onlyA)).toEqual([1, 2, 4]);
        expect(ids(await store.readAll({ categories: [ca, cb] }))).toEqual([1, 2, 3, 4]);
        expect(ids(await store.readAll({ categories: [ca], limit: 2 }))).toEqual([1, 2]);
        expect(ids(await store.readAll({ categories: [ca], after: onlyA[1].position }))).toEqual([4]);
        expect(await store.readAll({ categories: [ca], after: onlyA[2].position })).toEqual([]);
        for (let i = 1; i < onlyA.length; i++) expect(comparePositions(onlyA[i - 1].position, onlyA[i].position)).toBeLessThan(0);

        const unfiltered = await store.readAll({ after: onlyA[0].position });
        expect(ids(unfiltered.filter((e) => [a1, b1, a2].includes(e.subject)))).toEqual([2, 3, 4]);
        const head = await store.headPosition();
        expect(head && comparePositions(head, last.events[0].position)).toBeGreaterThanOrEqual(0);
      });
    });

    it('the head is the newest event, even with ten or more events in one append', async () => {
      const s = stream();
      const batch = Array.from({ length: 12 }, (_, i) => ev('Counted', { i }));
      const { events } = await store.appendToStream(s, batch, opts('no-stream'));
      await waitVisible(store, events[11].position);
      expect(await store.headPosition()).toBe(events[11].position);
    });

    it('upcasts old schema versions on read; stored form and hashes stay as written', async () => {
      const s = stream();
      const [written] = (await store.appendToStream(s, [ev('NameGiven', { name: '张三' })], opts('no-stream'))).events;
      expect(written).toMatchObject({ schemaVersion: 1, data: { name: '张三' } });
      const [read] = await store.readStream(s);
      expect(read).toMatchObject({ schemaVersion: 3, data: { fullName: '张三', upcast: true }, hash: written.hash });
      await waitVisible(store, written.position);
      const [fromAll] = await store.readAll({ after: undefined, categories: [s.split('-')[0]] });
      expect(fromAll).toMatchObject({ schemaVersion: 3, data: { fullName: '张三', upcast: true } });
      await store.appendToStream(s, [ev('NameGiven', { fullName: '李四', upcast: true }, { schemaVersion: 3 })], opts(1));
      expect((await store.readStream(s)).map((e) => e.data)).toEqual([
        { fullName: '张三', upcast: true },
        { fullName: '李四', upcast: true },
      ]);
      expect((await store.verify({ streams: [s] })).ok).toBe(true);
    });

    it('subscribe delivers from a checkpoint in order and stops', async () => {
      const cat = category();
      const [s1, s2] = [stream(cat), stream(cat)];
      const seen: RecordedEvent[] = [];
      const sub = store.subscribe({ categories: [cat], batchSize: 2, pollMs: 20 }, (e) => void seen.push(e));
      await store.appendToStream(s1, [ev('A'), ev('A'), ev('A')], opts('no-stream'));
      await store.appendToStream(s2, [ev('B')], opts('no-stream'));
      const last = await store.appendToStream(s1, [ev('A')], opts(3));
      for (const start = Date.now(); seen.length < 5 && Date.now() - start < 15_000; ) await sleep(20);
      await sub.stop();
      expect(seen.map((e) => `${e.subject === s1 ? 1 : 2}:${e.version}`)).toEqual(['1:1', '1:2', '1:3', '2:1', '1:4']);
      expect(sub.position()).toBe(last.events[0].position);

      // Resuming from a checkpoint skips what was handled.
      const resumed: RecordedEvent[] = [];
      const again = store.subscribe({ categories: [cat], after: seen[2].position, pollMs: 20 }, (e) => void resumed.push(e));
      for (const start = Date.now(); resumed.length < 2 && Date.now() - start < 15_000; ) await sleep(20);
      await again.stop();
      expect(resumed.map((e) => e.id)).toEqual([seen[3].id, seen[4].id]);
    });
  });
}
