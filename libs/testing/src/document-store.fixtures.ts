import type { DocumentStore } from '@qms/ports';

export interface EscalationView {
  id: string;
  status: string;
  level: number;
  acknowledged: boolean;
  team: string;
}

export const VIEWS: EscalationView[] = [
  { id: 'e1', status: 'open', level: 1, acknowledged: false, team: 'payments' },
  {
    id: 'e2',
    status: 'acknowledged',
    level: 2,
    acknowledged: true,
    team: 'payments',
  },
  { id: 'e3', status: 'open', level: 3, acknowledged: false, team: 'platform' },
  {
    id: 'e4',
    status: 'resolved',
    level: 4,
    acknowledged: true,
    team: 'platform',
  },
  { id: 'e5', status: 'open', level: 5, acknowledged: false, team: 'search' },
];

/** Writes VIEWS in a scrambled order, so insertion order proves nothing. */
export async function seedViews(
  store: DocumentStore,
  collection: string,
): Promise<void> {
  const scrambled = [VIEWS[3], VIEWS[0], VIEWS[4], VIEWS[2], VIEWS[1]];
  await store.write(scrambled.map((doc) => ({ collection, id: doc.id, doc })));
}

export function ids(docs: Array<{ id: string }>): string[] {
  return docs.map((d) => d.id);
}
