module.exports = {
  displayName: 'event-store',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../coverage/libs/event-store',
  // The EventStoreDB contract run exists only where a server does: without one it is not collected at
  // all (an empty file would fail, a skipped suite would read as covered).
  testPathIgnorePatterns: ['/node_modules/', ...(process.env['EVENTSTORE_URL'] ? [] : ['\\.esdb\\.spec\\.ts$'])],
  // Suites hold real transactions and poll the database.
  testTimeout: 30_000,
};
