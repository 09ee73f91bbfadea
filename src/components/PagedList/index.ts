export * from './PagedList'
