// Jest reads `testTimeout` only from the global config, never from a
// project's, so the e2e project sets its default here (setupFilesAfterEnv).
jest.setTimeout(60_000);
