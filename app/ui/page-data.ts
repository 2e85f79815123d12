/**
 * The type of what a page component receives from a loader living in a
 * feature module, as the browser gets it (serialized: dates as strings).
 * Routes pass `useLoaderData<typeof loader>()` to the feature's component.
 */
import type { useLoaderData } from '@remix-run/react'

// `any`: a loader of any arguments (Remix passes its own args object).
export type PageData<Loader extends (...args: any[]) => unknown> = ReturnType<typeof useLoaderData<Loader>>
