export * from './RequestRow'
