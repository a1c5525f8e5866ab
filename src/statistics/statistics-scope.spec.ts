import { StaffPrincipal } from '../auth/roles';
import { ForbiddenError } from '../common/domain-errors';
import { departmentScope } from './statistics-scope';

const staff = (role: StaffPrincipal['role'], departmentCodes: string[]): StaffPrincipal => ({
  id: 'x',
  email: 'x@demo.local',
  role,
  departmentCodes,
});

describe('statistics scope: who sees which departments', () => {
  it('lets managers and admins see every department, or the one they ask for', () => {
    expect(departmentScope(staff('manager', []))).toEqual({ departmentCodes: null });
    expect(departmentScope(staff('admin', []), 'VA')).toEqual({ departmentCodes: ['VA'] });
  });

  it('narrows a handler or agent to their own departments', () => {
    expect(departmentScope(staff('handler', ['VA', 'TEK']))).toEqual({ departmentCodes: ['TEK', 'VA'] });
    expect(departmentScope(staff('agent', ['SC']), 'SC')).toEqual({ departmentCodes: ['SC'] });
  });

  it('refuses a handler who asks for another department, and one without departments', () => {
    expect(() => departmentScope(staff('handler', ['TEK']), 'SOC')).toThrow(ForbiddenError);
    expect(() => departmentScope(staff('handler', []))).toThrow(ForbiddenError);
  });
});
