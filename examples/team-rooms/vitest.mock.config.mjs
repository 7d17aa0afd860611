// The vi.mock recipe: no alias; test/mocked.test.ts mocks the vendor module itself.
export default {
  test: { globals: true, include: ['test/mocked.test.ts'] },
};
