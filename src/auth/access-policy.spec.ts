import { ForbiddenError } from '../common/domain-errors';
import { AccessPolicy } from './access-policy';
import { StaffPrincipal } from './roles';

const staff = (role: StaffPrincipal['role'], departmentCodes: string[] = []): StaffPrincipal => ({
  id: 'u1',
  sessionId: 's1',
  email: 'u@x',
  role,
  departmentCodes,
});

describe('AccessPolicy', () => {
  describe('departments in view', () => {
    it('lets managers and admins see every department, or the one they ask for', () => {
      expect(AccessPolicy.departmentsInView(staff('manager'))).toBeNull();
      expect(AccessPolicy.departmentsInView(staff('admin'), 'VA')).toEqual(['VA']);
    });

    it('narrows a handler or agent to their own departments', () => {
      expect(AccessPolicy.departmentsInView(staff('handler', ['VA', 'TEK']))).toEqual(['TEK', 'VA']);
      expect(AccessPolicy.departmentsInView(staff('agent', ['SC']), 'SC')).toEqual(['SC']);
    });

    it('refuses a handler who asks for another department, and one without departments', () => {
      expect(() => AccessPolicy.departmentsInView(staff('handler', ['TEK']), 'SOC')).toThrow(ForbiddenError);
      expect(() => AccessPolicy.departmentsInView(staff('handler'))).toThrow(ForbiddenError);
    });
  });

  describe('confidential content', () => {
    const social = { confidential: true, departmentCode: 'SOC' };

    it('is readable by the owning department’s handlers', () => {
      expect(AccessPolicy.mayReadContent(staff('handler', ['SOC']), social)).toBe(true);
      expect(AccessPolicy.mayReadContent(staff('handler', ['TEK', 'SOC']), social)).toBe(true);
    });

    it('is readable by managers and admins', () => {
      expect(AccessPolicy.mayReadContent(staff('manager'), social)).toBe(true);
      expect(AccessPolicy.mayReadContent(staff('admin'), social)).toBe(true);
    });

    it('is not readable by other departments’ handlers nor by service-center agents', () => {
      expect(AccessPolicy.mayReadContent(staff('handler', ['TEK']), social)).toBe(false);
      expect(AccessPolicy.mayReadContent(staff('agent', ['SC']), social)).toBe(false);
    });

    it('is not readable by a handler before the case has a department', () => {
      const untriaged = { confidential: true, departmentCode: null };
      expect(AccessPolicy.mayReadContent(staff('handler', ['SOC']), untriaged)).toBe(false);
    });

    it('does not restrict ordinary cases', () => {
      expect(AccessPolicy.mayReadContent(staff('agent'), { confidential: false, departmentCode: 'SOC' })).toBe(true);
    });
  });

  describe('the readable-content query condition says what the predicate says', () => {
    const columns = { confidential: 'c.confidential', departmentCode: 'c.departmentCode' };

    it('adds no condition for managers and admins', () => {
      expect(AccessPolicy.readableContentCondition(staff('manager'), columns)).toBeNull();
      expect(AccessPolicy.readableContentCondition(staff('admin'), columns)).toBeNull();
    });

    it('lets a handler read ordinary cases and their own departments’ confidential ones', () => {
      expect(AccessPolicy.readableContentCondition(staff('handler', ['SOC']), columns)).toEqual({
        sql: '(c.confidential = :accessNotConfidential OR c.departmentCode IN (:...accessOwnDepartments))',
        parameters: { accessNotConfidential: false, accessOwnDepartments: ['SOC'] },
      });
    });

    it('lets agents and handlers without a department read ordinary cases only', () => {
      const ordinaryOnly = {
        sql: 'c.confidential = :accessNotConfidential',
        parameters: { accessNotConfidential: false },
      };
      expect(AccessPolicy.readableContentCondition(staff('agent', ['SC']), columns)).toEqual(ordinaryOnly);
      expect(AccessPolicy.readableContentCondition(staff('handler'), columns)).toEqual(ordinaryOnly);
    });
  });

  describe('looking citizens up', () => {
    it('is for agents, managers and admins, not for handlers', () => {
      expect(AccessPolicy.mayFindCitizens(staff('agent', ['SC']))).toBe(true);
      expect(AccessPolicy.mayFindCitizens(staff('manager'))).toBe(true);
      expect(AccessPolicy.mayFindCitizens(staff('admin'))).toBe(true);
      expect(AccessPolicy.mayFindCitizens(staff('handler', ['TEK']))).toBe(false);
    });
  });

  describe('inboxes', () => {
    it('lets handlers see the inboxes of their own departments only', () => {
      expect(AccessPolicy.inboxRefusal(staff('handler', ['TEK', 'VA']), 'VA', 'SC')).toBeNull();
      expect(AccessPolicy.inboxRefusal(staff('handler', ['TEK']), 'VA', 'SC')).toBe(
        'A handler sees the inboxes of their own departments only',
      );
      expect(AccessPolicy.inboxRefusal(staff('handler', ['TEK']), 'SC', 'SC')).not.toBeNull();
    });

    it("lets agents see the service center's inbox and no other", () => {
      expect(AccessPolicy.inboxRefusal(staff('agent', ['SC']), 'SC', 'SC')).toBeNull();
      expect(AccessPolicy.inboxRefusal(staff('agent', ['SC']), 'TEK', 'SC')).toBe(
        "An agent sees the service center's inbox only",
      );
    });

    it('lets managers and admins see every inbox', () => {
      expect(AccessPolicy.inboxRefusal(staff('manager'), 'SOC', 'SC')).toBeNull();
      expect(AccessPolicy.inboxRefusal(staff('admin'), 'SC', 'SC')).toBeNull();
    });
  });
});
