/**
 * "a Work group", "an AVChatRoom group": the indefinite article before a capitalised word, by its
 * first letter (the group types are names read as letters or words: AVChatRoom is "ay-vee"). The
 * rule lint (catalogue/articles.ts) holds the features to the same rule.
 */
export const VOWEL_START = /^[AEIOU]/;

export const withArticle = (word: string): string => `${VOWEL_START.test(word) ? 'an' : 'a'} ${word}`;
