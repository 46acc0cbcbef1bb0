// End-to-end tests of the whole platform against the real PostgreSQL, Kafka and Temporal.
module.exports = {
  displayName: 'platform-e2e',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  testTimeout: 120_000,
  moduleFileExtensions: ['ts', 'js', 'html'],
};
