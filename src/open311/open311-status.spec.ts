import { CASE_STATUSES } from '../cases/case-lifecycle';
import { open311Status, statusNote, updateStatus } from './open311-status';

describe('Open311 statuses of a case', () => {
  it('is closed once the work is done, open before', () => {
    expect(CASE_STATUSES.filter((status) => open311Status(status) === 'closed')).toEqual([
      'resolved',
      'closed',
      'duplicate',
    ]);
  });

  it("names FixMyStreet's update statuses", () => {
    expect(Object.fromEntries(CASE_STATUSES.map((status) => [status, updateStatus(status)]))).toEqual({
      new: 'OPEN',
      triaged: 'OPEN',
      routed: 'OPEN',
      in_progress: 'IN_PROGRESS',
      waiting: 'IN_PROGRESS',
      returned: 'INTERNAL_REFERRAL',
      resolved: 'FIXED',
      closed: 'CLOSED',
      duplicate: 'DUPLICATE',
      reopened: 'OPEN',
    });
  });

  it('tells the department a case went to, and kommunen before it has one', () => {
    expect(statusNote('routed', 'Tekniska förvaltningen')).toBe('Ärendet har skickats till Tekniska förvaltningen.');
    expect(statusNote('in_progress', null)).toBe('Ärendet hanteras av kommunen.');
  });
});
