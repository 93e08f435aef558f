import { MongoServerError } from 'mongodb';
import { DocumentStoreError, mongoCall } from './mongo-errors';

// What FerretDB 1.24 answered under concurrent writes from several services.
const LOCKED =
  '[msg_update.go:133 handler.(*Handler).updateDocument] ' +
  '[collection.go:177 sqlite.(*collection).UpdateAll.func1] ' +
  'database is locked (5) (SQLITE_BUSY)';

function serverError(message: string, code = 1) {
  return new MongoServerError({ message, code, codeName: 'InternalError' });
}

async function failureOf(error: unknown): Promise<DocumentStoreError> {
  const caught = await mongoCall('write', () => Promise.reject(error)).catch(
    (e: unknown) => e,
  );
  if (!(caught instanceof DocumentStoreError)) throw caught;
  return caught;
}

describe('mongoCall', () => {
  it('marks a write that lost a SQLite lock race as retriable', async () => {
    const failure = await failureOf(serverError(LOCKED));

    expect(failure).toMatchObject({
      code: 'DOCUMENT_STORE_UNAVAILABLE',
      retriable: true,
    });
  });

  it('marks any other server error as failed for good', async () => {
    const failure = await failureOf(serverError('unknown operator: $foo', 2));

    expect(failure).toMatchObject({
      code: 'DOCUMENT_STORE_FAILED',
      retriable: false,
    });
  });
});
