import { routedCasePayload, RoutedCaseFacts } from './routed-case-payload';

const facts: RoutedCaseFacts = {
  deliveryId: 'd-1',
  routedAt: new Date('2026-05-04T08:20:00Z'),
  department: { code: 'TEK', name: 'Tekniska förvaltningen' },
  catalogName: 'Potthål eller skadad väg',
  routedCase: {
    id: 'c-1',
    reference: '2026-000007',
    status: 'routed',
    catalogCode: 'pothole',
    priority: 'normal',
    description: 'Djupt hål i vägen vid skolan',
    address: 'Skolvägen 3',
    postalCode: '13930',
    lat: 59.25,
    lng: 18.23,
    receivedAt: new Date('2026-05-04T08:15:00Z'),
    firstResponseDueAt: null,
    resolutionDueAt: new Date('2026-05-11T15:00:00Z'),
    confidential: false,
  },
};

describe('the routed-case payload', () => {
  it('carries what field staff need, with times in UTC', () => {
    expect(routedCasePayload(facts)).toEqual({
      event: 'case.routed',
      deliveryId: 'd-1',
      routedAt: '2026-05-04T08:20:00.000Z',
      department: { code: 'TEK', name: 'Tekniska förvaltningen' },
      case: {
        id: 'c-1',
        reference: '2026-000007',
        status: 'routed',
        catalogCode: 'pothole',
        catalogName: 'Potthål eller skadad väg',
        priority: 'normal',
        description: 'Djupt hål i vägen vid skolan',
        location: { address: 'Skolvägen 3', postalCode: '13930', lat: 59.25, lng: 18.23 },
        receivedAt: '2026-05-04T08:15:00.000Z',
        firstResponseDueAt: null,
        resolutionDueAt: '2026-05-11T15:00:00.000Z',
        confidential: false,
      },
    });
  });

  it('says "no location" rather than four empty fields', () => {
    const nowhere = {
      ...facts,
      routedCase: { ...facts.routedCase, address: null, postalCode: null, lat: null, lng: null },
    };
    expect(routedCasePayload(nowhere).case.location).toBeNull();
  });
});
