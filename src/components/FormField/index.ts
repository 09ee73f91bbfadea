export * from './FormField'
