// Function tests go through a real emulator process; on two busy cores a call can take a while.
jest.setTimeout(30_000);
