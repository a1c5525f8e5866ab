import { afterChange, formList, listOf } from './admin-forms';

describe('reading admin forms', () => {
  it('reads a list typed one item per line or separated by commas, leaving blanks out', () => {
    expect(listOf('gatlykta, lyktstolpe\nstreetlight,, \n')).toEqual(['gatlykta', 'lyktstolpe', 'streetlight']);
    expect(listOf('')).toEqual([]);
  });

  it('reads a field sent once or several times (checkboxes) as a list of text', () => {
    expect(formList({ departmentCodes: 'TEK' }, 'departmentCodes')).toEqual(['TEK']);
    expect(formList({ departmentCodes: ['TEK', 'VA'] }, 'departmentCodes')).toEqual(['TEK', 'VA']);
    expect(formList({}, 'departmentCodes')).toEqual([]);
    expect(formList(undefined, 'departmentCodes')).toEqual([]);
  });

  it('sends the browser back to the page with what was done, the subject encoded', () => {
    expect(afterChange('/admin/catalog', 'created', 'street_light')).toBe(
      '/admin/catalog?done=created&subject=street_light',
    );
    expect(afterChange('/admin/staff', 'created')).toBe('/admin/staff?done=created');
  });
});
