import { useCasePersons } from '../../persons/hooks/use-persons.ts';

export interface AccusedCandidate {
  id: string;
  displayName: string;
  status: string | null;
}
export interface VictimCandidate {
  id: string;
  pseudonym: string;
  state: string;
}

/** Who can be arrested (the case's accused) and rescued (the case's victims, by pseudonym) in an operation. */
export function useOutcomeCandidates(caseId: string | undefined) {
  const persons = useCasePersons(caseId);
  const accused: AccusedCandidate[] = (persons.data?.persons ?? []).filter((p) => p.accused).map((p) => ({ id: p.personId, displayName: p.displayName, status: p.accusedStatus }));
  const victims: VictimCandidate[] = (persons.data?.victims ?? []).map((v) => ({ id: v.id, pseudonym: v.pseudonym, state: v.state }));
  return { loading: persons.isPending && !!caseId, error: persons.error, accused, victims };
}
