// Tests run in local mode (the development keys and secret), as the local launcher does.
// A test of "outside local mode" passes its own environment to the function under test.
process.env.BPM_LOCAL_MODE = process.env.BPM_LOCAL_MODE ?? 'true';
