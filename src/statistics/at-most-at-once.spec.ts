import { atMostAtOnce } from './at-most-at-once';

/** A task that ends when the test says so, noting when it starts. */
function controlled<T>(name: string, started: string[]) {
  let end!: (value: T) => void;
  let fail!: (error: Error) => void;
  const done = new Promise<T>((resolve, reject) => {
    end = resolve;
    fail = reject;
  });
  return {
    task: () => {
      started.push(name);
      return done;
    },
    end: (value: T) => end(value),
    fail: (error: Error) => fail(error),
  };
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('atMostAtOnce', () => {
  it('keeps two under way, starts the next as one ends, and answers in the order of the tasks', async () => {
    const started: string[] = [];
    const [a, b, c] = [
      controlled<number>('a', started),
      controlled<string>('b', started),
      controlled<boolean>('c', started),
    ];
    const all = atMostAtOnce([a.task, b.task, c.task], 2);
    await turn();
    expect(started).toEqual(['a', 'b']);
    b.end('two');
    await turn();
    expect(started).toEqual(['a', 'b', 'c']);
    c.end(true);
    a.end(1);
    const results: [number, string, boolean] = await all;
    expect(results).toEqual([1, 'two', true]);
  });

  it('starts no task after one fails, and throws once those under way have ended', async () => {
    const started: string[] = [];
    const [a, b, c] = [
      controlled<number>('a', started),
      controlled<number>('b', started),
      controlled<number>('c', started),
    ];
    let settled = false;
    const all = atMostAtOnce([a.task, b.task, c.task], 2).finally(() => (settled = true));
    await turn();
    a.fail(new Error('the first read failed'));
    await turn();
    expect(started).toEqual(['a', 'b']);
    expect(settled).toBe(false);
    b.end(2);
    await expect(all).rejects.toThrow('the first read failed');
    expect(started).toEqual(['a', 'b']);
  });

  it('runs one at a time for 1, less, or no number, and answers an empty list', async () => {
    const order: number[] = [];
    const task = (value: number) => async () => {
      order.push(value);
      await turn();
      order.push(-value);
      return value;
    };
    for (const atOnce of [1, 0, -1, Number.NaN]) {
      order.length = 0;
      expect(await atMostAtOnce([task(1), task(2)], atOnce)).toEqual([1, 2]);
      expect(order).toEqual([1, -1, 2, -2]);
    }
    expect(await atMostAtOnce([], 2)).toEqual([]);
  });
});
