import { describe, expect, it } from 'vitest';
import { makeAssessment } from './factories';
import { groupBy } from './group-by';
import { compareAssessmentsNewestFirst, latestAssessment, latestFlag, latestPerBehaviour } from './latest-flag';

describe('the latest flag', () => {
  it('is the flag of the newest assessment date, whatever the order of the list', () => {
    const older = makeAssessment({ assessedOn: '2026-03-01', flag: 'rood' });
    const newer = makeAssessment({ assessedOn: '2026-03-12', flag: 'geel' });
    expect(latestFlag([older, newer])).toBe('geel');
    expect(latestFlag([newer, older])).toBe('geel');
  });

  it('on the same day is the one written last', () => {
    const first = makeAssessment({ assessedOn: '2026-03-12', createdAt: '2026-03-12T09:00:00.000Z', flag: 'groen' });
    const second = makeAssessment({ assessedOn: '2026-03-12', createdAt: '2026-03-12T10:00:00.000Z', flag: 'zwart' });
    expect(latestAssessment([second, first])).toBe(second);
    expect([first, second].sort(compareAssessmentsNewestFirst)).toEqual([second, first]);
  });

  it('does not exist before any assessment', () => {
    expect(latestFlag([])).toBeUndefined();
  });

  it('per behaviour is the newest of each behaviour (words trimmed, case ignored), oldest first', () => {
    const whole = makeAssessment({ assessedOn: '2026-03-01', flag: 'geel' });
    const sentOld = makeAssessment({ assessedOn: '2026-03-02', flag: 'groen', behaviour: 'Eigen foto gestuurd' });
    const sentNew = makeAssessment({ assessedOn: '2026-03-09', flag: 'geel', behaviour: ' eigen foto gestuurd ' });
    const forwarded = makeAssessment({
      assessedOn: '2026-03-05',
      flag: 'rood',
      behaviour: 'Foto doorgestuurd zonder toestemming',
    });
    expect(latestPerBehaviour([sentNew, forwarded, whole, sentOld])).toEqual([whole, forwarded, sentNew]);
    expect(latestPerBehaviour([])).toEqual([]);
  });
});

describe('groupBy', () => {
  it('keeps the order of the list inside each group', () => {
    const groups = groupBy(['a1', 'b1', 'a2'], (s) => s[0]);
    expect([...groups.entries()]).toEqual([
      ['a', ['a1', 'a2']],
      ['b', ['b1']],
    ]);
  });
});
