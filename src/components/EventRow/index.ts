export * from './EventRow'
