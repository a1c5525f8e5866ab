import { StaffPrincipal } from '../auth/roles';
import { refusalFor } from './case-permissions';

const staff = (role: StaffPrincipal['role'], departmentCodes: string[] = []): StaffPrincipal => ({
  id: 'u',
  sessionId: 's',
  email: 'u@x',
  role,
  departmentCodes,
});

describe('who may act on a case', () => {
  it('lets an agent triage, route and resolve at the service center', () => {
    expect(refusalFor(staff('agent'), 'triage', { status: 'new', departmentCode: null })).toBeNull();
    expect(refusalFor(staff('agent'), 'resolve', { status: 'new', departmentCode: null })).toBeNull();
  });

  it('does not let an agent claim or resolve a department’s case', () => {
    expect(refusalFor(staff('agent'), 'claim', { status: 'routed', departmentCode: 'TEK' })).toBe(
      'An agent may not claim a case',
    );
    expect(refusalFor(staff('agent'), 'resolve', { status: 'in_progress', departmentCode: 'TEK' })).toBe(
      'An agent may not resolve a case a department is working on',
    );
  });

  it('lets a handler act only inside their departments', () => {
    expect(refusalFor(staff('handler', ['TEK']), 'claim', { status: 'routed', departmentCode: 'TEK' })).toBeNull();
    expect(refusalFor(staff('handler', ['TEK']), 'claim', { status: 'routed', departmentCode: 'SOC' })).toBe(
      'A handler may only act on cases of their own departments',
    );
    expect(refusalFor(staff('handler', ['TEK']), 'route', { status: 'triaged', departmentCode: 'TEK' })).toBe(
      'A handler may not route a case',
    );
  });

  it('lets managers and admins do everything', () => {
    expect(refusalFor(staff('manager'), 'transfer', { status: 'routed', departmentCode: 'SOC' })).toBeNull();
    expect(refusalFor(staff('admin'), 'claim', { status: 'routed', departmentCode: 'SOC' })).toBeNull();
  });
});
