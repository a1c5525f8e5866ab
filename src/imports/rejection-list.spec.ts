import { RejectionList } from './rejection-list';

describe('RejectionList', () => {
  it('counts every rejected line and keeps the first ones by line number', () => {
    const list = new RejectionList(3);
    for (const line of [9, 2, 7, 4, 11, 3, 8]) list.add(line, [`problem on ${line}`]);
    expect(list.count).toBe(7);
    expect(list.list()).toEqual([
      { line: 2, errors: ['problem on 2'] },
      { line: 3, errors: ['problem on 3'] },
      { line: 4, errors: ['problem on 4'] },
    ]);
  });

  it('keeps the first thousand of a file where every line is wrong', () => {
    const list = new RejectionList();
    for (let line = 1; line <= 50_000; line += 1) list.add(line, ['receivedAt: is required']);
    expect(list.count).toBe(50_000);
    expect(list.list().map((rejection) => rejection.line)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
  });
});
