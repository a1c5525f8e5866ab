import { JobRegistry } from '../src/queue/job-registry.service';
import { MessageQueue } from '../src/queue/message-queue';
import { createTestApp } from './support/test-app';

describe("the application's job registry", () => {
  it('has exactly one handler for every job, and works each queue with one worker at its concurrency', async () => {
    const work = jest.spyOn(MessageQueue.prototype, 'work');
    const t = await createTestApp({ runJobs: true });
    try {
      expect(t.app.get(JobRegistry).registered()).toEqual([
        { queue: 'routing', concurrency: 4, job: 'route-case', handler: 'RouteCaseJob.run' },
        { queue: 'notifications', concurrency: 4, job: 'send-notification', handler: 'SendNotificationJob.run' },
        { queue: 'webhooks', concurrency: 8, job: 'deliver-webhook', handler: 'DeliverWebhookJob.run' },
        { queue: 'service-targets', concurrency: 4, job: 'case-target-check', handler: 'CaseTargetCheckJob.run' },
        {
          queue: 'service-targets',
          concurrency: 4,
          job: 'callback-target-check',
          handler: 'CallbackTargetCheckJob.run',
        },
        { queue: 'register', concurrency: 2, job: 'publish-register-entry', handler: 'PublishRegisterEntryJob.run' },
        { queue: 'retention', concurrency: 1, job: 'retention-run', handler: 'RetentionRunJob.run' },
        { queue: 'inbound-email', concurrency: 2, job: 'file-inbound-email', handler: 'FileInboundEmailJob.run' },
      ]);
      expect(work.mock.calls.map(([queue, , options]) => [queue, options])).toEqual([
        ['routing', { concurrency: 4 }],
        ['notifications', { concurrency: 4 }],
        ['webhooks', { concurrency: 8 }],
        ['service-targets', { concurrency: 4 }],
        ['register', { concurrency: 2 }],
        ['retention', { concurrency: 1 }],
        ['inbound-email', { concurrency: 2 }],
      ]);
    } finally {
      work.mockRestore();
      await t.close();
    }
  });
});
