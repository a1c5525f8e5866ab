import { StaffPrincipal } from '../auth/roles';
import { mayReadContent } from './confidentiality';

const person = (role: StaffPrincipal['role'], departmentCodes: string[] = []): StaffPrincipal => ({
  id: 'u',
  email: 'u@x',
  role,
  departmentCodes,
});

describe('confidential cases', () => {
  const social = { confidential: true, departmentCode: 'SOC' };

  it('are readable by the owning department’s handlers', () => {
    expect(mayReadContent(person('handler', ['SOC']), social)).toBe(true);
    expect(mayReadContent(person('handler', ['TEK', 'SOC']), social)).toBe(true);
  });

  it('are readable by managers and admins', () => {
    expect(mayReadContent(person('manager'), social)).toBe(true);
    expect(mayReadContent(person('admin'), social)).toBe(true);
  });

  it('are not readable by other departments’ handlers nor by service-center agents', () => {
    expect(mayReadContent(person('handler', ['TEK']), social)).toBe(false);
    expect(mayReadContent(person('agent'), social)).toBe(false);
  });

  it('are not readable by a handler before they have a department', () => {
    expect(mayReadContent(person('handler', ['SOC']), { confidential: true, departmentCode: null })).toBe(false);
  });

  it('do not restrict ordinary cases', () => {
    expect(mayReadContent(person('agent'), { confidential: false, departmentCode: 'SOC' })).toBe(true);
  });
});
