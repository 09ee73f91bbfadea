export * from './Chips'
