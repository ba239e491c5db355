/** Every page of the officer room, behind the one dynamic import in pages.ts. */
export { default as Home } from './Home';
export { default as SignInPage } from './SignInPage';
export { default as VisitPage } from './Visit';
export { default as FiledPage } from './Filed';
export { default as WorkPage } from './Work';
export { default as WorkItemPage } from './WorkItem';
export { default as SyncPage } from './SyncPage';
