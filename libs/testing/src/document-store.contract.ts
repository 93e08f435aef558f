import type { DocumentStore } from '@qms/ports';
import { documentStoreQueryCases } from './document-store-query.cases';
import { documentStoreWriteCases } from './document-store-write.cases';

export interface DocumentStoreFixture {
  store: DocumentStore;
  dispose(): Promise<void>;
}

/**
 * The behaviour every DocumentStore adapter must have. Each test gets a
 * fresh fixture from `make` and owns its collections (random suffixes),
 * so the suite may run against a shared server.
 */
export function documentStoreContract(
  name: string,
  make: () => Promise<DocumentStoreFixture>,
): void {
  describe(`DocumentStore contract: ${name}`, () => {
    let fixture: DocumentStoreFixture | undefined;
    const store = (): DocumentStore => {
      if (!fixture) throw new Error('document store fixture is not ready');
      return fixture.store;
    };

    beforeEach(async () => {
      fixture = await make();
    });

    afterEach(async () => {
      await fixture?.dispose();
      fixture = undefined;
    });

    documentStoreWriteCases(store);
    documentStoreQueryCases(store);
  });
}
