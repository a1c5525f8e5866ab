import { demoLoginLines } from './demo-logins';

describe('demoLoginLines', () => {
  it('names each log-in with its role, departments and landing page, in columns, after a blank line', () => {
    expect(
      demoLoginLines('http://localhost:3000', [
        { email: 'agent@demo.local', role: 'agent', departmentCodes: ['SC'] },
        { email: 'handler.va@demo.local', role: 'handler', departmentCodes: ['VA'] },
        { email: 'manager@demo.local', role: 'manager', departmentCodes: [] },
        { email: 'admin@demo.local', role: 'admin', departmentCodes: [] },
      ]),
    ).toEqual([
      '',
      'Demo municipality Norrvika kommun: sign in at http://localhost:3000/login, password "demo-password" for everyone:',
      '  agent@demo.local       agent (SC)    -> http://localhost:3000/desk',
      '  handler.va@demo.local  handler (VA)  -> http://localhost:3000/inbox',
      '  manager@demo.local     manager       -> http://localhost:3000/dashboard',
      '  admin@demo.local       admin         -> http://localhost:3000/admin',
      'API: POST http://localhost:3000/api/v1/auth/login {"email","password"}; documentation at http://localhost:3000/docs',
      '',
    ]);
  });

  it('prints nothing when the database has no demo log-ins', () => {
    expect(demoLoginLines('http://localhost:3000', [])).toEqual([]);
  });
});
