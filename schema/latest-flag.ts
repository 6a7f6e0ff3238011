// Which Vlaggensysteem assessment counts as a case's current one: the newest
// `assessedOn`; on the same day the one written last (`createdAt`). One rule
// for the case list, the follow-up overview and the aggregates; the summary
// shares the newest per behaviour (latestPerBehaviour).
import { groupBy } from './group-by';
import type { Flag, FlagAssessment } from './records/assessment';

type Dated = Pick<FlagAssessment, 'assessedOn' | 'createdAt'>;

/** Newest assessment first: by `assessedOn`, then by `createdAt`. */
export function compareAssessmentsNewestFirst(a: Dated, b: Dated): number {
  if (a.assessedOn !== b.assessedOn) return a.assessedOn < b.assessedOn ? 1 : -1;
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return 0;
}

/** The assessment that counts (the first of equals wins), or undefined when there is none. */
export function latestAssessment<A extends Dated>(assessments: readonly A[]): A | undefined {
  let latest: A | undefined;
  for (const a of assessments) if (!latest || compareAssessmentsNewestFirst(a, latest) < 0) latest = a;
  return latest;
}

/** The case's current flag, or undefined before any assessment. */
export function latestFlag(assessments: ReadonlyArray<Dated & Pick<FlagAssessment, 'flag'>>): Flag | undefined {
  return latestAssessment(assessments)?.flag;
}

/**
 * Issue 15, flags per behaviour: the newest assessment of each behaviour (the
 * words trimmed, case ignored; none named is the case as a whole), oldest first.
 */
export function latestPerBehaviour<A extends Dated & { behaviour?: string | undefined }>(
  assessments: readonly A[],
): A[] {
  const groups = groupBy(assessments, (a) => a.behaviour?.trim().toLowerCase() ?? '');
  return [...groups.values()]
    .flatMap((group) => {
      const latest = latestAssessment(group);
      return latest ? [latest] : [];
    })
    .sort((a, b) => compareAssessmentsNewestFirst(b, a));
}
