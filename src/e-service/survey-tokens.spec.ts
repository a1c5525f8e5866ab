import { SurveyTokens } from './survey-tokens';

describe('survey tokens', () => {
  const tokens = new SurveyTokens('a-personal-data-key-of-the-installation');
  const caseId = '0b9f4c1e-2d7a-4e55-9a41-7f1c2b3d4e5f';

  it('carry the case id and give it back only when the tag holds', () => {
    const token = tokens.tokenFor(caseId);
    expect(token).toMatch(/^[\w-]{38}$/);
    expect(tokens.caseIdOf(token)).toBe(caseId);
    const tampered = `${token.slice(0, 37)}${token[37] === 'A' ? 'B' : 'A'}`;
    expect(tokens.caseIdOf(tampered)).toBeNull();
    expect(new SurveyTokens('another-installation-key-entirely').caseIdOf(token)).toBeNull();
    expect(tokens.caseIdOf('short')).toBeNull();
    expect(tokens.caseIdOf(undefined)).toBeNull();
  });

  it('make the survey link from the public address', () => {
    expect(tokens.linkFor('https://kommun.example', caseId)).toBe(
      `https://kommun.example/survey/${tokens.tokenFor(caseId)}`,
    );
  });
});
