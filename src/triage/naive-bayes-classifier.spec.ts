import { NaiveBayesClassifier, NaiveBayesModelJSON } from './naive-bayes-classifier';

describe('NaiveBayesClassifier', () => {
  // V = {lamp, trasig, släckt, hål, väg} (5 words); A: 2 docs, 4 words; B: 1 doc, 2 words.
  const trained = () => {
    const nb = new NaiveBayesClassifier();
    nb.learn(['lamp', 'trasig'], 'A');
    nb.learn(['lamp', 'släckt'], 'A');
    nb.learn(['hål', 'väg'], 'B');
    return nb;
  };

  it('computes the textbook multinomial posterior with Laplace smoothing', () => {
    // A: 2/3 * (2+1)/(4+5) = 2/9; B: 1/3 * (0+1)/(2+5) = 1/21  ->  P(A) = (2/9) / (2/9 + 1/21) = 14/17
    const [a, b] = trained().predict(['lamp']);
    expect(a.label).toBe('A');
    expect(a.probability).toBeCloseTo(14 / 17, 12);
    expect(b).toEqual({ label: 'B', probability: expect.closeTo(3 / 17, 12) as number });
  });

  it('counts repeated words (multinomial, not set of words)', () => {
    // A: 2/3 * (1/3)^2 = 2/27; B: 1/3 * (1/7)^2 = 1/147 -> P(A) = (2/27) / (2/27 + 1/147) = 98/107
    expect(trained().predict(['lamp', 'lamp'])[0].probability).toBeCloseTo(98 / 107, 12);
  });

  it('flattens the posterior with a temperature', () => {
    const [a] = trained().predict(['lamp'], { temperature: 2 });
    expect(a.probability).toBeCloseTo(Math.sqrt(14) / (Math.sqrt(14) + Math.sqrt(3)), 12);
  });

  it('ignores words never seen in training and falls back to the priors without evidence', () => {
    const nb = trained();
    expect(nb.predict(['lamp', 'okänt'])).toEqual(nb.predict(['lamp']));
    expect(nb.predict([]).map((p) => p.probability)).toEqual([expect.closeTo(2 / 3, 12), expect.closeTo(1 / 3, 12)]);
    expect(nb.knowsAny(['okänt'])).toBe(false);
    expect(nb.knowsAny(['okänt', 'väg'])).toBe(true);
  });

  it('can restrict and renormalise over a subset of labels', () => {
    const nb = trained();
    nb.learn(['väg', 'snö'], 'C');
    const predictions = nb.predict(['väg'], { labels: ['B', 'C', 'unknown'] });
    expect(predictions.map((p) => p.label)).toEqual(['B', 'C']);
    expect(predictions[0].probability + predictions[1].probability).toBeCloseTo(1, 12);
  });

  it('stays numerically stable for long texts (log space, no underflow)', () => {
    const nb = trained();
    const long = Array.from({ length: 2000 }, (_, i) => (i % 2 ? 'hål' : 'väg'));
    const [best] = nb.predict(long);
    expect(best).toEqual({ label: 'B', probability: 1 });
  });

  it('round-trips through JSON with identical predictions', () => {
    const nb = trained();
    const json = JSON.parse(JSON.stringify(nb.toJSON())) as NaiveBayesModelJSON;
    expect(json).toEqual({
      version: 1,
      alpha: 1,
      docCounts: { A: 2, B: 1 },
      featureCounts: { A: { lamp: 2, trasig: 1, släckt: 1 }, B: { hål: 1, väg: 1 } },
    });
    const restored = NaiveBayesClassifier.fromJSON(json);
    expect(restored.predict(['lamp', 'väg'])).toEqual(nb.predict(['lamp', 'väg']));
    expect(restored.exampleCount).toBe(3);
    expect(restored.examplesPerLabel()).toEqual({ A: 2, B: 1 });
  });

  it('ignores empty documents, predicts nothing before training and rejects bad input', () => {
    const nb = new NaiveBayesClassifier();
    nb.learn([], 'A');
    expect(nb.exampleCount).toBe(0);
    expect(nb.predict(['lamp'])).toEqual([]);
    expect(() => new NaiveBayesClassifier(0)).toThrow('alpha must be positive');
    expect(() => NaiveBayesClassifier.fromJSON({ version: 2 } as never)).toThrow(
      'unsupported Naive Bayes model version 2',
    );
  });
});
