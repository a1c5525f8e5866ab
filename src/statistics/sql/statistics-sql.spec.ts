import { BATCH_HANDOVER_MS, nextBatchSize } from './statistics-sql.service';

describe('nextBatchSize: as many rows as would take BATCH_HANDOVER_MS at the last batch’s pace', () => {
  it('keeps the size while a batch takes the time aimed at', () => {
    expect(nextBatchSize(100, BATCH_HANDOVER_MS, 100)).toBe(100);
  });

  it('shrinks in proportion to a slow batch, never below one row', () => {
    expect(nextBatchSize(100, 4 * BATCH_HANDOVER_MS, 100)).toBe(25);
    expect(nextBatchSize(4, 3 * BATCH_HANDOVER_MS, 100)).toBe(1);
    expect(nextBatchSize(1, 1000, 100)).toBe(1);
  });

  it('grows after a quick batch, never above the rows asked for', () => {
    expect(nextBatchSize(10, BATCH_HANDOVER_MS / 2, 100)).toBe(20);
    expect(nextBatchSize(1, 0.001, 100)).toBe(100);
    expect(nextBatchSize(1, 0, 4)).toBe(4);
  });
});
