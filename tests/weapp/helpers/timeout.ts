// Simulated pages wait on the emulator, on two busy cores.
jest.setTimeout(60_000);
