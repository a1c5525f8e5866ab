import { DataSource } from 'typeorm';
import { TransactionService } from '../src/database/transaction.service';
import { OutboxMessage } from '../src/queue/entities/outbox-message.entity';
import { HANDOVER_LEAD_MS, OutboxJob, OutboxService } from '../src/queue/outbox.service';
import { MessageQueue } from '../src/queue/message-queue';
import { eventually } from './support/eventually';
import { statementsDuring } from './support/statements';
import { createTestApp, TestApp } from './support/test-app';

/** A job a day ahead: the relay leaves it in the outbox, so the test sees the rows as enqueue wrote them. */
const DAY_MS = 24 * 3_600_000;

describe('the outbox writes a job once while its key waits', () => {
  let t: TestApp;
  let outbox: OutboxService;
  let transactions: TransactionService;
  let dataSource: DataSource;
  beforeAll(async () => {
    t = await createTestApp();
    outbox = t.app.get(OutboxService);
    transactions = t.app.get(TransactionService);
    dataSource = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  const job = (key: string): OutboxJob => ({
    queue: 'service-targets',
    jobName: 'case-target-check',
    key,
    payload: { caseId: 'c-1', measure: 'resolution', note: 'Åvägen 3' },
    delayMs: DAY_MS,
  });
  const rows = (key: string) =>
    dataSource.manager.find(OutboxMessage, { where: { jobKey: key }, order: { id: 'ASC' } });

  it('writes the job with its payload, its time and its hand-over time', async () => {
    const before = Date.now();
    await transactions.run((manager) => outbox.enqueue(manager, job('outbox-test:first')));
    const [row] = await rows('outbox-test:first');
    expect(row).toMatchObject({
      queue: 'service-targets',
      jobName: 'case-target-check',
      payload: { caseId: 'c-1', measure: 'resolution', note: 'Åvägen 3' },
      dispatchedAt: null,
      attempts: 0,
      lastError: null,
    });
    const createdAt = row.createdAt.getTime();
    expect(createdAt).toBeGreaterThanOrEqual(before - 1);
    expect(row.runAfter?.getTime()).toBe(createdAt + DAY_MS);
    expect(row.availableAt.getTime()).toBe(createdAt + DAY_MS - HANDOVER_LEAD_MS);
  });

  it('skips a job whose key waits, in the same transaction and in a later one', async () => {
    await transactions.run(async (manager) => {
      await outbox.enqueue(manager, job('outbox-test:twice'));
      await outbox.enqueue(manager, job('outbox-test:twice'));
    });
    await transactions.run((manager) => outbox.enqueue(manager, job('outbox-test:twice')));
    expect(await rows('outbox-test:twice')).toHaveLength(1);
  });

  it('writes the job again once the waiting one was handed over', async () => {
    await transactions.run((manager) => outbox.enqueue(manager, job('outbox-test:again')));
    const [first] = await rows('outbox-test:again');
    await outbox.markDispatched([first.id]);
    await transactions.run((manager) => outbox.enqueue(manager, job('outbox-test:again')));
    const written = await rows('outbox-test:again');
    expect(written).toHaveLength(2);
    expect(written[1].dispatchedAt).toBeNull();
  });

  it('writes nothing when the transaction rolls back', async () => {
    await expect(
      transactions.run(async (manager) => {
        await outbox.enqueue(manager, job('outbox-test:rolled-back'));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await rows('outbox-test:rolled-back')).toHaveLength(0);
  });

  it('writes the jobs of a new plan in one statement, without looking for waiting keys', async () => {
    const queries = await transactions.run((manager) =>
      statementsDuring(dataSource, () =>
        outbox.enqueueNew(manager, [job('outbox-test:new-1'), job('outbox-test:new-2')]),
      ),
    );
    expect(queries).toHaveLength(1);
    expect(queries[0].query).toMatch(/^INSERT INTO "outbox"/);
    expect(await rows('outbox-test:new-1')).toHaveLength(1);
    expect((await rows('outbox-test:new-2'))[0]).toMatchObject({ dispatchedAt: null, attempts: 0 });
  });
});

describe('the outbox relay hands a queue nothing while it has no room', () => {
  let t: TestApp;
  let transactions: TransactionService;
  let outbox: OutboxService;
  let queue: MessageQueue;
  let dataSource: DataSource;
  beforeAll(async () => {
    t = await createTestApp();
    transactions = t.app.get(TransactionService);
    outbox = t.app.get(OutboxService);
    queue = t.app.get(MessageQueue);
    dataSource = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  const row = (key: string) => dataSource.manager.findOneByOrFail(OutboxMessage, { jobKey: key });

  it("leaves a full queue's jobs in the outbox, hands over the other queues' meanwhile, and the rest once there is room", async () => {
    // The in-process queue has room for about 1000 jobs per queue; here the register's queue is full.
    const roomFor = jest.spyOn(queue, 'roomFor').mockImplementation((name) => (name === 'register' ? 0 : Infinity));
    await transactions.run(async (manager) => {
      await outbox.enqueue(manager, {
        queue: 'register',
        jobName: 'publish-register-entry',
        key: 'room-test:register',
        payload: { caseId: 'no-such-case' },
      });
      await outbox.enqueue(manager, {
        queue: 'service-targets',
        jobName: 'case-target-check',
        key: 'room-test:check',
        payload: { caseId: 'no-such-case', measure: 'resolution' },
      });
    });
    await eventually(async () => (await row('room-test:check')).dispatchedAt ?? undefined, 'the check handed over');
    // Several polls of the relay later, the full queue's job still waits in the database.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await row('room-test:register')).dispatchedAt).toBeNull();
    roomFor.mockRestore();
    await eventually(
      async () => (await row('room-test:register')).dispatchedAt ?? undefined,
      'the register job handed over',
    );
  });
});
