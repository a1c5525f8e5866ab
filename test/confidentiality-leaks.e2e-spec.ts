import { ApiClient } from './support/api-client';
import { CaseView, CreatedCase } from './support/api-types';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The side doors through which confidential content and personal data leaked, each closed for
 * its kind: a personal identity number as a search key, answers to actions, the contact behind a
 * confidential case, likely-duplicate hints and list filters, acting on what one may not read,
 * and personal data in lists. All data is invented.
 */
describe('confidential content and personal data do not leak through side doors', () => {
  let t: TestApp;
  let agent: ApiClient;
  let soc: ApiClient;
  let tek: ApiClient;
  let manager: ApiClient;
  let admin: ApiClient;
  /** Income support (confidential, owned by SOC) for a citizen with a personal identity number. */
  let secret: CreatedCase;
  const person = { name: 'Lena Berg', email: 'lena.berg@example.se', phone: '070-111 22 33' };
  const personalNumber = '19121212-1212';

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-09-01T07:00:00Z' });
    [agent, soc, tek, manager, admin] = await ApiClient.loginAll(
      t,
      'agent@demo.local',
      'handler.soc@demo.local',
      'handler@demo.local',
      'manager@demo.local',
      'admin@demo.local',
    );
    secret = await agent.createCase({
      description: 'Behöver hjälp med hyran efter uppsägningen',
      catalogCode: 'income_support',
      citizen: { ...person, personalNumber },
      location: { address: 'Hemliga gränd 3' },
    });
    await agent.act(secret.id, 'route');
  });
  afterAll(() => t.close());

  describe('a personal identity number is not a search key', () => {
    it('reveals nothing stored about the person to whoever registers a case with the number alone', async () => {
      const probe = await agent.createCase({ description: 'Fråga om blankett', citizen: { personalNumber } });
      const seen = await agent.getCase(probe.id);
      expect(seen.citizen).toEqual({
        id: expect.any(String),
        name: null,
        email: null,
        phone: null,
        gender: null,
        language: null,
        hasPersonalNumber: true,
      });
      expect(JSON.stringify(seen)).not.toMatch(/Lena|lena\.berg|111 22 33/);
    });

    it('never overwrites what another case holds: each case keeps the details given with it', async () => {
      const other = await agent.createCase({
        description: 'Fråga om parkeringstillstånd',
        citizen: { name: 'Någon Annan', email: 'ny.adress@example.se', phone: '070-999 99 99', personalNumber },
      });
      expect((await agent.getCase(other.id)).citizen).toMatchObject({
        name: 'Någon Annan',
        email: 'ny.adress@example.se',
      });
      expect((await soc.getCase(secret.id)).citizen).toMatchObject(person);
      // The resolution of the confidential case goes to the address given with it, not the new one.
      await soc.act(secret.id, 'claim');
      await soc.act(secret.id, 'resolve', { reason: 'Beviljat' });
      const messages = await soc.caseNotifications(secret.id);
      expect(messages.map((message) => [message.kind, message.recipient])).toEqual([
        ['receipt', expect.stringMatching(/^l\*+@e\*+\.se$/)],
        ['resolution', messages[0].recipient],
      ]);
      await soc.act(secret.id, 'reopen', { reason: 'Följdfråga' });
    });
  });

  describe('every answer that carries case content obeys the confidentiality rule', () => {
    it('refuses an outsider an action on the confidential case without a word of its content', async () => {
      for (const [who, action] of [
        [agent, 'wait'],
        [agent, 'duplicate'],
        [agent, 'resolve'],
        [tek, 'claim'],
        [tek, 'wait'],
      ] as const) {
        const refused = await who.act(secret.id, action, { duplicateOf: secret.id }).expectStatus(403);
        expect(refused.body.message).toBe(
          'This case is confidential to its department: only that department, managers and admins act on it',
        );
        expect(JSON.stringify(refused.body)).not.toMatch(/hyran|Hemliga|Lena|income_support/);
      }
    });

    it('answers an agent who sends a confidential case on with its redacted form, and logs a manager’s read', async () => {
      const sentBack = await agent.createCase({
        description: 'Ansökan om ekonomiskt bistånd',
        catalogCode: 'income_support',
      });
      const routed = await agent.act(sentBack.id, 'route');
      expect(routed).toEqual(expect.objectContaining({ id: sentBack.id, redacted: true, status: 'routed' }));
      expect(JSON.stringify(routed)).not.toMatch(/bistånd|income_support/);
      const waiting = await manager.act(sentBack.id, 'wait', { reason: 'Väntar på underlag' });
      expect(waiting).toMatchObject({ description: 'Ansökan om ekonomiskt bistånd', status: 'waiting' });
      const reads = await admin.accessLog(sentBack.id);
      expect(reads).toContainEqual(expect.objectContaining({ access: 'read', userId: await userIdOf(manager) }));
      expect(reads.map((read) => read.userId)).not.toContain(await userIdOf(agent));
    });
  });

  describe('the contact behind a confidential case follows the case', () => {
    it('hides the summary, type and citizen of a contact about a confidential type from agents', async () => {
      const contact = await agent.logContact({
        channel: 'phone',
        summary: 'Ringde om försörjningsstöd och hyresskuld',
        outcome: 'case_created',
        catalogCode: 'income_support',
        citizen: { name: 'Karl Holm' },
      });
      const another = await ApiClient.login(t, 'agent@demo.local');
      const listed = (await another.contacts()).items.find((item) => item.id === contact.id);
      expect(listed).toMatchObject({
        redacted: true,
        confidential: true,
        summary: null,
        catalogCode: null,
        citizen: null,
      });
      expect(await manager.contact(contact.id)).toMatchObject({ summary: 'Ringde om försörjningsstöd och hyresskuld' });
    });

    it('makes a contact confidential when a confidential case is registered from it', async () => {
      const contact = await agent.logContact({
        channel: 'visit',
        summary: 'Berättade om oro för grannens barn',
        outcome: 'case_created',
      });
      await agent.createCase({
        description: 'Orosanmälan om grannens barn',
        catalogCode: 'child_welfare_report',
        contactId: contact.id,
      });
      expect(await agent.contact(contact.id)).toMatchObject({ redacted: true, summary: null, departmentCode: 'SOC' });
      expect(await soc.contact(contact.id).expectStatus(403)).toBeDefined();
      expect(await admin.contact(contact.id)).toMatchObject({ summary: 'Berättade om oro för grannens barn' });
    });

    it('lets nobody record a callback on a contact they may not read', async () => {
      const contact = await agent.logContact({
        channel: 'phone',
        summary: 'Vill bli uppringd om sitt ärende om ekonomiskt bistånd',
        outcome: 'callback_promised',
        catalogCode: 'income_support',
      });
      const refused = await agent.recordCallbackMade(contact.id).expectStatus(403);
      expect(refused.body.message).toBe('This contact is about a confidential case of another department');
      const owed = (await agent.callbacks({ state: 'open' })).items.find((item) => item.contactId === contact.id);
      expect(owed).toMatchObject({ summary: null });
      await manager.recordCallbackMade(contact.id);
    });
  });

  describe('side channels', () => {
    it('gives no likely-duplicate hint that points at a confidential case', async () => {
      const hidden = await soc.createCase({
        description: 'Hål i trottoaren utanför skyddat boende',
        catalogCode: 'pothole',
        confidential: true,
        location: { address: 'Skyddsvägen 1', lat: 59.3, lng: 18.1 },
      });
      // About 12 m north, the same type: an ordinary case must not learn the other one is there.
      const nearby = await agent.createCase({
        description: 'Potthål på Skyddsvägen',
        catalogCode: 'pothole',
        location: { lat: 59.3001, lng: 18.1 },
      });
      const seen = await agent.getCase(nearby.id);
      expect(seen.likelyDuplicateOfId).toBeNull();
      const timeline = await agent.timeline(nearby.id);
      expect(JSON.stringify(timeline)).not.toContain(hidden.reference);
      expect(timeline.filter((event) => event.topic === 'likely_duplicate')).toEqual([]);
      // The same two reports, the first one ordinary, are a likely duplicate.
      const open = await agent.createCase({
        description: 'Hål i vägen vid skolan',
        catalogCode: 'pothole',
        location: { lat: 59.31, lng: 18.1 },
      });
      const repeat = await agent.createCase({
        description: 'Potthål vid skolan',
        catalogCode: 'pothole',
        location: { lat: 59.3101, lng: 18.1 },
      });
      expect((await agent.getCase(repeat.id)).likelyDuplicateOfId).toBe(open.id);
    });

    it('does not let a list filter on a hidden field tell which cases have it', async () => {
      const concern = await agent.createCase({ description: 'Orosanmälan', catalogCode: 'child_welfare_report' });
      const byType = await agent.listCases({ catalogCode: 'child_welfare_report' });
      expect(byType).toMatchObject({ items: [], total: 0 });
      expect((await soc.listCases({ catalogCode: 'child_welfare_report' })).items.map((item) => item.id)).toContain(
        concern.id,
      );
      // A filter on what everyone sees (status, department, time) still lists it, redacted.
      const bySoc = await agent.listCases({ departmentCode: 'SOC' });
      expect(bySoc.items.find((item) => item.id === concern.id)).toMatchObject({ redacted: true });
    });

    it('shows no catalog type of a confidential case in an inbox it is redacted in', async () => {
      const sc = await agent.inbox('SC');
      const item = sc.items.find((entry) => entry.redacted);
      expect(item).toBeDefined();
      expect(item).toMatchObject({ catalogCode: null, description: null, address: null });
    });
  });

  describe('personal data only for those who need it', () => {
    it("withholds the citizen's name, e-mail and phone from handlers of other departments, in lists and alone", async () => {
      const lamp = await agent.createCase({
        description: 'Gatlampan är släckt',
        catalogCode: 'street_light',
        citizen: { name: 'Per Ek', email: 'per.ek@example.se', phone: '070-222 33 44' },
      });
      const va = await ApiClient.login(t, 'handler.va@demo.local');
      const alone = await va.getCase(lamp.id);
      expect(alone).toMatchObject({ description: 'Gatlampan är släckt', citizen: null, citizenWithheld: true });
      const listed = (await va.listCases()).items.find((item) => item.id === lamp.id) as CaseView;
      expect(listed).toMatchObject({ citizen: null, citizenWithheld: true });
      expect(JSON.stringify(await va.listCases())).not.toMatch(/per\.ek|Per Ek|222 33 44/);
      for (const who of [agent, tek, manager]) {
        expect(await who.getCase(lamp.id)).toMatchObject({ citizen: { name: 'Per Ek' }, citizenWithheld: false });
      }
    });
  });

  /** The staff member's id, as the API knows it. */
  async function userIdOf(who: ApiClient): Promise<string> {
    return (await who.me()).id;
  }
});
