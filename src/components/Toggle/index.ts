export * from './Toggle'
