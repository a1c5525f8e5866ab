import { redact, RedactionParties, REDACTION_MARKERS as M } from './redaction';

/** [text as written, text as published]: a table of what is removed, and of near-misses that stay. */
const EXAMPLES: Array<[string, string]> = [
  // Swedish personal identity numbers, every written form.
  ['Mitt personnummer är 19811218-9876.', `Mitt personnummer är ${M.personalNumber}.`],
  ['pnr 198112189876', `pnr ${M.personalNumber}`],
  ['pnr 811218-9876', `pnr ${M.personalNumber}`],
  ['pnr 8112189876', `pnr ${M.personalNumber}`],
  ['pnr 811218 9876', `pnr ${M.personalNumber}`],
  ['pnr 19811218 9876', `pnr ${M.personalNumber}`],
  ['född 261231+9802, nu 99 år', `född ${M.personalNumber}, nu 99 år`],
  ['samordningsnummer 701063-2391', `samordningsnummer ${M.personalNumber}`],
  ['samordningsnummer 197010632391', `samordningsnummer ${M.personalNumber}`],
  ['(19121212-1212)', `(${M.personalNumber})`],
  ['nr:121212-1212.', `nr:${M.personalNumber}.`],
  ['pnr 811218 - 9876', `pnr ${M.personalNumber}`],
  ['pnr 19811218–9876', `pnr ${M.personalNumber}`],
  // Danish CPR numbers.
  ['CPR 010203-1234', `CPR ${M.cpr}`],
  ['cpr-nr. 311299 4321', `cpr-nr. ${M.cpr}`],
  ['cpr 0102031234 i sagen', `cpr ${M.cpr} i sagen`],
  // Phone numbers, Swedish.
  ['Ring 070-123 45 67', `Ring ${M.phone}`],
  ['Ring 0701234567', `Ring ${M.phone}`],
  ['Ring +46 70 123 45 67', `Ring ${M.phone}`],
  ['Ring +46701234567', `Ring ${M.phone}`],
  ['Ring 0046 70 123 45 67', `Ring ${M.phone}`],
  ['Ring 08-123 456 78', `Ring ${M.phone}`],
  ['Ring 08-12345678', `Ring ${M.phone}`],
  ['Ring 031-12 34 56', `Ring ${M.phone}`],
  ['Ring +46 (0)8 123 456 78', `Ring ${M.phone}`],
  ['tel 0911-123 45', `tel ${M.phone}`],
  ['Ring 070 123 45 67', `Ring ${M.phone}`],
  ['Ring (08) 123 456 78', `Ring ${M.phone}`],
  ['Ring +46-70-123 45 67', `Ring ${M.phone}`],
  // Phone numbers, Danish.
  ['Ring +45 12 34 56 78', `Ring ${M.phone}`],
  ['Ring 0045 12345678', `Ring ${M.phone}`],
  ['Ring 12 34 56 78', `Ring ${M.phone}`],
  ['Ring +4512345678', `Ring ${M.phone}`],
  ['Ring +45 1234 5678', `Ring ${M.phone}`],
  // E-mail addresses.
  ['Svara till karin.lind@example.se', `Svara till ${M.email}`],
  ['Mail: anna_b+kommun@post.example.com.', `Mail: ${M.email}.`],
  ['skriv till ÅSA.ÖBERG@exempel.se tack', `skriv till ${M.email} tack`],
  // Vehicle registration plates.
  ['Bilen ABC 123 står på gatan', `Bilen ${M.plate} står på gatan`],
  ['Bilen ABC123 står på gatan', `Bilen ${M.plate} står på gatan`],
  ['Bilen MLB 12A har stått i veckor', `Bilen ${M.plate} har stått i veckor`],
  ['Dansk bil AB 12 345 parkerad', `Dansk bil ${M.plate} parkerad`],
  ['Bilen ABC-123 blockerar infarten', `Bilen ${M.plate} blockerar infarten`],
  // Bank and card numbers.
  ['Kort 4111 1111 1111 1111 spärrat', `Kort ${M.card} spärrat`],
  ['Kort 4111111111111111', `Kort ${M.card}`],
  ['Konto SE45 5000 0000 0583 9825 7466', `Konto ${M.account}`],
  ['Konto DK50 0040 0440 1162 43', `Konto ${M.account}`],
  ['Konto 8327-9, 123 456 789-0', `Konto ${M.account}`],
  ['Konto 6789-123 456 789', `Konto ${M.account}`],
  // A postal code with its town.
  ['Storgatan 12, 135 40 Tyresö', `Storgatan 12, ${M.postalCode} Tyresö`],
  ['adress 13540 Tyresö', `adress ${M.postalCode} Tyresö`],
  // Several at once.
  [
    'Ring 070-123 45 67 eller mejla karin@example.se, pnr 811218-9876.',
    `Ring ${M.phone} eller mejla ${M.email}, pnr ${M.personalNumber}.`,
  ],
  // More written forms of the same kinds.
  ['pnr 811218+9876', `pnr ${M.personalNumber}`],
  ['pnr 19811218 - 9876 i ansökan', `pnr ${M.personalNumber} i ansökan`],
  ['samordningsnr 701063 2391', `samordningsnr ${M.personalNumber}`],
  ['Dansk CPR-nummer 311299-4321', `Dansk CPR-nummer ${M.cpr}`],
  ['CPR: 0102034321', `CPR: ${M.cpr}`],
  ['Ring +46 8 123 456 78', `Ring ${M.phone}`],
  ['Ring 046-12 34 56', `Ring ${M.phone}`],
  ['Ring 0771-123 456', `Ring ${M.phone}`],
  ['Ring 0045 12 34 56 78', `Ring ${M.phone}`],
  ['Ring +45 12-34-56-78', `Ring ${M.phone}`],
  ['mejla per.holm@kommun.norrvika.se!', `mejla ${M.email}!`],
  ['Kort 4111-1111-1111-1111', `Kort ${M.card}`],
  ['Bilen XYZ 98B står kvar', `Bilen ${M.plate} står kvar`],
  ['Bo på 123 45 Norrvika', `Bo på ${M.postalCode} Norrvika`],
  ['tlf. 12345678 efter kl. 16', `tlf. ${M.phone} efter kl. 16`],
  ['Mobil: 20 30 40 50', `Mobil: ${M.phone}`],
  ['kontonr 1234 12 34567', `kontonr ${M.account}`],
  ['Reg. nr. 5479 konto 4305 7894 32', `Reg. nr. 5479 konto ${M.account}`],
  ['Nørregade 4, 1165 København K', `Nørregade 4, ${M.postalCode} København K`],
  // Near-misses that must stay as they are.
  ['Budget 2026 Tekniska nämnden', 'Budget 2026 Tekniska nämnden'],
  ['Telefontid 9-12 alla dagar', 'Telefontid 9-12 alla dagar'],
  ['Kontoret öppnar 2026-04-01', 'Kontoret öppnar 2026-04-01'],
  ['Öppet 08.00–16.30 helgfri vardag', 'Öppet 08.00–16.30 helgfri vardag'],
  ['Telefontid 10–12 och 13–15', 'Telefontid 10–12 och 13–15'],
  ['Ärende 2026-000123 hänger ihop med detta', 'Ärende 2026-000123 hänger ihop med detta'],
  ['Inkom 2026-03-05 08:15–09:30', 'Inkom 2026-03-05 08:15–09:30'],
  ['Beloppet 2 500,00 kr', 'Beloppet 2 500,00 kr'],
  ['Kostnad 1 200 000 kronor', 'Kostnad 1 200 000 kronor'],
  ['Klockan 13.45 i går', 'Klockan 13.45 i går'],
  ['Fastigheten Norrvika 1:23', 'Fastigheten Norrvika 1:23'],
  ['Vägen är 123 45 meter bred?', 'Vägen är 123 45 meter bred?'],
  ['Datum 5/3 2026', 'Datum 5/3 2026'],
  ['Ärende 2026-000541 är klart', 'Ärende 2026-000541 är klart'],
  ['Se ärende 2025-012345.', 'Se ärende 2025-012345.'],
  ['Inkom 2026-03-05 kl. 08:15', 'Inkom 2026-03-05 kl. 08:15'],
  ['den 5 mars 2026', 'den 5 mars 2026'],
  ['Öppet 08:00-17:00 alla vardagar', 'Öppet 08:00-17:00 alla vardagar'],
  ['Öppet kl. 8–16', 'Öppet kl. 8–16'],
  ['Avgiften är 12 500 kr', 'Avgiften är 12 500 kr'],
  ['Beloppet 1 234,50 kr betalades', 'Beloppet 1 234,50 kr betalades'],
  ['Fakturan på 45 000 kronor', 'Fakturan på 45 000 kronor'],
  ['Lampa nr 14 vid busshållplatsen', 'Lampa nr 14 vid busshållplatsen'],
  ['Kvarter 3 och 4 har ingen ström', 'Kvarter 3 och 4 har ingen ström'],
  ['Bygglov för 120 kvm tillbyggnad', 'Bygglov för 120 kvm tillbyggnad'],
  ['LIX 38 är bra', 'LIX 38 är bra'],
  ['Mellan 2019 och 2026 har det blivit värre', 'Mellan 2019 och 2026 har det blivit värre'],
  ['Det är 3 000 meter kvar', 'Det är 3 000 meter kvar'],
  ['Postnummer saknas', 'Postnummer saknas'],
  ['Rum 123 på plan 4', 'Rum 123 på plan 4'],
  ['SOC och TEK samarbetar', 'SOC och TEK samarbetar'],
  ['Organisationsnummer 556677-8899 för entreprenören', 'Organisationsnummer 556677-8899 för entreprenören'],
  ['Larma 112 vid fara', 'Larma 112 vid fara'],
  ['Gällde 2019-2026', 'Gällde 2019-2026'],
  ['Öppet 08.00-17.00', 'Öppet 08.00-17.00'],
  ['Datum 12/03/2026', 'Datum 12/03/2026'],
];

describe('redaction of published texts', () => {
  it.each(EXAMPLES)('publishes %j as %j', (written, published) => {
    expect(redact(written)).toBe(published);
  });

  it('has examples of every kind, and of near-misses', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(60);
    for (const marker of Object.values(M).filter((m) => m !== M.name && m !== M.address)) {
      expect(EXAMPLES.some(([, published]) => published.includes(marker))).toBe(true);
    }
  });

  describe("the case's own parties, from the case record", () => {
    const PARTY_EXAMPLES: Array<[string, RedactionParties, string]> = [
      ['Anna-Karin Öberg ringde igen', { names: ['Anna-Karin Öberg'] }, `${M.name} ringde igen`],
      ['Hej, Öberg här', { names: ['Anna-Karin Öberg'] }, `Hej, ${M.name} här`],
      [
        'Soptunnan vid Storgatan 12 B är trasig',
        { addresses: ['Storgatan 12 B, 135 40 Tyresö'] },
        `Soptunnan vid ${M.address} är trasig`,
      ],
      ['Boende på Kvarngatan 3A klagar', { addresses: ['Kvarngatan 3A'] }, `Boende på ${M.address} klagar`],
      [
        'Per Holm, Ågatan 1, ring 070-765 43 21',
        { names: ['Per Holm'], addresses: ['Ågatan 1'] },
        `${M.name}, ${M.address}, ring ${M.phone}`,
      ],
      // Near-misses: the same words not written as the party's name, or another street.
      ['Kvarnen vid ån är stängd', { names: ['Bo Kvarn'] }, 'Kvarnen vid ån är stängd'],
      ['Storgatan 14 har också hål', { addresses: ['Storgatan 12'] }, 'Storgatan 14 har också hål'],
      ['Ingen part nämns här', { names: [null, ' '], addresses: [undefined] }, 'Ingen part nämns här'],
    ];

    it.each(PARTY_EXAMPLES)('publishes %j (parties %j) as %j', (written, parties, published) => {
      expect(redact(written, parties)).toBe(published);
    });
  });

  describe("the case's own parties", () => {
    const parties = { names: ['Lena Berg'], addresses: ['Björkvägen 7, 135 40 Tyresö'] };

    it('removes their names, whole or in part, and their street address', () => {
      expect(redact('Lena Berg ringde om lampan vid Björkvägen 7.', parties)).toBe(
        `${M.name} ringde om lampan vid ${M.address}.`,
      );
      expect(redact('Fru Berg vill bli uppringd; Lena är hemma efter fem.', parties)).toBe(
        `Fru ${M.name} vill bli uppringd; ${M.name} är hemma efter fem.`,
      );
      expect(redact('LENA BERG och björkvägen 7', parties)).toBe(`${M.name} och ${M.address}`);
    });

    it('keeps ordinary words that look like a part of a name in lower case', () => {
      expect(redact('Ett berg av snö på vägen', parties)).toBe('Ett berg av snö på vägen');
    });

    it('removes nothing of a party that the text does not mention', () => {
      expect(redact('Hål i vägen vid skolan', parties)).toBe('Hål i vägen vid skolan');
    });
  });
});
