import { DeadlineTally } from './deadline-tally';

describe('deadline tally: met, late, missed and pending', () => {
  it('counts done-by-the-deadline as met, including exactly at it, and after it as late', () => {
    const tally = new DeadlineTally();
    tally.add(100, 100, 500);
    tally.add(99, 100, 500);
    tally.add(101, 100, 500);
    expect(tally).toMatchObject({ met: 2, late: 1, missed: 0, pending: 0, measured: 3 });
  });

  it('counts not-done as missed once the deadline has passed, and as pending before, outside the base', () => {
    const tally = new DeadlineTally();
    tally.add(null, 100, 101);
    tally.add(null, 100, 100);
    expect(tally).toMatchObject({ met: 0, late: 0, missed: 1, pending: 1, measured: 1 });
  });
});
