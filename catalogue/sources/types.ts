/** The shape of a primary page's sentences (catalogue/traceability.ts matches them to the rules). */

export interface SourceSentence {
  /** Stable ID: W<nn> (Web SDK page) or P<nn> (product page). */
  id: string;
  section: string;
  /** The sentence, word for word. */
  text: string;
  /** Rules that check it without quoting it. */
  rules?: string[];
  /** Register entries (A<nn>) that read it otherwise, or say why it is left out. */
  ambiguities?: string[];
}

export interface SourcePage {
  page: string;
  title: string;
  /** The page's addresses: a rule quote citing any of them is matched against its sentences. */
  urls: string[];
  sentences: SourceSentence[];
}
