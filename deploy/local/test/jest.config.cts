module.exports = {
  displayName: 'launcher',
  preset: '../../../jest.preset.js',
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js'],
  coverageDirectory: '../../../coverage/deploy/local',
};
