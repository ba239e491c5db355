/** The home page's lists for a returning person, one chunk loaded by Home when there is something to list. */
export { DraftList } from './DraftList';
export { RecentRequests } from './RecentRequests';
