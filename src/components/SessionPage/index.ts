export * from './SessionPage'
