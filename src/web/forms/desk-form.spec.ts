import { caseBody, contactBody, freshDeskForm, lookupOf } from './desk-form';

describe('the desk form', () => {
  const form = {
    ...freshDeskForm('PHONE'),
    summary: ' Gatlampan på Ekvägen är släckt ',
    catalogCode: 'street_light',
    citizenName: 'Oskar Ek',
    citizenEmail: ' ',
    address: 'Ekvägen 3',
  };

  it('stands for the API’s contact body, leaving out what was left blank', () => {
    expect(contactBody(form, 'answered')).toEqual({
      channel: 'phone',
      summary: 'Gatlampan på Ekvägen är släckt',
      outcome: 'answered',
      servicePointCode: 'PHONE',
      catalogCode: 'street_light',
      citizen: { name: 'Oskar Ek' },
    });
  });

  it('makes the case of the contact, with the summary as the description when none is given', () => {
    expect(caseBody(form, 'c1')).toEqual({
      description: 'Gatlampan på Ekvägen är släckt',
      channel: 'phone',
      catalogCode: 'street_light',
      location: { address: 'Ekvägen 3' },
      contactId: 'c1',
    });
    expect(caseBody({ ...form, description: 'Lampan vid nr 3' }).description).toBe('Lampan vid nr 3');
  });

  it('reads a look-up as a personal identity number, an e-mail address or a phone number', () => {
    expect(lookupOf('19811218-9876')).toEqual({ personalNumber: '19811218-9876' });
    expect(lookupOf('811218-9876')).toEqual({ personalNumber: '811218-9876' });
    expect(lookupOf('Karin.Lind@example.se')).toEqual({ email: 'Karin.Lind@example.se' });
    expect(lookupOf('070-123 45 67')).toEqual({ phone: '070-123 45 67' });
    expect(lookupOf('  ')).toBeNull();
  });
});
