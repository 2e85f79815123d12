/**
 * The working groups' addresses other features link to (the home page's
 * cards, the news filter, meetings). Server-side reads are in
 * `public.server.ts`.
 */
export { groupPath, groupPaths, groupPathsWithoutLang } from './links.ts'
