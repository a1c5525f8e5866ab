import { StaffPrincipal } from '../auth/roles';
import { inboxViewRefusal } from './inbox-scope';

const staff = (role: StaffPrincipal['role'], departmentCodes: string[] = []): StaffPrincipal => ({
  id: 'u1',
  email: 'u@x',
  role,
  departmentCodes,
});

describe('inboxViewRefusal', () => {
  it('lets handlers see the inboxes of their own departments only', () => {
    expect(inboxViewRefusal(staff('handler', ['TEK', 'VA']), 'VA', 'SC')).toBeNull();
    expect(inboxViewRefusal(staff('handler', ['TEK']), 'VA', 'SC')).toBe(
      'A handler sees the inboxes of their own departments only',
    );
    expect(inboxViewRefusal(staff('handler', ['TEK']), 'SC', 'SC')).not.toBeNull();
  });

  it("lets agents see the service center's inbox and no other", () => {
    expect(inboxViewRefusal(staff('agent', ['SC']), 'SC', 'SC')).toBeNull();
    expect(inboxViewRefusal(staff('agent', ['SC']), 'TEK', 'SC')).toBe("An agent sees the service center's inbox only");
  });

  it('lets managers and admins see every inbox', () => {
    expect(inboxViewRefusal(staff('manager'), 'SOC', 'SC')).toBeNull();
    expect(inboxViewRefusal(staff('admin'), 'SC', 'SC')).toBeNull();
  });
});
