import { DataSource } from 'typeorm';
import { newId } from '../src/common/ids';
import { CaseCitizenGender1766700001800 as CaseCitizenGender } from '../src/database/migrations/1766700001800-case-citizen-gender';
import { ApiClient } from './support/api-client';
import { createTestApp, TestApp } from './support/test-app';

/**
 * A case holds its citizen's gender (src/database/migrations/1766700001800-case-citizen-gender.ts),
 * so the statistics by gender read the case alone: written by the application with the case, and
 * held in step by the database's triggers whoever writes, on both databases. The gender of a case
 * is its citizen's while the link holds, the one kept after the retention rules or an erasure
 * removed the link, and none after the link is removed otherwise.
 */
describe(`the citizen's gender kept on the case (${process.env.TEST_DATABASE})`, () => {
  let t: TestApp;
  let db: DataSource;
  let agent: ApiClient;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    [agent] = await ApiClient.loginAll(t, 'agent@demo.local');
  });
  afterAll(() => t.close());

  const row = async (caseId: string): Promise<{ citizen_id: string | null; citizen_gender: string | null }> => {
    const [found] = await db.query<Array<{ citizen_id: string | null; citizen_gender: string | null }>>(
      `SELECT citizen_id, citizen_gender FROM cases WHERE id = '${caseId}'`,
    );
    return found;
  };
  const genderOf = async (caseId: string) => (await row(caseId)).citizen_gender;
  const newCase = (citizen?: { name: string; gender?: string }) =>
    agent.createCase({ description: 'Gatlampan är trasig', catalogCode: 'street_light', channel: 'phone', citizen });

  it('is written with the case: the citizen registered with it, or the citizen of the contact it was made from', async () => {
    const registered = await newCase({ name: 'Lena Berg', gender: 'female' });
    expect(await genderOf(registered.id)).toBe('female');
    expect(await genderOf((await newCase({ name: 'Anna Ek' })).id)).toBeNull();
    expect(await genderOf((await newCase()).id)).toBeNull();

    const contact = await agent.logContact({
      channel: 'phone',
      summary: 'Gatlampan på Storgatan är trasig',
      outcome: 'case_created',
      citizen: { name: 'Bo Lind', gender: 'male' },
    });
    const fromContact = await agent.createCase({
      description: 'Gatlampan på Storgatan är trasig',
      catalogCode: 'street_light',
      contactId: contact.id,
    });
    expect(await row(fromContact.id)).toEqual({ citizen_id: expect.any(String), citizen_gender: 'male' });
  });

  it('follows a correction of who the citizen is, and takes none when the correction gives no one', async () => {
    const created = await newCase({ name: 'Lena Berg', gender: 'female' });
    await agent.correctCase(created.id, { citizen: { name: 'Bo Lind', gender: 'male' }, reason: 'Fel person' });
    expect(await genderOf(created.id)).toBe('male');
    await agent.correctCase(created.id, { citizen: {}, reason: 'Anonym' });
    expect(await row(created.id)).toEqual({ citizen_id: null, citizen_gender: null });
  });

  it('is held in step when SQL links a case, changes a gender, or removes a link, as a tool outside the application would', async () => {
    const lena = await newCase({ name: 'Lena Berg', gender: 'female' });
    const { citizen_id: citizenId } = await row(lena.id);
    const others = [(await newCase()).id, (await newCase()).id];
    // Linked by SQL, with no gender given: the citizen's.
    await db.query(`UPDATE cases SET citizen_id = '${citizenId}' WHERE id IN ('${others.join("', '")}')`);
    for (const id of others) expect(await genderOf(id)).toBe('female');
    // Inserted by SQL with another gender given: the citizen's.
    const inserted = newId();
    await db.query(
      `INSERT INTO cases (id, reference, description, status, priority, channel, received_at, source, citizen_id, citizen_gender)
       VALUES ('${inserted}', 'SQL-1', 'Inlagt', 'new', 'normal', 'phone', CURRENT_TIMESTAMP, 'import', '${citizenId}', 'male')`,
    );
    expect(await genderOf(inserted)).toBe('female');
    others.push(inserted);
    // The link removed on a case not anonymised: no gender.
    await db.query(`UPDATE cases SET citizen_id = NULL WHERE id = '${others[0]}'`);
    expect(await row(others[0])).toEqual({ citizen_id: null, citizen_gender: null });
    await db.query(`UPDATE cases SET citizen_id = '${citizenId}', citizen_gender = 'male' WHERE id = '${others[0]}'`);
    expect(await genderOf(others[0])).toBe('female');
    // Another gender written on a linked case alone: the citizen's.
    await db.query(`UPDATE cases SET citizen_gender = 'male' WHERE id = '${lena.id}'`);
    expect(await genderOf(lena.id)).toBe('female');

    // The citizen's gender changed: every case of theirs.
    await db.query(`UPDATE citizens SET gender = 'other' WHERE id = '${citizenId}'`);
    for (const id of [lena.id, ...others]) expect(await genderOf(id)).toBe('other');

    // The link removed as the retention rules remove it, with the case anonymised: the gender stays.
    await db.query(`UPDATE cases SET citizen_id = NULL, anonymised_at = CURRENT_TIMESTAMP WHERE id = '${others[1]}'`);
    expect(await row(others[1])).toEqual({ citizen_id: null, citizen_gender: 'other' });
    // Corrected afterwards to name no one (a reopened case): the kept gender stays.
    await agent.correctCase(others[1], { citizen: {}, reason: 'Ingen medborgare' });
    expect(await row(others[1])).toEqual({ citizen_id: null, citizen_gender: 'other' });
    // The citizen deleted by SQL: the link goes by the foreign key, and the gender with it.
    await db.query(`DELETE FROM citizens WHERE id = '${citizenId}'`);
    for (const id of [lena.id, others[0], others[2]])
      expect(await row(id)).toEqual({ citizen_id: null, citizen_gender: null });
    expect(await genderOf(others[1])).toBe('other');
  });

  it('is filled in for the cases linked before, and the triggers are undone and done again', async () => {
    const created = await newCase({ name: 'Lena Berg', gender: 'female' });
    // A citizen without a gender, on a case that kept one before it was linked (by SQL, below).
    const keptOwn = await newCase({ name: 'Anna Ek' });
    const runner = db.createQueryRunner();
    try {
      await new CaseCitizenGender().down(runner);
      // As before the migration: no gender on a linked case, nothing holding the value.
      expect(await genderOf(created.id)).toBeNull();
      await db.query(`UPDATE cases SET citizen_gender = 'other' WHERE id = '${keptOwn.id}'`);
      expect(await genderOf(keptOwn.id)).toBe('other');
      await new CaseCitizenGender().up(runner);
    } finally {
      await runner.release();
    }
    expect(await genderOf(created.id)).toBe('female');
    // The reports had read the case's own where the citizen has none: it stays.
    expect(await genderOf(keptOwn.id)).toBe('other');
    // And the triggers are back: a gender written on a linked case is the citizen's.
    await db.query(`UPDATE cases SET citizen_gender = NULL WHERE id = '${created.id}'`);
    expect(await genderOf(created.id)).toBe('female');
  });
});
