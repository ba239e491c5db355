/**
 * Translations people can review: the share of each language's strings
 * (interface and catalog) that a native reader has reviewed, from the review
 * files under src/i18n/review/ (written by `npm run civic -- i18n import`).
 * A review counts only for the exact text it was given for.
 */
import { LANGUAGE_CODES } from '../src/core/lang';
import { reviewedShare } from '../server/i18n/export';
import { repoPaths } from '../server/i18n/strings';

const paths = repoPaths();
console.log('Reviewed by a native reader (interface + catalog strings):');
for (const lang of LANGUAGE_CODES) {
  const { reviewed, total } = reviewedShare(paths, lang);
  const share = total > 0 ? (100 * reviewed) / total : 0;
  const note = lang === 'en' ? '  (the source language)' : '';
  console.log(`  ${lang}  ${share.toFixed(1).padStart(5)}%  ${reviewed}/${total}${note}`);
}
