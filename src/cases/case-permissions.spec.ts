import { StaffPrincipal } from '../auth/roles';
import { CASE_ACTIONS, CaseAction, CaseStatus } from './case-lifecycle';
import { refusalFor, UNREADABLE_CASE_REFUSAL, writeRefusalFor } from './case-permissions';

/** The service center's own department in these tests. */
const SC = 'SC';
const refuse = (...args: [StaffPrincipal, CaseAction, Parameters<typeof refusalFor>[2]]) => refusalFor(...args, SC);

/** What a handler may do on a case of their own department; and an agent on a case of the service center's own. */
const HANDLER_ACTIONS: readonly CaseAction[] = [
  'claim',
  'unclaim',
  'assign',
  'wait',
  'resume',
  'return',
  'transfer',
  'resolve',
  'close',
  'reopen',
  'duplicate',
];

const staff = (role: StaffPrincipal['role'], departmentCodes: string[] = []): StaffPrincipal => ({
  id: 'u',
  sessionId: 's',
  email: 'u@x',
  role,
  departmentCodes,
});

/** The actors of the table in docs/cases.md ("Who may do what"), against a case of department SOC. */
const ACTORS = {
  agent: staff('agent', ['SC']),
  'handler of SOC': staff('handler', ['SOC']),
  'handler of TEK': staff('handler', ['TEK']),
  manager: staff('manager'),
  admin: staff('admin'),
};
type Actor = keyof typeof ACTORS;

/** docs/cases.md, "Who may do what": the actions each actor may take on an ordinary case and on a confidential one. */
const MAY: Record<Actor, { ordinary: readonly CaseAction[]; confidential: readonly CaseAction[] }> = {
  agent: {
    ordinary: ['triage', 'route', 'resolve', 'close', 'reopen', 'duplicate', 'wait', 'resume'],
    // Only sending it where it belongs, while it is at the service center (the rows use `triaged`).
    confidential: ['triage', 'route'],
  },
  'handler of SOC': { ordinary: HANDLER_ACTIONS, confidential: HANDLER_ACTIONS },
  'handler of TEK': { ordinary: [], confidential: [] },
  manager: { ordinary: CASE_ACTIONS, confidential: CASE_ACTIONS },
  admin: { ordinary: CASE_ACTIONS, confidential: CASE_ACTIONS },
};
/** Statuses from which an agent may resolve: the case is still at the service center. */
const AT_SERVICE_CENTER: CaseStatus = 'triaged';

describe('who may act on a case: the table in docs/cases.md, row by row', () => {
  for (const [actor, principal] of Object.entries(ACTORS) as Array<[Actor, StaffPrincipal]>) {
    for (const confidential of [false, true]) {
      const allowed = MAY[actor][confidential ? 'confidential' : 'ordinary'];
      for (const action of CASE_ACTIONS) {
        const may = allowed.includes(action);
        it(`${actor} ${may ? 'may' : 'may not'} ${action} ${confidential ? 'a confidential' : 'an ordinary'} case of SOC`, () => {
          const refusal = refuse(principal, action, {
            status: AT_SERVICE_CENTER,
            departmentCode: 'SOC',
            confidential,
          });
          if (may) expect(refusal).toBeNull();
          else expect(refusal).toEqual(expect.any(String));
        });
      }
    }
  }

  it('lets an agent send on a confidential case only while it is at the service center', () => {
    const withSoc = { status: 'routed' as const, departmentCode: 'SOC', confidential: true };
    expect(refuse(ACTORS.agent, 'route', { ...withSoc, status: 'returned' })).toBeNull();
    expect(refuse(ACTORS.agent, 'triage', { ...withSoc, status: 'new', departmentCode: null })).toBeNull();
    expect(refuse(ACTORS.agent, 'route', withSoc)).toBe(UNREADABLE_CASE_REFUSAL);
    expect(refuse(ACTORS.agent, 'resolve', { ...withSoc, status: 'triaged' })).toBe(UNREADABLE_CASE_REFUSAL);
  });

  it('gives the confidentiality reason to anyone who may not read the case', () => {
    const socialCase = { status: 'routed' as const, departmentCode: 'SOC', confidential: true };
    expect(refuse(ACTORS.agent, 'duplicate', socialCase)).toBe(UNREADABLE_CASE_REFUSAL);
    expect(refuse(ACTORS.agent, 'wait', socialCase)).toBe(UNREADABLE_CASE_REFUSAL);
    expect(refuse(ACTORS.agent, 'reopen', { ...socialCase, status: 'resolved' })).toBe(UNREADABLE_CASE_REFUSAL);
    expect(refuse(ACTORS['handler of TEK'], 'claim', socialCase)).toBe(UNREADABLE_CASE_REFUSAL);
  });

  it('does not let an agent resolve a case a department is working on', () => {
    expect(refuse(ACTORS.agent, 'resolve', { status: 'in_progress', departmentCode: 'TEK', confidential: false })).toBe(
      'An agent may not resolve a case a department is working on',
    );
  });

  it('tells a handler of another department why, and a handler the actions that are not theirs', () => {
    const ordinary = { status: 'routed' as const, departmentCode: 'SOC', confidential: false };
    expect(refuse(ACTORS['handler of TEK'], 'claim', ordinary)).toBe(
      'A handler may only act on cases of their own departments',
    );
    expect(refuse(ACTORS['handler of SOC'], 'route', ordinary)).toBe('A handler may not route a case');
  });
});

describe('who may write notes and replies', () => {
  it('lets agents, managers, admins and the own department write on what they may read', () => {
    const ordinary = { departmentCode: 'SOC', confidential: false };
    expect(writeRefusalFor(ACTORS.agent, ordinary)).toBeNull();
    expect(writeRefusalFor(ACTORS['handler of SOC'], ordinary)).toBeNull();
    expect(writeRefusalFor(ACTORS['handler of TEK'], ordinary)).toBe(
      'A handler may only write on cases of their own departments',
    );
  });

  it('lets nobody write on a confidential case they may not read', () => {
    const confidential = { departmentCode: 'SOC', confidential: true };
    expect(writeRefusalFor(ACTORS.agent, confidential)).toBe(UNREADABLE_CASE_REFUSAL);
    expect(writeRefusalFor(ACTORS['handler of TEK'], confidential)).toBe(UNREADABLE_CASE_REFUSAL);
    expect(writeRefusalFor(ACTORS['handler of SOC'], confidential)).toBeNull();
    expect(writeRefusalFor(ACTORS.manager, confidential)).toBeNull();
  });
});

describe("the service center's own cases (routed to SC: complaints, feedback, callback requests)", () => {
  const ownCase = { status: 'in_progress' as const, departmentCode: SC, confidential: false };
  it('lets an agent work them as a handler works their department’s: claim, resolve, close ...', () => {
    for (const action of HANDLER_ACTIONS) expect(refuse(staff('agent', ['SC']), action, ownCase)).toBeNull();
  });

  it('still keeps other departments’ work from agents', () => {
    expect(refuse(staff('agent', ['SC']), 'claim', { ...ownCase, status: 'routed', departmentCode: 'TEK' })).toBe(
      'An agent may not claim a case',
    );
  });
});
