export * from './DateTimeField'
