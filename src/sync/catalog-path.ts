/** Where the app fetches the service catalog; shared with the service worker's cache route. */
export const CATALOG_PATH = '/api/catalog';
