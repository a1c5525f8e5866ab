import {
  allowedActions,
  CASE_ACTIONS,
  CASE_STATUSES,
  IllegalTransitionError,
  isOpen,
  nextStatus,
} from './case-lifecycle';

describe('case lifecycle', () => {
  it('walks the main path new -> triaged -> routed -> in_progress -> resolved -> closed', () => {
    let status = nextStatus('new', 'triage');
    expect(status).toBe('triaged');
    status = nextStatus(status, 'route');
    expect(status).toBe('routed');
    status = nextStatus(status, 'claim');
    expect(status).toBe('in_progress');
    status = nextStatus(status, 'resolve');
    expect(status).toBe('resolved');
    expect(nextStatus(status, 'close')).toBe('closed');
  });

  it('lets the service center resolve a new case on the spot', () => {
    expect(nextStatus('new', 'resolve')).toBe('resolved');
  });

  it('resumes a waiting case to where it was before waiting', () => {
    expect(nextStatus('in_progress', 'wait')).toBe('waiting');
    expect(nextStatus('waiting', 'resume', 'in_progress')).toBe('in_progress');
    expect(nextStatus('waiting', 'resume', 'routed')).toBe('routed');
    expect(nextStatus('waiting', 'resume', null)).toBe('routed');
  });

  it('sends a misrouted case back and lets the service center route it again', () => {
    expect(nextStatus('in_progress', 'return')).toBe('returned');
    expect(nextStatus('returned', 'route')).toBe('routed');
  });

  it('transfers between departments without leaving the routed state', () => {
    expect(nextStatus('in_progress', 'transfer')).toBe('routed');
  });

  it('reopens resolved and closed cases', () => {
    expect(nextStatus('closed', 'reopen')).toBe('reopened');
    expect(nextStatus('resolved', 'reopen')).toBe('reopened');
    expect(nextStatus('reopened', 'claim')).toBe('in_progress');
  });

  it('names both the action and the status when refusing', () => {
    expect(() => nextStatus('closed', 'claim')).toThrow(new IllegalTransitionError('claim', 'closed'));
    expect(() => nextStatus('closed', 'claim')).toThrow('Action "claim" is not allowed when the case is "closed"');
  });

  it.each([
    ['new', 'claim'],
    ['new', 'close'],
    ['routed', 'resolve'],
    ['resolved', 'claim'],
    ['closed', 'duplicate'],
    ['duplicate', 'reopen'],
    ['waiting', 'resolve'],
    ['in_progress', 'resume'],
  ] as const)('refuses %s -> %s', (status, action) => {
    expect(() => nextStatus(status, action)).toThrow(IllegalTransitionError);
  });

  it('has no action out of a confirmed duplicate', () => {
    expect(allowedActions('duplicate')).toEqual([]);
  });

  it('allows from every open status at least one action, and every action from some status', () => {
    for (const status of CASE_STATUSES.filter(isOpen)) expect(allowedActions(status).length).toBeGreaterThan(0);
    for (const action of CASE_ACTIONS) expect(CASE_STATUSES.some((s) => allowedActions(s).includes(action))).toBe(true);
  });
});
