import { XMLParser } from 'fast-xml-parser';
import { Open311List, renderOpen311 } from './open311-document';

const services = {
  root: 'services',
  body: new Open311List('service', [{ service_code: '001', service_name: 'Gatubelysning', metadata: true }]),
};

describe('Open311 answers in XML and JSON', () => {
  it('writes a list as its wrapper element with one element per item, and as a JSON array', () => {
    expect(renderOpen311('xml', services).toString('utf8')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<services>\n  <service>\n    <service_code>001</service_code>\n' +
        '    <service_name>Gatubelysning</service_name>\n    <metadata>true</metadata>\n  </service>\n</services>\n',
    );
    expect(JSON.parse(renderOpen311('json', services).toString('utf8'))).toEqual([
      { service_code: '001', service_name: 'Gatubelysning', metadata: true },
    ]);
  });

  it('keeps the wrapper of an empty list', () => {
    const empty = { root: 'service_requests', body: new Open311List('request', []) };
    expect(renderOpen311('xml', empty).toString('utf8')).toContain('<service_requests></service_requests>');
    expect(renderOpen311('json', empty).toString('utf8')).toBe('[]');
  });

  it('gives a description back with its CR LF, markup escaped, to a conforming XML parser', () => {
    const description = 'Titel: Lampan <släckt> & trasig\r\n\r\nSkickad via "app"';
    const document = { root: 'service_requests', body: new Open311List('request', [{ description, empty: null }]) };
    const parsed = new XMLParser({ processEntities: true, htmlEntities: true }).parse(
      renderOpen311('xml', document).toString('utf8'),
    ) as { service_requests: { request: { description: string; empty: string } } };
    expect(parsed.service_requests.request.description).toBe(description);
    expect(parsed.service_requests.request.empty).toBe('');
  });

  it('leaves out characters XML cannot carry', () => {
    const document = { root: 'discovery', body: { contact: 'a\u0001b' } };
    expect(renderOpen311('xml', document).toString('utf8')).toContain('<contact>ab</contact>');
  });
});
