/**
 * The news addresses other features link to (the home page's teasers, group
 * pages, search results). Server-side reads are in `public.server.ts`.
 */
export { articlePath, listingPath, type ListingQuery } from './links.ts'
