// End-to-end tests of the whole platform against the real PostgreSQL, Kafka and Temporal.
module.exports = {
  displayName: 'platform-e2e',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'html'],
};
