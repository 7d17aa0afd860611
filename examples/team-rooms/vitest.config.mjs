// The alias recipe: the app's code imports '@tencentcloud/chat' and gets groupspec's fake.
export default {
  resolve: { alias: { '@tencentcloud/chat': 'groupspec/chat' } },
  test: { globals: true, include: ['test/team-rooms.test.ts'] },
};
