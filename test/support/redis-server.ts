import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import IORedis from 'ioredis';

/**
 * A redis-server of the test's own, on a free port, that the test can stop and start
 * again to take Redis away from the app for real. It keeps nothing on disk: when it comes
 * back it is empty, as a Redis that lost its data would be.
 */
export class TestRedisServer {
  private process: ChildProcess | null = null;

  private constructor(
    readonly port: number,
    private readonly settings: string[],
  ) {}

  /** `settings`: more redis-server arguments, e.g. `['--maxmemory-policy', 'allkeys-lru']`. */
  static async start(settings: string[] = []): Promise<TestRedisServer> {
    const server = new TestRedisServer(await freePort(), settings);
    await server.resume();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Kills the server at once (SIGKILL), as a crash would. */
  async stop(): Promise<void> {
    const running = this.process;
    if (!running) return;
    this.process = null;
    const exited = once(running, 'exit');
    running.kill('SIGKILL');
    await exited;
  }

  /** Starts the server again on the same port and waits until it answers. */
  async resume(): Promise<void> {
    this.process = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...this.settings],
      { stdio: 'ignore' },
    );
    const client = new IORedis({
      port: this.port,
      host: '127.0.0.1',
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    client.on('error', () => undefined);
    const deadline = Date.now() + 10_000;
    for (;;) {
      try {
        await client.connect();
        if ((await client.ping()) === 'PONG') break;
      } catch {
        if (Date.now() > deadline) throw new Error(`redis-server did not start on port ${this.port}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    client.disconnect();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
