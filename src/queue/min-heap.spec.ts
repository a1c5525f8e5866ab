import { MinHeap } from './min-heap';

describe('MinHeap', () => {
  it('gives its items back smallest first, however they were pushed', () => {
    const heap = new MinHeap<number>((a, b) => a < b);
    for (const value of [5, 3, 8, 1, 9, 2, 7, 3, 6, 4]) heap.push(value);
    expect(heap.size).toBe(10);
    expect(heap.peek()).toBe(1);
    const out: number[] = [];
    for (let value = heap.pop(); value !== undefined; value = heap.pop()) out.push(value);
    expect(out).toEqual([1, 2, 3, 3, 4, 5, 6, 7, 8, 9]);
    expect(heap.size).toBe(0);
    expect(heap.pop()).toBeUndefined();
  });

  it('keeps pushes and pops interleaved in order, and ties in the order the comparison gives', () => {
    const heap = new MinHeap<{ at: number; sequence: number }>(
      (a, b) => a.at < b.at || (a.at === b.at && a.sequence < b.sequence),
    );
    heap.push({ at: 10, sequence: 1 });
    heap.push({ at: 5, sequence: 2 });
    expect(heap.pop()).toEqual({ at: 5, sequence: 2 });
    heap.push({ at: 10, sequence: 3 });
    heap.push({ at: 1, sequence: 4 });
    expect([heap.pop(), heap.pop(), heap.pop()]).toEqual([
      { at: 1, sequence: 4 },
      { at: 10, sequence: 1 },
      { at: 10, sequence: 3 },
    ]);
  });
});
