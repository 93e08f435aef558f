// Jest reads `testTimeout` only from the global config, never from a
// project's, so the int project sets its default here (setupFilesAfterEnv).
jest.setTimeout(120_000);
